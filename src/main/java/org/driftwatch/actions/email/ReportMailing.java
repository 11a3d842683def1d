package org.driftwatch.actions.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.driftwatch.actions.Action;
import org.driftwatch.actions.ActionContext;
import org.driftwatch.actions.ActionKind;
import org.driftwatch.actions.ActionResult;
import org.driftwatch.checks.Status;
import org.driftwatch.rules.RuleSection;
import org.driftwatch.rules.RuleSet;
import org.simplejavamail.api.email.Email;

/**
 * The report email ({@code actions.email}, or {@code --email-to} alone): the HTML report as the body when
 * the run's status is in {@code when} for {@code consecutive} runs in a row; a short error mail when a
 * run fails before it has a report.
 */
public record ReportMailing(EmailAction mail) implements Action {
    /** {@code actions.email}, with {@code --email-to} replacing its recipients and {@code --no-email} turning it off. */
    public static final class Kind implements ActionKind {
        @Override
        public String key() {
            return "email";
        }

        @Override
        public List<Action> fromRules(RuleSet rules, CommandLine cli) {
            Optional<RuleSection> section = rules.actions().section("email").filter(RuleSection::enabled);
            Optional<EmailAction> email = section.map(EmailAction::fromRules);
            if (email.isPresent() && email.get().consecutive() > 1 && !rules.keepsHistory()) {
                throw section.get().error("consecutive", "actions.email.consecutive counts runs in the metrics history,"
                    + " which this rule file turns off (history.enabled: false)");
            }
            return resolved(email, cli);
        }

        @Override
        public List<Action> fromCommandLine(CommandLine cli) {
            return resolved(Optional.empty(), cli);
        }

        private static List<Action> resolved(Optional<EmailAction> fromRules, CommandLine cli) {
            if (cli.noEmail()) {
                return List.of();
            }
            if (!cli.emailTo().isEmpty()) {
                return List.of(new ReportMailing(fromRules.orElse(new EmailAction(cli.emailTo(), List.of(), EmailAction.DEFAULT_WHEN))
                    .to(cli.emailTo())));
            }
            return fromRules.<Action>map(ReportMailing::new).stream().toList();
        }
    }

    @Override
    public List<ActionResult> onReport(Judged judged, ActionContext context) {
        Status t = judged.report().status();
        if (!mail.wants(t)) {
            return List.of(new ActionResult("email", ActionResult.Outcome.SKIPPED, mail.to(), 0,
                "status " + t.name().toLowerCase() + " is not in actions.email.when"));
        }
        int run = judged.report().trends().verdicts().isEmpty() ? 1 : judged.report().trends().statusRun(mail.whenWords());
        if (run < mail.consecutive()) {
            return List.of(new ActionResult("email", ActionResult.Outcome.SKIPPED, mail.to(), 0, "status " + t.json() + " for the "
                + run + " of " + mail.consecutive() + " runs in a row actions.email.consecutive requires"));
        }
        return List.of(send(smtp -> ReportEmail.report(mail, smtp.from(), judged.report(), judged.html(), judged.json(),
            judged.reportPath(), smtp.maxBytes()), context));
    }

    @Override
    public List<ActionResult> onError(String monitor, String date, String message, ActionContext context) {
        return mail.wants(Status.ERROR) ? List.of(send(smtp -> ReportEmail.error(mail, smtp.from(), monitor, date, message), context)) : List.of();
    }

    private ActionResult send(Function<SmtpSettings, Email> compose, ActionContext context) {
        List<String> recipients = new ArrayList<>(mail.to());
        recipients.addAll(mail.cc());
        SmtpSettings smtp;
        try {
            smtp = SmtpSettings.fromEnvironment(context.env());
        } catch (SmtpSettings.Invalid invalid) {
            context.log().accept("email not sent: " + invalid.getMessage());
            return new ActionResult("email", ActionResult.Outcome.FAILED, recipients, 0, invalid.getMessage());
        }
        ActionResult r = new EmailSender(smtp, context.log()).send(compose.apply(smtp), recipients);
        context.log().accept(r.outcome() == ActionResult.Outcome.SENT ? "email sent to " + String.join(", ", recipients) : "email " + r.message());
        return r;
    }
}
