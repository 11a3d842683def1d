package org.driftwatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import org.driftwatch.checks.Check;
import org.driftwatch.checks.ProfileNeeds;
import org.driftwatch.compare.CompareSettings;
import org.driftwatch.data.ColumnPlan;
import org.driftwatch.data.ColumnResolver;
import org.driftwatch.data.DataException;
import org.driftwatch.data.DataFiles;
import org.driftwatch.data.DatasetReader;
import org.driftwatch.data.DelayedLabels;
import org.driftwatch.data.NumericText;
import org.driftwatch.data.NoRowsException;
import org.driftwatch.data.SegmentPlan;
import org.driftwatch.rules.SegmentRules;
import org.driftwatch.profile.DatasetProfiler;
import org.driftwatch.profile.ReferenceProfiler;
import org.driftwatch.profile.file.ReferenceProfileFile;
import org.driftwatch.profile.model.JointProfile;
import org.driftwatch.profile.model.ProfileRequest;
import org.driftwatch.profile.model.ReferenceProfile;
import org.driftwatch.report.ReportFiles;
import org.driftwatch.rules.ColumnRoles;
import org.driftwatch.rules.DataSource;
import org.driftwatch.rules.RuleException;
import org.driftwatch.rules.RuleSet;

/**
 * The read and profile stages of a run: opens the datasets, resolves the columns, and asks the
 * profiler for everything the comparison and the checks need — from the raw reference, or from a
 * saved reference profile so that only the current data is scanned.
 */
final class Profiling {
    /** Numeric columns with at most this many distinct values carry their value table (chi-square, JS). */
    static final int VALUE_TABLE_LIMIT = 1000;

    private final SparkSession spark;
    private final Progress progress;
    /** The key saved profiles are signed with and checked against ({@code DRIFTWATCH_PROFILE_KEY}), or null. */
    private final byte[] profileKey;

    Profiling(SparkSession spark, Progress progress, byte[] profileKey) {
        this.spark = spark;
        this.progress = progress;
        this.profileKey = profileKey;
    }

    /** @param quarantine tonight's rows failing a data-quality constraint, as they can be kept; null without constraints */
    /** @param referenceVersion the Delta version or Iceberg snapshot the reference was read at; null for files */
    record Profiled(ColumnPlan plan, JointProfile profile, String referenceDescription, String referenceFormat,
                    org.driftwatch.profile.quality.Quarantine quarantine, String referenceVersion) {
        Profiled(ColumnPlan plan, JointProfile profile, String referenceDescription, String referenceFormat,
                 org.driftwatch.profile.quality.Quarantine quarantine) {
            this(plan, profile, referenceDescription, referenceFormat, quarantine, null);
        }
    }

    /**
     * What a profile records as its reference: the source's words and, for a Delta or Iceberg table, the
     * version read ("table lake.db.orders (iceberg snapshot 61662...)"), so a profile of one version is refused
     * against another.
     */
    private static String identity(DataSource source, String version) {
        return source.describe() + (version == null ? "" : " (" + version + ")");
    }

    /** The fingerprint of what was read: the table version when there is one (Iceberg lists no files), else the files. */
    private static String fingerprint(Dataset<Row> data, String version) {
        return version != null ? org.driftwatch.data.TableVersions.fingerprint(version) : DataFiles.fingerprint(data);
    }

    private static org.driftwatch.profile.quality.Quarantine quarantine(Dataset<Row> current, ProfileNeeds needs,
                                                                        java.util.Map<String, Dataset<Row>> tables) {
        return needs.quality().isEmpty() ? null : new org.driftwatch.profile.quality.Quarantine(current, needs.quality(), tables);
    }

