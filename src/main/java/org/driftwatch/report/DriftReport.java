package org.driftwatch.report;

import java.util.List;
import java.util.Map;
import org.driftwatch.checks.Finding;
import org.driftwatch.checks.Status;
import org.driftwatch.compare.Comparison;
import org.driftwatch.compare.DatasetDrift;
import org.driftwatch.judge.Decision;
import org.driftwatch.judge.Explanation;
import org.driftwatch.judge.Judgement;

/**
 * The result of one run, built once with everything known and rendered by the writers (JSON, HTML,
 * CSV, text, email). Writers only read it; actions add only the record of what they did.
 */
public record DriftReport(String monitor, String date, RunInfo run, Source reference, Source current,
                          Comparison comparison, List<Finding> findings, Judgement judgement,
                          Map<String, Double> thresholds, List<ActionRecord> actions, Trends trends, HistoryUse history) {
    public static final int SCHEMA_VERSION = 1;

    public DriftReport(String monitor, String date, RunInfo run, Source reference, Source current, Comparison comparison,
                       List<Finding> findings, Judgement judgement, Map<String, Double> thresholds, List<ActionRecord> actions) {
        this(monitor, date, run, reference, current, comparison, findings, judgement, thresholds, actions, Trends.NONE, null);
    }

    public DriftReport {
        findings = List.copyOf(findings);
        thresholds = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(thresholds));
        actions = List.copyOf(actions);
    }

    public Status status() {
        return judgement.status();
    }

    public Decision decision() {
        return judgement.decision();
    }

    public Explanation explanation() {
        return judgement.explanation();
    }

    public DatasetDrift datasetDrift() {
        return comparison.datasetDrift();
    }

    /** The same report with the outcome of its actions. */
    public DriftReport withActions(List<ActionRecord> done) {
        return new DriftReport(monitor, date, run, reference, current, comparison, findings, judgement, thresholds, done, trends, history);
    }

    /** The same report with the monitor's recent past. */
    public DriftReport withTrends(Trends t) {
        return new DriftReport(monitor, date, run, reference, current, comparison, findings, judgement, thresholds, actions, t, history);
    }

    /** The same report with what the run read from and wrote to the metrics history. */
    public DriftReport withHistory(HistoryUse h) {
        return new DriftReport(monitor, date, run, reference, current, comparison, findings, judgement, thresholds, actions, trends, h);
    }

    /**
     * The run's use of the metrics history (null when none is kept): where it is, how many earlier nights
     * were read, the nights left out because their files could not be read, and why tonight's rows were
     * not written (null when they were, or before the write).
     */
    public record HistoryUse(String location, int nightsRead, List<org.driftwatch.compare.EarlierRuns.Unreadable> unreadable,
                             String writeError) {
        public HistoryUse {
            unreadable = List.copyOf(unreadable);
        }

        public HistoryUse failedWrite(String error) {
            return new HistoryUse(location, nightsRead, unreadable, error);
        }
    }

    /** The worst status of the findings that name this column (OK when none). */
    public Status columnStatus(String column) {
        return findings.stream().filter(f -> column.equals(f.column())).map(Finding::status).reduce(Status.OK, Status::worst);
    }

    /**
     * The worst status of the findings that judged this statistic of this column (its PSI, say, as the PSI
     * check saw it under its mode), or null when no finding did.
     */
    public Status statusOf(String column, String statistic) {
        return findings.stream().filter(f -> column.equals(f.column()) && statistic.equals(f.judged())).map(Finding::status)
            .reduce(Status::worst).orElse(null);
    }

    /** What an action (email, trigger) did after the report was written. */
    public record ActionRecord(String action, String outcome, List<String> recipients, int attempts, String message) {
        public ActionRecord {
            recipients = List.copyOf(recipients);
        }
    }

    /** A threshold such as {@code psi.fail}, or the fallback when that check did not run. */
    public double threshold(String key, double fallback) {
        return thresholds.getOrDefault(key, fallback);
    }

    /**
     * How the run went: versions, timing, Spark work and the rule file it followed; the driver JVM's heap
     * during the run (with executors in the same JVM, local mode, the whole job's): the sum of its pools'
     * peaks, an upper bound, and the most still in use right after a collection, what the run kept; −1 unknown.
     */
    public record RunInfo(String driftwatchVersion, String sparkVersion, String sparkMaster, String startedAt,
                          double durationSeconds, int sparkJobs, String rulesFile, String rulesSha256,
                          long driverPeakHeapBytes, long driverHeapAfterGcBytes) {
        public RunInfo(String driftwatchVersion, String sparkVersion, String sparkMaster, String startedAt,
                       double durationSeconds, int sparkJobs, String rulesFile, String rulesSha256) {
            this(driftwatchVersion, sparkVersion, sparkMaster, startedAt, durationSeconds, sparkJobs, rulesFile, rulesSha256, -1, -1);
        }
    }

    /** @param version the Delta version or Iceberg snapshot read ("delta version 12"); null for files and other tables */
    public record Source(String location, String format, long rows, String version) {
        public Source(String location, String format, long rows) {
            this(location, format, rows, null);
        }
    }
}
