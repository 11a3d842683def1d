package org.driftwatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.driftwatch.actions.ActionPlan;
import org.driftwatch.actions.ActionResult;
import org.driftwatch.checks.Check;
import org.driftwatch.checks.Finding;
import org.driftwatch.compare.CompareSettings;
import org.driftwatch.compare.Comparison;
import org.driftwatch.compare.EarlierRuns;
import org.driftwatch.compare.ComparisonBuilder;
import org.driftwatch.history.HistoryRows;
import org.driftwatch.history.MetricsHistory;
import org.driftwatch.judge.Judge;
import org.driftwatch.judge.PastNights;
import org.driftwatch.judge.Judgement;
import org.driftwatch.judge.RetrainPolicy;
import org.driftwatch.report.DriftReport;
import org.driftwatch.report.ReportSet;
import org.driftwatch.report.Trends;
import org.driftwatch.rules.DataSource;
import org.driftwatch.rules.RuleSet;

/** One run of the pipeline: read → profile → compare → check → judge → report → act. */
public final class DriftJob {
    private final SparkSession spark;
    private final Progress progress;
    private final byte[] profileKey;

    public DriftJob(SparkSession spark, Progress progress) {
        this(spark, progress, null);
    }

    private DriftJob(SparkSession spark, Progress progress, byte[] profileKey) {
        this.spark = spark;
        this.progress = progress;
        this.profileKey = profileKey;
    }

    /**
     * The same job signing the profiles it writes, and trusting only profiles signed, with this key
     * ({@code DRIFTWATCH_PROFILE_KEY}: HMAC-SHA256); null for checksums alone.
     */
    public DriftJob withProfileKey(byte[] key) {
        return new DriftJob(spark, progress, key);
    }

    /**
     * Where the run reads and writes, after command-line overrides.
     *
     * @param referenceProfile a saved reference profile to use instead of scanning the reference, or null
     * @param writeMissingProfile when the profile does not exist yet, build it from the reference first
     *                         (the rule file's {@code reference.profile}: the first run writes it)
     */
    public record Inputs(DataSource reference, DataSource current, String date, Path reportRoot, Path referenceProfile,
                         boolean writeMissingProfile) {
        public Inputs(DataSource reference, DataSource current, String date, Path reportRoot) {
            this(reference, current, date, reportRoot, null, false);
        }

        public Inputs(DataSource reference, DataSource current, String date, Path reportRoot, Path referenceProfile) {
            this(reference, current, date, reportRoot, referenceProfile, false);
        }
    }

    public record Outcome(DriftReport report, Path reportJson, Path reportHtml, List<ActionResult> actions) {
        public boolean actionFailed() {
            return actions.stream().anyMatch(ActionResult::failed);
        }

        /** Tonight's rows did not reach the metrics history (the reports were written; report.json says why). */
        public boolean historyNotWritten() {
            return report.history() != null && report.history().writeError() != null;
        }
    }

    /** A run that takes no action (tests, and callers that act themselves). */
    public Outcome run(RuleSet rules, List<Check> checks, Inputs in) {
        return run(rules, checks, in, ActionPlan.commandLineOnly(List.of(), true, Map.of()));
    }

