package org.driftwatch.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.driftwatch.actions.email.EmailAction;
import org.driftwatch.actions.email.EmailSender;
import org.driftwatch.actions.email.ReportEmail;
import org.driftwatch.actions.email.SmtpSettings;
import org.driftwatch.report.DriftReport;
import org.driftwatch.report.html.HtmlReport;
import org.driftwatch.rules.RuleFileParser;
import org.driftwatch.rules.RuleSection;
import org.driftwatch.rules.RuleSet;

/**
 * The actions of a run, from the rule file's {@code actions:} and the command line. Acting never
 * recomputes anything: it reads the report that was already written.
 */
public final class ActionPlan {
    static final List<String> KNOWN = List.of("email");
    static final List<String> LATER = List.of("retrain", "webhooks");

    private final Optional<EmailAction> email;
    private final Map<String, String> env;

    private ActionPlan(Optional<EmailAction> email, Map<String, String> env) {
        this.email = email;
        this.env = env;
    }

    /**
     * @param emailTo   --email-to addresses replacing the rule file's recipients (empty: keep them)
     * @param noEmail   --no-email
     * @param env       where SMTP settings come from (the process environment)
     */
    public static ActionPlan of(RuleSet rules, List<String> emailTo, boolean noEmail, Map<String, String> env) {
        for (Map.Entry<String, RuleSection> e : rules.actions().entrySet()) {
            if (LATER.contains(e.getKey())) {
                throw e.getValue().error("actions." + e.getKey() + " is not supported by this version of driftwatch yet");
            }
            if (!KNOWN.contains(e.getKey())) {
                throw RuleFileParser.unknownEntry(e.getValue(), "action", KNOWN);
            }
        }
        Optional<EmailAction> email = Optional.ofNullable(rules.actions().get("email"))
            .filter(RuleSection::enabled).map(EmailAction::fromRules);
        return new ActionPlan(resolveEmail(email, emailTo, noEmail), env);
    }

    /** For runs whose rule file could not be read: only the command line says who to tell. */
    public static ActionPlan commandLineOnly(List<String> emailTo, boolean noEmail, Map<String, String> env) {
        return new ActionPlan(resolveEmail(Optional.empty(), emailTo, noEmail), env);
    }

    private static Optional<EmailAction> resolveEmail(Optional<EmailAction> fromRules, List<String> emailTo, boolean noEmail) {
        if (noEmail) {
            return Optional.empty();
        }
        if (!emailTo.isEmpty()) {
            return Optional.of(fromRules.orElse(new EmailAction(emailTo, List.of(), EmailAction.DEFAULT_WHEN)).to(emailTo));
        }
        return fromRules;
    }

    public boolean hasEmail() {
        return email.isPresent();
    }

    /** Acts on a finished report. */
    public List<ActionResult> onReport(DriftReport report, HtmlReport html, byte[] reportJson, Consumer<String> log) {
        List<ActionResult> results = new ArrayList<>();
        email.ifPresent(e -> {
            Trigger t = Trigger.of(report.status());
            if (!e.wants(t)) {
                results.add(new ActionResult("email", ActionResult.Outcome.SKIPPED, e.to(), 0,
                    "status " + t.name().toLowerCase() + " is not in actions.email.when"));
                return;
            }
            results.add(send(e, from -> ReportEmail.report(e, from, report, html, reportJson), log));
        });
        return results;
    }

    /** Acts on a run that failed before it had a report. */
    public List<ActionResult> onError(String monitor, String date, String message, Consumer<String> log) {
        List<ActionResult> results = new ArrayList<>();
        email.filter(e -> e.wants(Trigger.ERROR))
            .ifPresent(e -> results.add(send(e, from -> ReportEmail.error(e, from, monitor, date, message), log)));
        return results;
    }

    private ActionResult send(EmailAction e, java.util.function.Function<String, org.simplejavamail.api.email.Email> compose,
                              Consumer<String> log) {
        List<String> recipients = new ArrayList<>(e.to());
        recipients.addAll(e.cc());
        SmtpSettings smtp;
        try {
            smtp = SmtpSettings.fromEnvironment(env);
        } catch (SmtpSettings.Invalid invalid) {
            log.accept("email not sent: " + invalid.getMessage());
            return new ActionResult("email", ActionResult.Outcome.FAILED, recipients, 0, invalid.getMessage());
        }
        ActionResult r = new EmailSender(smtp, log).send(compose.apply(smtp.from()), recipients);
        log.accept(r.outcome() == ActionResult.Outcome.SENT ? "email sent to " + String.join(", ", recipients) : "email " + r.message());
        return r;
    }
}
