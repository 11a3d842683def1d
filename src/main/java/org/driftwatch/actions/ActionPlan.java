package org.driftwatch.actions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.driftwatch.actions.email.EmailAction;
import org.driftwatch.actions.email.EmailSender;
import org.driftwatch.actions.email.ReportEmail;
import org.driftwatch.actions.email.SmtpSettings;
import org.driftwatch.checks.Status;
import org.driftwatch.report.DriftReport;
import org.driftwatch.report.html.HtmlReport;
import org.driftwatch.rules.RuleFileParser;
import org.driftwatch.rules.RuleSection;
import org.driftwatch.rules.RuleSet;
import org.simplejavamail.api.email.Email;

/**
 * The act stage of a run, from the rule file's {@code actions:} and the command line: the report
 * email, the Airflow retrain trigger and webhooks. Acting never recomputes or re-decides anything:
 * it reads the judged report that was already written. One-off actions (a retrain trigger) are
 * recorded beside the reports so a rerun of the same monitor and date does not repeat them.
 */
public final class ActionPlan {
    static final List<String> KNOWN = List.of("email", "retrain", "webhooks");

    private final Optional<EmailAction> email;
    private final Optional<AirflowTrigger> airflow;
    private final List<Webhook> webhooks;
    private final Map<String, String> env;

    private ActionPlan(Optional<EmailAction> email, Optional<AirflowTrigger> airflow,
                       List<Webhook> webhooks, Map<String, String> env) {
        this.email = email;
        this.airflow = airflow;
        this.webhooks = List.copyOf(webhooks);
        this.env = env;
    }

    /**
     * @param emailTo --email-to addresses replacing the rule file's recipients (empty: keep them)
     * @param noEmail --no-email
     * @param env     where SMTP, Airflow and webhook secrets come from (the process environment)
     */
    public static ActionPlan of(RuleSet rules, List<String> emailTo, boolean noEmail, Map<String, String> env) {
        RuleSection actions = rules.actions();
        for (String key : actions.keys()) {
            if (!KNOWN.contains(key)) {
                throw RuleFileParser.unknownEntry(actions.sections(key).get(0), "action", KNOWN);
            }
        }
        Optional<EmailAction> email = actions.section("email").filter(RuleSection::enabled).map(EmailAction::fromRules);
        if (email.isPresent() && email.get().consecutive() > 1 && !rules.keepsHistory()) {
            throw actions.section("email").get().error("consecutive", "actions.email.consecutive counts runs in the metrics history,"
                + " which this rule file turns off (history.enabled: false)");
        }
        Optional<AirflowTrigger> airflow = Optional.empty();
        Optional<RuleSection> retrain = actions.section("retrain").filter(RuleSection::enabled);
        if (retrain.isPresent()) {
            RuleSection r = retrain.get();
            r.allowOnly(List.of("when", "min_columns", "consecutive", "cooldown_days", "dag_id", "airflow"));
            airflow = r.section("airflow").filter(RuleSection::enabled).map(a -> AirflowTrigger.fromRules(withDefaultDag(a, r)));
        }
        List<Webhook> hooks = actions.sections("webhooks").stream().filter(RuleSection::enabled).map(Webhook::fromRules).toList();
        return new ActionPlan(resolveEmail(email, emailTo, noEmail), airflow, hooks, env);
    }

    /** {@code airflow.dag_id} defaults to {@code retrain.dag_id}, the retraining DAG. */
    private static RuleSection withDefaultDag(RuleSection airflow, RuleSection retrain) {
        if (airflow.has("dag_id") || retrain.string("dag_id").isEmpty()) {
            return airflow;
        }
        return airflow.with("dag_id", retrain.string("dag_id").get());
    }