    /**
     * @param referenceProfile a saved reference profile to compare against, or null to scan the reference
     * @param writeMissing     write that profile from the reference first when it does not exist yet
     */
    Profiled profile(RuleSet rules, List<Check> checks, CompareSettings settings, DataSource reference, DataSource current,
                     Path referenceProfile, boolean writeMissing) throws IOException {
        ProfileNeeds needs = needs(checks);
        if (referenceProfile != null && writeMissing && !Files.exists(referenceProfile) && reference.hasData()) {
            progress.say("no reference profile at " + referenceProfile + " yet: writing it from " + reference.describe());
            writeProfile(rules, checks, settings, reference, referenceProfile);
        }
        return referenceProfile != null ? againstSaved(rules, needs, settings, reference, current, referenceProfile)
            : both(rules, needs, settings, reference, current);
    }

    private Profiled both(RuleSet rules, ProfileNeeds needs, CompareSettings settings, DataSource referenceSource, DataSource currentSource) {
        progress.say("reading reference " + referenceSource.describe() + " and current " + currentSource.describe());
        DatasetReader reader = new DatasetReader(spark);
        Dataset<Row> reference = open(reader, rules, "reference", referenceSource);
        Dataset<Row> opened = open(reader, rules, "current", currentSource);
        DelayedLabels.Joined labelled = withLabels(reader, rules, opened);
        Dataset<Row> current = labelled == null ? opened : labelled.current();
        ColumnPlan plan = withCounts(resolve(rules, needs, settings, reference, current, referenceSource, currentSource), labelled);
        List<String> rowColumns = needs.identicalRows() ? sharedColumns(reference, current) : List.of();
        java.util.Map<String, Dataset<Row>> tables = tables(reader, needs);
        ProfileRequest request = request(plan, settings, rowColumns, reference.schema()).withAnalyzers(needs.analyzers())
            .withQuality(needs.quality());
        Dataset<Row> referenceScanned = reference;
        Dataset<Row> currentScanned = current;
        if (rules.segments().any()) {
            SegmentPlan segments = segments(rules, plan, reference, current);
            plan = plan.withSegments(segments);
            request = request.withSegments(segments.numerical(plan), segments.categorical(plan), segments.models());
            referenceScanned = segments.apply(reference, plan.model());
            currentScanned = segments.apply(current, plan.model());
        }
        JointProfile profile;
        try {
            profile = DatasetProfiler.profile(referenceScanned, currentScanned, request, tables);
        } catch (NoRowsException e) {
            throw e.naming(e.reference() ? referenceSource.describe() : currentSource.describe());
        }
        return new Profiled(plan, profile, referenceSource.describe(), referenceSource.format(), quarantine(current, needs, tables),
            org.driftwatch.data.TableVersions.resolve(spark, "reference", referenceSource));
    }

    /**
     * The rule file's segments against the data: checked, their values chosen from the reference (one
     * aggregation for every by column), and the segment columns named.
     */
    private SegmentPlan segments(RuleSet rules, ColumnPlan plan, Dataset<Row> reference, Dataset<Row> current) {
        SegmentRules wanted = rules.segments();
        SegmentPlan.check(wanted, plan, reference);
        java.util.Map<String, List<String>> top = org.driftwatch.profile.shuffle.SegmentValues.top(reference, wanted.by(),
            wanted.maxSegments());
        Set<String> taken = new java.util.HashSet<>(Arrays.asList(reference.columns()));
        taken.addAll(Arrays.asList(current.columns()));
        SegmentPlan segments = SegmentPlan.of(wanted, plan, top, taken);
        int columns = segments.segments().stream().mapToInt(x -> x.columns().size()).sum();
        if (columns > SegmentRules.MOST_SEGMENT_COLUMNS) {
            throw wanted.error(wanted.section() != null && wanted.section().has("max_segments") ? "max_segments" : "by",
                "segments: " + segments.segments().size() + " segments × their columns are " + columns + " segment columns, more than the "
                + SegmentRules.MOST_SEGMENT_COLUMNS + " a run profiles; lower max_segments or list fewer segments.columns");
        }
        progress.say("segments: " + segments.segments().size() + " (" + segments.segments().stream().mapToInt(x -> x.columns().size()).sum()
            + " segment columns, scanned with the whole columns)");
        return segments;
    }