    public Outcome run(RuleSet rules, List<Check> checks, Inputs in, ActionPlan actions) {
        Instant started = Instant.now();
        DriverHeap heap = DriverHeap.start();
        String group = "driftwatch-" + rules.monitor() + "-" + started.toEpochMilli();
        spark.sparkContext().setJobGroup(group, "driftwatch " + rules.monitor() + " " + in.date(), false);
        catalogs(spark, rules);
        try {
            CompareSettings settings = CompareSettings.fromRules(rules);
            settings.deprecations().forEach(d -> progress.say("warning: " + d));
            RetrainPolicy policy = RetrainPolicy.fromRules(rules);
            Judge judge = new Judge(policy);
            MetricsHistory history = rules.keepsHistory() ? new MetricsHistory(spark, in.reportRoot().toString(), rules.history()) : null;
            Profiling.Profiled profiled = new Profiling(spark, progress, profileKey).profile(rules.forDate(in.date()), checks, settings, in.reference(),
                in.current(), in.referenceProfile(), in.writeMissingProfile());

            progress.say("checking");
            LocalDate tonight = LocalDate.parse(in.date());
            EarlierRuns earlier = recall(history, rules.monitor(), tonight, checks, policy);
            Comparison comparison = ComparisonBuilder.build(profiled.plan(), profiled.profile(), settings).withEarlier(earlier)
                .dated(tonight);
            List<Finding> findings = new ArrayList<>();
            checks.forEach(c -> findings.addAll(c.findings(comparison)));
            PastNights past = policy.looksBack() ? MetricsHistory.pastNights(earlier) : PastNights.NONE;
            Judgement judgement = judge.judge(comparison, findings, past, tonight);

            int jobs = spark.sparkContext().statusTracker().getJobIdsForGroup(group).length;
            double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
            DriverHeap.Use heapUse = heap.stop();
            DriftReport report = new DriftReport(rules.monitor(), in.date(),
                new DriftReport.RunInfo(Version.get(), spark.version(), spark.sparkContext().master(), started.toString(),
                    seconds, jobs, rules.file(), rules.sha256(), heapUse.peakBytes(), heapUse.afterGcBytes()),
                new DriftReport.Source(profiled.referenceDescription(), profiled.referenceFormat(), comparison.referenceRows(),
                    profiled.referenceVersion()),
                new DriftReport.Source(in.current().describe(), in.current().format(), comparison.currentRows(),
                    org.driftwatch.data.TableVersions.resolve(spark, "current", in.current())),
                comparison, findings, judgement, thresholds(settings, checks), List.of());
            if (history != null) {
                report = report.withTrends(MetricsHistory.trends(earlier, report))
                    .withHistory(new DriftReport.HistoryUse(history.location(), earlier.dates().size(), earlier.unreadable(), null));
            }
            ReportSet files = ReportSet.write(report, in.reportRoot());
            String notRemembered = remember(history, report);
            boolean rewrite = notRemembered != null;
            if (rewrite) {
                report = report.withHistory(report.history().failedWrite(notRemembered));
            }
            progress.say(judgement.explanation().banner() + ": " + judgement.explanation().headline()
                + (judgement.explanation().driftTypes().isEmpty() ? "" : " [" + judgement.explanation().driftTypesLine() + "]") + "; reports written to "
                + files.directory() + " (report.json, report.html, summary.csv)");

            List<ActionResult> done = actions.onReport(report, files.page(), files.jsonBytes(), files.directory(), progress::say,
                failingRows(profiled.quarantine()));
            if (!done.isEmpty()) {
                report = report.withActions(done.stream().map(a -> new DriftReport.ActionRecord(a.action(), a.outcome().json(),
                    a.recipients(), a.attempts(), a.message())).toList());
                rewrite = true;
            }
            if (rewrite) {
                files.recordActions(report);
            }
            return new Outcome(report, files.json(), files.html(), done);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            heap.stop();
            spark.sparkContext().clearJobGroup();
        }
    }

    /** The quarantine as the act stage sees it: a place to write tonight's failing rows, or null. */
    private static org.driftwatch.actions.FailingRows failingRows(org.driftwatch.profile.quality.Quarantine quarantine) {
        if (quarantine == null) {
            return null;
        }
        return new org.driftwatch.actions.FailingRows() {
            @Override
            public long write(String path, String format, long maxRows) throws IOException {
                return quarantine.write(path, format, maxRows).rows();
            }

            @Override
            public void clear(String path) throws IOException {
                quarantine.clear(path);
            }
        };
    }

