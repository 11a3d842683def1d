package org.driftwatch.actions;

import java.util.List;
import org.driftwatch.report.DriftReport;
import org.driftwatch.rules.RuleSection;
import org.driftwatch.rules.RuleSet;

/**
 * {@code actions.quarantine: {path, format, max_rows}}: keeps tonight's rows that fail any row-level
 * data-quality constraint, with a column naming the constraints each fails, under
 * {@code path} ({@code {monitor}} and {@code {date}} filled in). A rerun for the same date replaces them; a
 * night without failing rows removes an earlier night's folder of the same date. Its path is in
 * report.json's {@code actions}.
 */
public record QuarantineAction(String path, String format, long maxRows) implements Action {
    static final List<String> KEYS = List.of("path", "format", "max_rows");
    static final List<String> FORMATS = List.of("parquet", "csv", "json", "orc");

    static final class Kind implements ActionKind {
        @Override
        public String key() {
            return "quarantine";
        }

        @Override
        public List<Action> fromRules(RuleSet rules, CommandLine cli) {
            RuleSection s = rules.actions().section("quarantine").orElse(null);
            if (s == null || !s.enabled()) {
                return List.of();
            }
            s.allowOnly(KEYS);
            if (!rules.checks().containsKey("quality")) {
                throw s.error("actions.quarantine keeps the rows failing checks.quality, which this rule file does not have");
            }
            String path = s.string("path").orElse("quarantine/{monitor}/{date}");
            String format = s.string("format").map(String::toLowerCase).orElse("parquet");
            if (!FORMATS.contains(format)) {
                throw s.error("format", "unknown actions.quarantine format '" + format + "'; use one of " + String.join(", ", FORMATS));
            }
            long maxRows = s.integer("max_rows", 100_000, 1, Integer.MAX_VALUE);
            return List.of(new QuarantineAction(path, format, maxRows));
        }
    }

    @Override
    public List<ActionResult> onReport(Judged judged, ActionContext context) {
        DriftReport r = judged.report();
        String target = path.replace("{monitor}", r.monitor()).replace("{date}", r.date());
        FailingRows rows = context.failingRows();
        if (rows == null) {
            return List.of(context.logged(new ActionResult("quarantine", ActionResult.Outcome.SKIPPED, List.of(target), 0,
                "the run has no data-quality constraints to keep failing rows of")));
        }
        Long failing = r.comparison().quality().current().failingRows();
        try {
            if (failing != null && failing == 0) {
                rows.clear(target);
                return List.of(context.logged(new ActionResult("quarantine", ActionResult.Outcome.SKIPPED, List.of(target), 1,
                    "no current row fails a constraint; nothing kept")));
            }
            long written = rows.write(target, format, maxRows);
            return List.of(context.logged(new ActionResult("quarantine", ActionResult.Outcome.WRITTEN, List.of(target), 1,
                written + " failing rows written to " + target + " (" + format + ")"
                    + (failing != null && failing > written ? ", the first " + written + " of " + failing + " (max_rows)" : ""))));
        } catch (java.io.IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
            return List.of(context.logged(new ActionResult("quarantine", ActionResult.Outcome.FAILED, List.of(target), 1,
                "failing rows not written to " + target + ": " + why)));
        }
    }
}