    /** The trials of a calibration and the columns they compared, by kind. */
    record Splits(List<org.driftwatch.profile.model.SplitTrial> trials, List<String> numerical, List<String> categorical) {
    }

    /** The reference split against itself: {@code trials} random splits, or adjacent chunks of {@code byColumn}. */
    Splits calibrate(RuleSet rules, List<Check> checks, CompareSettings settings,
                                                           DataSource referenceSource, int trials, String byColumn) {
        progress.say("reading reference " + referenceSource.describe());
        Dataset<Row> reference = open(new DatasetReader(spark), rules, "reference", referenceSource);
        ColumnPlan plan = resolve(rules, needs(checks), settings, reference, reference, referenceSource, referenceSource);
        ProfileRequest request = request(plan, settings, List.of(), reference.schema());
        progress.say((byColumn == null ? trials + " random splits" : trials + " pairs of adjacent " + byColumn + " chunks") + " of "
            + (request.numerical().size() + request.categorical().size()) + " columns, one Spark scan each");
        return new Splits(byColumn == null
            ? org.driftwatch.profile.ReferenceSplits.random(reference, request.numerical(), request.categorical(), settings.psiBins(), trials)
            : org.driftwatch.profile.ReferenceSplits.byColumn(reference, byColumn, request.numerical(), request.categorical(),
                settings.psiBins(), trials), request.numerical(), request.categorical());
    }