    /**
     * The monitor's recent past, read once for the checks, the look-back rules and the trends: enough runs
     * for the longest window asked for and every day of a cooldown. Without a history none; a history that
     * cannot be read is said, and the run goes on as a monitor's first would.
     */
    private EarlierRuns recall(MetricsHistory history, String monitor, LocalDate tonight, List<Check> checks, RetrainPolicy policy) {
        if (history == null) {
            return EarlierRuns.NONE;
        }
        int runs = Math.max(Trends.RUNS, policy.consecutive());
        for (Check c : checks) {
            runs = Math.max(runs, c.historyRuns());
        }
        try {
            Instant start = Instant.now();
            EarlierRuns earlier = history.recall(monitor, tonight, runs, policy.cooldownDays());
            int read = earlier.dates().size();
            progress.say(String.format("metrics history: %d earlier run%s read in %.2f s", read, read == 1 ? "" : "s",
                Duration.between(start, Instant.now()).toMillis() / 1000.0));
            for (EarlierRuns.Unreadable u : earlier.unreadable()) {
                progress.say("warning: metrics history night " + u.date() + " of " + monitor + " could not be read and is left out ("
                    + u.reason() + "); 'driftwatch history --drop " + u.date() + "' removes it");
            }
            return earlier;
        } catch (Exception e) {   // Spark's checked exceptions arrive undeclared
            progress.say("warning: the metrics history at " + history.location() + " could not be read: "
                + org.driftwatch.history.MetricsHistory.reason(e));
            return EarlierRuns.NONE;
        }
    }

    /** Tonight's rows into the metrics history; a failure is said, does not undo the run, and is returned (null when written). */
    private String remember(MetricsHistory history, DriftReport report) {
        if (history == null) {
            return null;
        }
        try {
            Instant start = Instant.now();
            List<org.driftwatch.history.HistoryRow> rows = HistoryRows.of(report);
            history.write(report.monitor(), report.date(), rows);
            progress.say(String.format("metrics history: %d rows written to %s in %.2f s", rows.size(), history.location(),
                Duration.between(start, Instant.now()).toMillis() / 1000.0));
            return null;
        } catch (Exception e) {   // Spark's checked exceptions arrive undeclared
            String why = "tonight's rows were not written to the metrics history at " + history.location() + ": "
                + org.driftwatch.history.MetricsHistory.reason(e);
            progress.say("warning: " + why);
            return why;
        }
    }

    /** The catalogs the rule file names ({@code spark_conf}), set before any table is read: Spark loads a catalog on first use. */
    public static void catalogs(SparkSession spark, RuleSet rules) {
        org.driftwatch.data.Lakehouse.requireFor(rules);
        rules.sparkConf().forEach((key, value) -> spark.conf().set(key, value));
    }

    /** Builds the reference profile of a rule file and writes it atomically; returns its path. */
    public Path writeProfile(RuleSet rules, List<Check> checks, DataSource referenceSource, Path out) throws IOException {
        catalogs(spark, rules);
        CompareSettings settings = CompareSettings.fromRules(rules);
        settings.deprecations().forEach(d -> progress.say("warning: " + d));
        return new Profiling(spark, progress, profileKey).writeProfile(rules, checks, settings, referenceSource, out);
    }

    /** What the checks' thresholds do on the reference split against itself ({@code driftwatch calibrate}). */
    public List<org.driftwatch.compare.Calibration.Line> calibrate(RuleSet rules, List<Check> checks, DataSource reference, int trials,
                                                                  String byColumn) {
        CompareSettings settings = CompareSettings.fromRules(rules);
        Profiling.Splits done = new Profiling(spark, progress, profileKey).calibrate(rules, checks, settings, reference, trials, byColumn);
        return org.driftwatch.compare.Calibration.of(done.trials(), done.numerical(), done.categorical(), thresholds(settings, checks));
    }

    private static Map<String, Double> thresholds(CompareSettings settings, List<Check> checks) {
        Map<String, Double> out = new HashMap<>(settings.thresholds());
        checks.forEach(c -> out.putAll(c.thresholds()));
        return out;
    }
}
