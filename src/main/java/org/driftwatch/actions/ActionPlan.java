package org.driftwatch.actions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.driftwatch.report.DriftReport;
import org.driftwatch.report.html.HtmlReport;
import org.driftwatch.rules.RuleFileParser;
import org.driftwatch.rules.RuleSection;
import org.driftwatch.rules.RuleSet;

/**
 * The act stage of a run: the actions every registered {@link ActionKind} builds from the rule file's
 * {@code actions:} and the command line, carried out in registry order. Acting never recomputes or
 * re-decides anything: each action reads the judged report that was already written. One-off actions
 * (a retrain trigger) are recorded beside the reports so a rerun of the same monitor and date does not
 * repeat them.
 */
public final class ActionPlan {
    private final List<Action> actions;
    private final Map<String, String> env;

    private ActionPlan(List<Action> actions, Map<String, String> env) {
        this.actions = List.copyOf(actions);
        this.env = env;
    }

    /**
     * @param emailTo --email-to addresses replacing the rule file's recipients (empty: keep them)
     * @param noEmail --no-email
     * @param env     where SMTP, Airflow and webhook secrets come from (the process environment)
     */
    public static ActionPlan of(RuleSet rules, List<String> emailTo, boolean noEmail, Map<String, String> env) {
        RuleSection section = rules.actions();
        for (String key : section.keys()) {
            if (!ActionKinds.keys().contains(key)) {
                throw RuleFileParser.unknownEntry(section.sections(key).get(0), "action", ActionKinds.keys());
            }
        }
        ActionKind.CommandLine cli = new ActionKind.CommandLine(emailTo, noEmail);
        List<Action> actions = new ArrayList<>();
        for (ActionKind kind : ActionKinds.ALL) {
            actions.addAll(kind.fromRules(rules, cli));
        }
        return new ActionPlan(actions, env);
    }

    /** For runs whose rule file could not be read: only the command line says who to tell. */
    public static ActionPlan commandLineOnly(List<String> emailTo, boolean noEmail, Map<String, String> env) {
        ActionKind.CommandLine cli = new ActionKind.CommandLine(emailTo, noEmail);
        List<Action> actions = new ArrayList<>();
        for (ActionKind kind : ActionKinds.ALL) {
            actions.addAll(kind.fromCommandLine(cli));
        }
        return new ActionPlan(actions, env);
    }

    /** Acts on a finished report whose files are in {@code reportDir}. */
    public List<ActionResult> onReport(DriftReport report, HtmlReport html, byte[] reportJson, Path reportDir, Consumer<String> log) {
        return onReport(report, html, reportJson, reportDir, log, null);
    }

    /** @param failing tonight's rows failing a data-quality constraint, for actions that keep them; null for none */
    public List<ActionResult> onReport(DriftReport report, HtmlReport html, byte[] reportJson, Path reportDir, Consumer<String> log,
                                       FailingRows failing) {
        String reportPath = reportDir.resolve("report.json").toAbsolutePath().toString();
        Action.Judged judged = new Action.Judged(report, html, reportJson, reportPath, new DoneLedger(reportDir));
        ActionContext context = new ActionContext(env, log, failing);
        List<ActionResult> results = new ArrayList<>();
        for (Action a : actions) {
            results.addAll(a.onReport(judged, context));
        }
        return results;
    }

    /** Acts on a run that failed before it had a report. */
    public List<ActionResult> onError(String monitor, String date, String message, Consumer<String> log) {
        ActionContext context = new ActionContext(env, log);
        List<ActionResult> results = new ArrayList<>();
        for (Action a : actions) {
            results.addAll(a.onError(monitor, date, message, context));
        }
        return results;
    }
}