    /** For runs whose rule file could not be read: only the command line says who to tell. */
    public static ActionPlan commandLineOnly(List<String> emailTo, boolean noEmail, Map<String, String> env) {
        return new ActionPlan(resolveEmail(Optional.empty(), emailTo, noEmail), Optional.empty(), List.of(), env);
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

    /** Acts on a finished report whose files are in {@code reportDir}. */
    public List<ActionResult> onReport(DriftReport report, HtmlReport html, byte[] reportJson, Path reportDir, Consumer<String> log) {
        List<ActionResult> results = new ArrayList<>();
        String reportPath = reportDir.resolve("report.json").toAbsolutePath().toString();
        email.ifPresent(e -> {
            Status t = report.status();
            if (!e.wants(t)) {
                results.add(new ActionResult("email", ActionResult.Outcome.SKIPPED, e.to(), 0,
                    "status " + t.name().toLowerCase() + " is not in actions.email.when"));
                return;
            }
            int run = report.trends().verdicts().isEmpty() ? 1 : report.trends().statusRun(e.whenWords());
            if (run < e.consecutive()) {
                results.add(new ActionResult("email", ActionResult.Outcome.SKIPPED, e.to(), 0, "status " + t.json() + " for the "
                    + run + " of " + e.consecutive() + " runs in a row actions.email.consecutive requires"));
                return;
            }
            results.add(sendMail(e, from -> ReportEmail.report(e, from, report, html, reportJson), log));
        });
        DoneLedger ledger = new DoneLedger(reportDir);
        if (report.decision().retrain()) {
            airflow.ifPresent(a -> results.add(once(ledger, List.of(a.ledgerKey()), "airflow", List.of(a.url() + " " + a.dagId()),
                () -> a.trigger(report, reportPath, env, httpBackoff(), log), log)));
        }
        String event = report.decision().verdict().json();
        String summary = Webhook.summary(report, reportPath);
        for (Webhook w : webhooks) {
            if (!w.when().contains(event)) {
                continue;
            }
            if (event.equals("retrain")) {
                results.add(once(ledger, List.of(w.ledgerKey(event), w.legacyLedgerKey(event)), "webhook", List.of(w.display()),
                    () -> w.post(event, summary, env, httpBackoff(), log), log));
            } else {
                results.add(logged(w.post(event, summary, env, httpBackoff(), log), log));
            }
        }
        return results;
    }

    /** Acts on a run that failed before it had a report. */
    public List<ActionResult> onError(String monitor, String date, String message, Consumer<String> log) {
        List<ActionResult> results = new ArrayList<>();
        email.filter(e -> e.wants(Status.ERROR))
            .ifPresent(e -> results.add(sendMail(e, from -> ReportEmail.error(e, from, monitor, date, message), log)));
        for (Webhook w : webhooks) {
            if (w.when().contains("error")) {
                results.add(logged(w.post("error", Webhook.errorSummary(monitor, date, message), env, httpBackoff(), log), log));
            }
        }
        return results;
    }

    /**
     * Runs a one-off action unless the ledger says it was done for this monitor and date (under its key,
     * or any older key it had); records it under the first key.
     */
    private static ActionResult once(DoneLedger ledger, List<String> keys, String action, List<String> target,
                                     java.util.function.Supplier<ActionResult> act, Consumer<String> log) {
        String key = keys.get(0);
        Optional<String> at = keys.stream().map(ledger::doneAt).flatMap(Optional::stream).findFirst();
        if (at.isPresent()) {
            return logged(new ActionResult(action, ActionResult.Outcome.ALREADY_DONE, target, 0,
                "already done for this monitor and date at " + at.get() + " (" + DoneLedger.FILE + "); not repeated"), log);
        }
        ActionResult r = act.get();
        if (r.outcome() == ActionResult.Outcome.TRIGGERED || r.outcome() == ActionResult.Outcome.SENT
            || r.outcome() == ActionResult.Outcome.ALREADY_DONE) {
            ledger.record(key, r.message());
        }
        return logged(r, log);
    }

    private static ActionResult logged(ActionResult r, Consumer<String> log) {
        log.accept(r.action() + " " + r.outcome().json().replace('_', ' ') + ": " + r.message());
        return r;
    }

    private Backoff httpBackoff() {
        return new Backoff(intEnv("DRIFTWATCH_HTTP_ATTEMPTS", 4, 1, 10), Duration.ofMillis(intEnv("DRIFTWATCH_HTTP_BACKOFF_MS", 1000, 0, 600_000)));
    }

    private int intEnv(String key, int fallback, int min, int max) {
        try {
            int v = Integer.parseInt(env.getOrDefault(key, String.valueOf(fallback)).strip());
            return Math.max(min, Math.min(max, v));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private ActionResult sendMail(EmailAction e, Function<String, Email> compose, Consumer<String> log) {
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
