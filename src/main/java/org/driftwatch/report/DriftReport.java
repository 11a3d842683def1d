package org.driftwatch.report;

import java.util.List;
import org.driftwatch.checks.CheckResult;
import org.driftwatch.checks.Comparison;
import org.driftwatch.checks.Status;

/**
 * The result of one run, built once and rendered by the writers (JSON now; HTML, CSV, email later).
 * Writers only read it.
 */
public record DriftReport(String monitor, String date, Status status, RunInfo run, Source reference, Source current,
                          Comparison comparison, List<CheckResult> checks, DatasetDrift datasetDrift,
                          java.util.Map<String, Double> thresholds, Decision decision, List<ActionRecord> actions) {
    public static final int SCHEMA_VERSION = 1;

    public DriftReport {
        checks = List.copyOf(checks);
        thresholds = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(thresholds));
        actions = List.copyOf(actions);
    }

    /** The same report with the outcome of its actions. */
    public DriftReport withActions(List<ActionRecord> done) {
        return new DriftReport(monitor, date, status, run, reference, current, comparison, checks, datasetDrift, thresholds,
            decision, done);
    }

    /** The same report with the decision taken on it. */
    public DriftReport withDecision(Decision d) {
        return new DriftReport(monitor, date, status, run, reference, current, comparison, checks, datasetDrift, thresholds,
            d, actions);
    }

    /** What an action (email, trigger) did after the report was written. */
    public record ActionRecord(String action, String outcome, List<String> recipients, int attempts, String message) {
        public ActionRecord {
            recipients = List.copyOf(recipients);
        }
    }

    /** A check threshold such as {@code psi.fail}, or the fallback when that check did not run. */
    public double threshold(String key, double fallback) {
        return thresholds.getOrDefault(key, fallback);
    }

    /** How the run went: versions, timing, Spark work and the rule file it followed. */
    public record RunInfo(String driftwatchVersion, String sparkVersion, String sparkMaster, String startedAt,
                          double durationSeconds, int sparkJobs, String rulesFile, String rulesSha256) {
    }

    public record Source(String location, String format, long rows) {
    }

    /** Share of tested columns whose drift test fired, against the rule's threshold. */
    public record DatasetDrift(Double share, double threshold, boolean detected, List<String> driftedColumns,
                               int testedColumns) {
        public DatasetDrift {
            driftedColumns = List.copyOf(driftedColumns);
        }
    }
}