    /** Nightly mode: the reference comes from a saved profile; only the current data is scanned. */
    private Profiled againstSaved(RuleSet rules, ProfileNeeds needs, CompareSettings settings, DataSource referenceSource,
                                  DataSource currentSource, Path file) {
        ReferenceProfileFile saved = ReferenceProfileFile.read(file, profileKey);
        progress.say("reading current " + currentSource.describe() + " against the reference profile " + file);
        DatasetReader reader = new DatasetReader(spark);
        Dataset<Row> opened = open(reader, rules, "current", currentSource);
        DelayedLabels.Joined labelled = withLabels(reader, rules, opened);
        Dataset<Row> current = labelled == null ? opened : labelled.current();
        if (rules.segments().any()) {
            throw new DataException("segments: a run against a saved reference profile (" + file + ") cannot measure segments: the"
                + " profile holds the whole columns only; run against the raw reference, or leave segments out");
        }
        ColumnPlan plan = withCounts(ColumnResolver.resolve(rules.file(), roles(rules, needs), rules.model(), saved.schema(),
            current.schema()), labelled);
        settings.checkColumns(rules.file(), plan);
        checkCompared(rules.file(), needs, plan, saved.schema());
        ProfileRequest request = request(plan, settings, List.of(), saved.schema()).withAnalyzers(needs.analyzers())
            .withQuality(needs.quality());
        Dataset<Row> referenceIds = stillReadable(reader, referenceSource);
        String version = referenceIds == null ? null : org.driftwatch.data.TableVersions.resolve(spark, "reference", referenceSource);
        saved.checkFits(file, rules.monitor(), request, referenceIds == null ? null : referenceIds.schema(),
            referenceIds == null ? null : fingerprint(referenceIds, version), identity(referenceSource, version));
        sayProfiling(plan);
        java.util.Map<String, Dataset<Row>> tables = tables(reader, needs);
        JointProfile profile;
        try {
            profile = DatasetProfiler.profile(saved.profile(), current, request, referenceIds, tables);
        } catch (NoRowsException e) {
            throw e.naming(currentSource.describe());
        }
        return new Profiled(plan, profile, "profile " + file + " of " + saved.referenceSource(), "profile",
            quarantine(current, needs, tables));
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

    Path writeProfile(RuleSet rules, List<Check> checks, CompareSettings settings, DataSource referenceSource, Path out)
        throws IOException {
        progress.say("reading reference " + referenceSource.describe());
        Dataset<Row> reference = open(new DatasetReader(spark), rules, "reference", referenceSource);
        ProfileNeeds needs = needs(checks);
        ColumnPlan plan = resolve(rules, needs, settings, reference, reference, referenceSource, referenceSource);
        ProfileRequest request = request(plan, settings, List.of(), reference.schema()).withAnalyzers(needs.analyzers())
            .withQuality(needs.quality());
        ReferenceProfile profile;
        try {
            profile = DatasetProfiler.referenceForFile(reference, request, tables(new DatasetReader(spark), needs));
        } catch (NoRowsException e) {
            throw e.naming(referenceSource.describe());
        }
        if (!profile.manyValued().isEmpty()) {
            throw new DataException("reference column '" + profile.manyValued().get(0) + "' has too many distinct values"
                + " for a reference profile to hold as categories; declare it as id, or leave it out of columns.categorical");
        }
        String version = org.driftwatch.data.TableVersions.resolve(spark, "reference", referenceSource);
        ReferenceProfileFile file = new ReferenceProfileFile(ReferenceProfileFile.FORMAT_VERSION, Version.get(), Instant.now().toString(),
            rules.file(), rules.monitor(), identity(referenceSource, version), reference.schema().json(),
            ReferenceProfileFile.fingerprint(reference.schema()), fingerprint(reference, version), request.numerical(), request.categorical(), request.id(),
            request.psiBins(), request.valueTableLimit(), ReferenceProfiler.INSIDE_SHARE, profile);
        Files.createDirectories(out.toAbsolutePath().getParent());
        ReportFiles.writeAtomically(out, file.bytes(profileKey));
        return out;
    }

    private ColumnPlan resolve(RuleSet rules, ProfileNeeds needs, CompareSettings settings, Dataset<Row> reference, Dataset<Row> current,
                               DataSource referenceSource, DataSource currentSource) {
        ColumnPlan plan;
        try {
            plan = ColumnResolver.resolve(rules.file(), roles(rules, needs), rules.model(), reference.schema(), current.schema());
        } catch (RuleException e) {
            // a header-only file has columns of no type: say the data is empty rather than blame the rules
            if (reference.isEmpty()) {
                throw new NoRowsException("reference").naming(referenceSource.describe());
            }
            if (current.isEmpty()) {
                throw new NoRowsException("current").naming(currentSource.describe());
            }
            throw e;
        }
        settings.checkColumns(rules.file(), plan);
        checkCompared(rules.file(), needs, plan, reference.schema());
        sayProfiling(plan);
        return plan;
    }

    /** The columns checks name must be in the data and compared (see {@link ProfileNeeds#compared}). */
    private static void checkCompared(String file, ProfileNeeds needs, ColumnPlan plan, org.apache.spark.sql.types.StructType schema) {
        List<String> compared = new java.util.ArrayList<>(plan.numerical());
        compared.addAll(plan.categorical());
        if (plan.label() != null) {
            compared.add(plan.label());
        }
        if (plan.id() != null) {
            compared.add(plan.id());   // counted by the scans, though not compared
        }
        List<String> names = java.util.Arrays.asList(schema.fieldNames());
        needs.compared().forEach((key, columns) -> {
            for (String c : columns) {
                if (!names.contains(c)) {
                    throw new org.driftwatch.rules.RuleException(file, key + " names column '" + c + "', which the reference data does not have"
                        + org.driftwatch.rules.Suggestions.hint(c, names) + "; its columns: " + String.join(", ", names));
                }
                if (!compared.contains(c)) {
                    throw new org.driftwatch.rules.RuleException(file, key + ": '" + c + "' is not a compared column, so its nulls are not"
                        + " counted; add it to columns.numerical or columns.categorical (compared: " + String.join(", ", compared) + ")");
                }
            }
        });
    }

    /** The tables the exists_in constraints refer to, opened (schema only), by constraint name; each checked for its column. */
    private static java.util.Map<String, Dataset<Row>> tables(DatasetReader reader, ProfileNeeds needs) {
        java.util.Map<String, Dataset<Row>> out = new java.util.HashMap<>();
        for (org.driftwatch.profile.quality.QualityRule rule : needs.quality()) {
            if (rule instanceof org.driftwatch.profile.quality.ExistsInRule e) {
                Dataset<Row> table = reader.open("checks.quality " + e.name() + " exists_in", e.table());
                if (!org.driftwatch.data.SchemaColumns.has(table, e.tableColumn())) {
                    throw new DataException("checks.quality " + e.name() + " exists_in: column '" + e.tableColumn() + "' is not in "
                        + e.table().describe() + " (its columns: " + String.join(", ", table.columns()) + ")");
                }
                out.put(e.name(), table);
            }
        }
        return out;
    }

    private static ProfileNeeds needs(List<Check> checks) {
        ProfileNeeds needs = new ProfileNeeds();
        checks.forEach(c -> c.require(needs));
        return needs;
    }

    private static ColumnRoles roles(RuleSet rules, ProfileNeeds needs) {
        ColumnRoles roles = rules.columns();
        if (needs.leakageKey() != null && !needs.leakageKey().equals(roles.id())) {
            roles = roles.withId(needs.leakageKey(), "checks.leakage.key");   // a typo there is blamed on its own key
        }
        return roles;
    }

    private void sayProfiling(ColumnPlan plan) {
        progress.say("profiling " + plan.numerical().size() + " numerical and " + plan.categorical().size()
            + " categorical columns" + (plan.inferred() ? " (inferred from the schema)" : ""));
    }

    /**
     * The features, then the label and the model's prediction-drift column (score or prediction), each as a
     * number or by its classes as its type says; the model's outcomes are folded in the same scans.
     */
    private static ProfileRequest request(ColumnPlan plan, CompareSettings settings, List<String> rowColumns, StructType reference) {
        List<String> numerical = new ArrayList<>(plan.numerical());
        List<String> categorical = new ArrayList<>(plan.categorical());
        if (plan.label() != null) {
            (plan.numericLabel() ? numerical : categorical).add(plan.label());
        }
        if (plan.model() != null) {
            String drift = plan.model().predictionDriftColumn();
            boolean number = Arrays.asList(reference.fieldNames()).contains(drift)
                && reference.apply(drift).dataType() instanceof NumericType && !plan.model().task().classifier()
                || drift.equals(plan.model().score());
            (number ? numerical : categorical).add(drift);
        }
        return new ProfileRequest(numerical, categorical, plan.id(), settings.psiBins(),
            settings.maxCategories(), VALUE_TABLE_LIMIT, rowColumns, settings.exactValues(), plan.model(), settings.finishingScans())
            .withExactEcdf(settings.ecdfJudged());
    }

    /** Opens a dataset; numbers a text format left as text (nan, inf, all empty) are read as numbers. */
    private static Dataset<Row> open(DatasetReader reader, RuleSet rules, String role, DataSource source) {
        Dataset<Row> data = reader.open(role, source);
        boolean text = "csv".equals(source.format()) || "json".equals(source.format());
        return text && rules.columns().numerical() != null
            ? NumericText.numbers(data, rules.columns().numerical(), role, source.describe()) : data;
    }

    /** The current data with its delayed labels joined, or null when the rule file has none. */
    private DelayedLabels.Joined withLabels(DatasetReader reader, RuleSet rules, Dataset<Row> current) {
        if (!rules.model().delayedLabels() || rules.columns().label() == null) {
            return null;
        }
        DataSource labels = rules.model().labels();
        progress.say("joining the delayed labels " + labels.describe() + " on " + rules.model().labelsKey());
        Dataset<Row> data = reader.open("labels", labels);
        return DelayedLabels.join(current, data, labels.describe(), rules.model().labelsKey(), rules.columns().label());
    }

    private static ColumnPlan withCounts(ColumnPlan plan, DelayedLabels.Joined labelled) {
        if (labelled == null || plan.model() == null) {
            return plan;
        }
        return plan.withModel(plan.model().withLabelCounts(labelled.counts()));
    }

    private static List<String> sharedColumns(Dataset<Row> reference, Dataset<Row> current) {
        Set<String> cur = Set.of(current.columns());
        return Arrays.stream(reference.columns()).filter(cur::contains).toList();
    }
}
