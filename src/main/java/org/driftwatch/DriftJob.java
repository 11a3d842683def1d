package org.driftwatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.driftwatch.actions.ActionPlan;
import org.driftwatch.actions.ActionResult;
import org.driftwatch.checks.Check;
import org.driftwatch.checks.CheckResult;
import org.driftwatch.checks.ColumnComparison;
import org.driftwatch.checks.Comparison;
import org.driftwatch.checks.ComparisonBuilder;
import org.driftwatch.checks.DriftCheck;
import org.driftwatch.checks.ProfileNeeds;
import org.driftwatch.checks.Status;
import org.driftwatch.data.ColumnPlan;
import org.driftwatch.data.ColumnResolver;
import org.driftwatch.data.DataFiles;
import org.driftwatch.data.DatasetReader;
import org.driftwatch.profile.ComparisonProfile;
import org.driftwatch.profile.DatasetProfiler;
import org.driftwatch.profile.ProfileRequest;
import org.driftwatch.profile.ReferenceProfile;
import org.driftwatch.profile.ReferenceProfileFile;
import org.driftwatch.profile.ReferenceProfiler;
import org.driftwatch.report.DriftReport;
import org.driftwatch.report.JsonReportWriter;
import org.driftwatch.report.SummaryCsvWriter;
import org.driftwatch.report.html.HtmlReport;
import org.driftwatch.report.ReportFiles;
import org.driftwatch.rules.ColumnRoles;
import org.driftwatch.rules.DataSource;
import org.driftwatch.rules.RuleSet;

/** One run of the pipeline: read → profile → check → report. */
public final class DriftJob {
    /** Numeric columns with at most this many distinct values carry their value table (chi-square, JS). */
    static final int VALUE_TABLE_LIMIT = 1000;

    private final SparkSession spark;
    private final Progress progress;

    public DriftJob(SparkSession spark, Progress progress) {
        this.spark = spark;
        this.progress = progress;
    }

    /** Where the run reads and writes, after command-line overrides. */
    /**
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
    }

    /** Progress lines for people watching (stderr in the CLI). */
    public interface Progress {
        void say(String line);
    }

    /** A run that takes no action (tests, and callers that act themselves). */
    public Outcome run(RuleSet rules, List<Check> checks, Inputs in) {
        return run(rules, checks, in, ActionPlan.commandLineOnly(List.of(), true, java.util.Map.of()));
    }

    public Outcome run(RuleSet rules, List<Check> checks, Inputs in, ActionPlan actions) {
        Instant started = Instant.now();
        String group = "driftwatch-" + rules.monitor() + "-" + started.toEpochMilli();
        spark.sparkContext().setJobGroup(group, "driftwatch " + rules.monitor() + " " + in.date(), false);
        try {
            ProfileNeeds needs = new ProfileNeeds();
            checks.forEach(c -> c.require(needs));

            if (in.referenceProfile() != null && in.writeMissingProfile() && !Files.exists(in.referenceProfile())
                && in.reference().hasData()) {
                progress.say("no reference profile at " + in.referenceProfile() + " yet: writing it from " + in.reference().describe());
                writeProfile(rules, checks, in.reference(), in.referenceProfile());
            }
            Profiled profiled = in.referenceProfile() != null ? profileAgainstSaved(rules, needs, in) : profileBoth(rules, needs, in);
            ColumnPlan plan = profiled.plan();
            ComparisonProfile profile = profiled.profile();

            progress.say("checking");
            Comparison comparison = ComparisonBuilder.build(plan, profile, needs);
            List<CheckResult> results = new ArrayList<>();
            checks.forEach(c -> results.addAll(c.evaluate(comparison)));
            Status status = results.stream().map(CheckResult::status).reduce(Status.OK, Status::worst);

            int jobs = spark.sparkContext().statusTracker().getJobIdsForGroup(group).length;
            double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
            DriftReport report = new DriftReport(rules.monitor(), in.date(), status,
                new DriftReport.RunInfo(Version.get(), spark.version(), spark.sparkContext().master(), started.toString(),
                    seconds, jobs, rules.file(), rules.sha256()),
                new DriftReport.Source(profiled.referenceDescription(), profiled.referenceFormat(), comparison.referenceRows()),
                new DriftReport.Source(in.current().describe(), in.current().format(), comparison.currentRows()),
                comparison, results, datasetDrift(comparison, checks), thresholds(checks), null, List.of());
            report = report.withDecision(actions.decide(report));
            Path dir = ReportFiles.directory(in.reportRoot(), rules.monitor(), in.date());
            Path json = dir.resolve("report.json");
            HtmlReport html = new HtmlReport(report);
            Path htmlFile = dir.resolve("report.html");
            ReportFiles.writeAtomically(htmlFile, html.renderStandalone().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            SummaryCsvWriter.write(report, dir.resolve("summary.csv"));
            JsonReportWriter.write(report, json);
            progress.say(html.verdict().banner() + ": " + html.verdict().headline() + "; reports written to " + dir
                + " (report.json, report.html, summary.csv)");

            List<ActionResult> done = actions.onReport(report, html, JsonReportWriter.bytes(report), dir, progress::say);
            if (!done.isEmpty()) {
                report = report.withActions(done.stream().map(a -> new DriftReport.ActionRecord(a.action(), a.outcome().json(),
                    a.recipients(), a.attempts(), a.message())).toList());
                JsonReportWriter.rewrite(report, json);
            }
            return new Outcome(report, json, htmlFile, done);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }

    private record Profiled(ColumnPlan plan, ComparisonProfile profile, String referenceDescription, String referenceFormat) {
    }

    private Profiled profileBoth(RuleSet rules, ProfileNeeds needs, Inputs in) {
        progress.say("reading reference " + in.reference().describe() + " and current " + in.current().describe());
        DatasetReader reader = new DatasetReader(spark);
        Dataset<Row> reference = reader.open("reference", in.reference());
        Dataset<Row> current = reader.open("current", in.current());
        ColumnPlan plan = ColumnResolver.resolve(rules.file(), roles(rules, needs), reference.schema(), current.schema());
        sayProfiling(plan);
        List<String> rowColumns = needs.identicalRows() ? sharedColumns(reference, current) : List.of();
        ComparisonProfile profile = DatasetProfiler.profile(reference, current, request(plan, needs, rowColumns));
        return new Profiled(plan, profile, in.reference().describe(), in.reference().format());
    }

    /** Nightly mode: the reference comes from a saved profile; only the current data is scanned. */
    private Profiled profileAgainstSaved(RuleSet rules, ProfileNeeds needs, Inputs in) {
        Path file = in.referenceProfile();
        ReferenceProfileFile saved = ReferenceProfileFile.read(file);
        progress.say("reading current " + in.current().describe() + " against the reference profile " + file);
        DatasetReader reader = new DatasetReader(spark);
        Dataset<Row> current = reader.open("current", in.current());
        ColumnPlan plan = ColumnResolver.resolve(rules.file(), roles(rules, needs), saved.schema(), current.schema());
        ProfileRequest request = request(plan, needs, List.of());
        Dataset<Row> referenceIds = stillReadable(reader, in.reference());
        saved.checkFits(file, rules.monitor(), request, referenceIds == null ? null : referenceIds.schema(),
            referenceIds == null ? null : DataFiles.fingerprint(referenceIds));
        sayProfiling(plan);
        ComparisonProfile profile = DatasetProfiler.profile(saved.profile(), current, request, referenceIds);
        return new Profiled(plan, profile, "profile " + file + " of " + saved.referenceSource(), "profile");
    }

    /**
     * The raw reference when its schema can be read without scanning (Parquet, ORC, tables): used to
     * check the profile's fingerprint and, with an id column, for leakage (which reads the id only).
     */
    private static Dataset<Row> stillReadable(DatasetReader reader, DataSource source) {
        if (source == null || !source.hasData() || "csv".equals(source.format()) || "json".equals(source.format())) {
            return null;
        }
        try {
            return reader.open("reference", source);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Builds the reference profile of a rule file and writes it atomically; returns its path. */
    public Path writeProfile(RuleSet rules, List<Check> checks, DataSource referenceSource, Path out) throws IOException {
        ProfileNeeds needs = new ProfileNeeds();
        checks.forEach(c -> c.require(needs));
        progress.say("reading reference " + referenceSource.describe());
        Dataset<Row> reference = new DatasetReader(spark).open("reference", referenceSource);
        ColumnPlan plan = ColumnResolver.resolve(rules.file(), roles(rules, needs), reference.schema(), reference.schema());
        sayProfiling(plan);
        ProfileRequest request = request(plan, needs, List.of());
        ReferenceProfile profile = ReferenceProfiler.build(reference, request);
        if (!profile.manyValued().isEmpty()) {
            throw new org.driftwatch.data.DataException("reference column '" + profile.manyValued().get(0) + "' has too many distinct values"
                + " for a reference profile to hold as categories; declare it as id, or leave it out of columns.categorical");
        }
        ReferenceProfileFile file = new ReferenceProfileFile(ReferenceProfileFile.FORMAT_VERSION, Version.get(), Instant.now().toString(),
            rules.file(), rules.monitor(), referenceSource.describe(), reference.schema().json(),
            ReferenceProfileFile.fingerprint(reference.schema()), DataFiles.fingerprint(reference), request.numerical(), request.categorical(), request.id(),
            request.psiBins(), request.valueTableLimit(), ReferenceProfiler.INSIDE_SHARE, profile);
        Files.createDirectories(out.toAbsolutePath().getParent());
        ReportFiles.writeAtomically(out, file.bytes());
        return out;
    }

    private static ColumnRoles roles(RuleSet rules, ProfileNeeds needs) {
        ColumnRoles roles = rules.columns();
        if (needs.leakageKey() != null) {
            roles = new ColumnRoles(roles.numerical(), roles.categorical(), needs.leakageKey(), roles.label());
        }
        return roles;
    }

    private void sayProfiling(ColumnPlan plan) {
        progress.say("profiling " + plan.numerical().size() + " numerical and " + plan.categorical().size()
            + " categorical columns" + (plan.inferred() ? " (inferred from the schema)" : ""));
    }

    private static ProfileRequest request(ColumnPlan plan, ProfileNeeds needs, List<String> rowColumns) {
        List<String> categorical = new ArrayList<>(plan.categorical());
        if (plan.label() != null) {
            categorical.add(plan.label());
        }
        return new ProfileRequest(plan.numerical(), categorical, plan.id(), needs.psiBins(),
            needs.maxCategories(), VALUE_TABLE_LIMIT, rowColumns, ProfileRequest.EXACT_VALUES);
    }

    private static java.util.Map<String, Double> thresholds(List<Check> checks) {
        java.util.Map<String, Double> out = new java.util.HashMap<>();
        checks.forEach(c -> out.putAll(c.thresholds()));
        return out;
    }

    private static List<String> sharedColumns(Dataset<Row> reference, Dataset<Row> current) {
        java.util.Set<String> cur = java.util.Set.of(current.columns());
        return java.util.Arrays.stream(reference.columns()).filter(cur::contains).toList();
    }

    private static DriftReport.DatasetDrift datasetDrift(Comparison comparison, List<Check> checks) {
        double threshold = checks.stream().filter(c -> c instanceof DriftCheck).map(c -> ((DriftCheck) c).datasetShare())
            .findFirst().orElse(0.5);
        Double share = DriftCheck.driftShare(comparison);
        List<String> drifted = comparison.columns().values().stream().filter(c -> c.drift().detected())
            .map(ColumnComparison::name).toList();
        int tested = (int) comparison.columns().values().stream().filter(c -> c.drift().score() != null).count();
        return new DriftReport.DatasetDrift(share, threshold, share != null && share >= threshold, drifted, tested);
    }

}
