package org.driftwatch.profile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.driftwatch.data.DataException;
import org.driftwatch.data.SchemaColumns;
import org.driftwatch.profile.model.CategoryTable;
import org.driftwatch.profile.model.DistanceMethod;
import org.driftwatch.profile.model.JointProfile;
import org.driftwatch.profile.model.DatasetSummary;
import org.driftwatch.profile.model.DistributionDistance;
import org.driftwatch.profile.model.IdenticalRows;
import org.driftwatch.profile.model.LeakageProfile;
import org.driftwatch.profile.model.NumericDistribution;
import org.driftwatch.profile.model.ProfileRequest;
import org.driftwatch.profile.model.QualitySide;
import org.driftwatch.profile.model.ReferenceProfile;
import org.driftwatch.profile.model.ModelOutcomes;
import org.driftwatch.profile.model.SegmentOutcomes;
import org.driftwatch.profile.model.ValueCounts;
import org.driftwatch.profile.quality.QualityMeasurement;
import org.driftwatch.profile.quality.QualityPlan;
import org.driftwatch.profile.scan.CategoryCounts;
import org.driftwatch.profile.scan.PartitionFold;
import org.driftwatch.profile.scan.RowHashCandidates;
import org.driftwatch.profile.scan.RowHashMatches;
import org.driftwatch.profile.shuffle.IdenticalRowsAggregation;
import org.driftwatch.profile.shuffle.LeakageAggregation;
import org.driftwatch.profile.shuffle.ManyCategories;
import org.driftwatch.profile.sketch.IdSet;

/**
 * Turns the reference (raw, or as a saved {@link ReferenceProfile}) and the current data into a small
 * {@link JointProfile}, all columns at once. Spark work per run, independent of the column count:
 * <ol>
 * <li>reference: one folding scan, and a second over the numeric columns that splits heavy cells and
 *     collects the values near the percentiles ({@link ReferenceProfiler}) — skipped with a saved profile;</li>
 * <li>current: one folding scan against the reference profile ({@link CurrentProfiler});</li>
 * <li>small data only (both sides at most {@link ProfileRequest#exactValues()} numeric values, and the
 *     reference's value tables at hand: raw data, or a profile that stored them): one shuffle of the
 *     numeric values into a value-frequency table and a window over it — the exact strategy
 *     ({@link ExactDistances}) instead of the bounded one ({@link CurrentProfiler}), chosen by
 *     {@link DistanceStrategy};</li>
 * <li>above that size, on a full run: finishing rounds, one scan of each side per round, until KS and
 *     Wasserstein are exact ({@link CrossingResolver}, at most {@link ProfileRequest#finishRounds()});
 *     none when every bound is already 0;</li>
 * <li>leakage from the id bitmaps of the two scans; only when ids are shared (or are not integers) one
 *     shuffle of the id columns; identical rows: without an id in the rows, pass 2 puts the reference's
 *     row hashes in a filter the current scan probes, and only the candidates it lets through are
 *     confirmed (one scan of the reference's row hashes, none when there are no candidates); with an id,
 *     nothing when the ids prove all rows differ, else one shuffle of row hashes.</li>
 * </ol>
 * Only accumulators the size of the per-column results reach the driver.
 */
public final class DatasetProfiler {
    private DatasetProfiler() {
    }

    public static JointProfile profile(Dataset<Row> reference, Dataset<Row> current, ProfileRequest request) {
        return profile(reference, current, request, Map.of());
    }

    /**
     * @param sideTables per exists_in constraint of {@link ProfileRequest#quality}, the table it refers to
     */
    public static JointProfile profile(Dataset<Row> reference, Dataset<Row> current, ProfileRequest request,
                                       Map<String, Dataset<Row>> sideTables) {
        Column rowHash = filteredCopies(request) ? IdenticalRowsAggregation.rowHash(reference, current, request.rowColumns()) : null;
        QualityMeasurement quality = new QualityMeasurement(request.quality(), sideTables);
        QualityPlan referencePlan = quality.plan(reference);
        ReferenceProfiler.Built built = ReferenceProfiler.build(reference, request, rowHash, referencePlan);
        ReferenceProfile ref = built.profile();
        QualityPlan currentPlan = quality.plan(current);
        CurrentProfiler.Result cur = CurrentProfiler.compare(ref, current, request, built.rowHashes(), rowHash, currentPlan);
        Map<String, NumericDistribution> numeric = CrossingResolver.resolve(reference, current,
            compareNumeric(ref, cur, request, true, names -> ExactDistances.referenceLong(reference, names), current),
            cur.slots(), request.finishRounds(), request.exactEcdf());
        Map<String, CategoryTable> categorical = new HashMap<>(cur.categorical());
        List<QualitySide> measured = quality.finish(List.of(new QualityMeasurement.Scanned(reference, referencePlan, built.quality()),
            new QualityMeasurement.Scanned(current, currentPlan, cur.quality())));
        DatasetSummary refSummary = ref.summary().withQuality(measured.get(0));
        DatasetSummary curSummary = cur.current().withQuality(measured.get(1));
        if (!cur.manyValued().isEmpty()) {
            Map<String, Long> refNonNull = new HashMap<>(refSummary.nonNullCounts());
            Map<String, Long> curNonNull = new HashMap<>(curSummary.nonNullCounts());
            for (String name : cur.manyValued()) {
                ManyCategories.Counted counted = ManyCategories.countBoth(reference, current, name, request.maxCategories());
                categorical.put(name, counted.table());
                if (SchemaColumns.has(reference, name)) {
                    refNonNull.put(name, counted.referenceNonNull());
                }
                if (SchemaColumns.has(current, name)) {
                    curNonNull.put(name, counted.currentNonNull());
                }
            }
            refSummary = refSummary.withNonNull(refNonNull);
            curSummary = curSummary.withNonNull(curNonNull);
        }
        Optional<LeakageProfile> leakage = leakage(ref, cur, reference, current, request);
        Optional<IdenticalRows> identical = request.rowColumns().isEmpty() ? Optional.empty()
            : Optional.of(cur.copies() != null && !cur.copies().overflow() ? confirmCopies(reference, rowHash, cur.copies(), request)
                : noSharedIds(leakage, request, refSummary, curSummary) ? new IdenticalRows(request.rowColumns(), 0, 0)
                : IdenticalRowsAggregation.compute(reference, current, request.rowColumns()));
        return new JointProfile(refSummary, curSummary, numeric, categorical, leakage, identical,
            OutcomeProfiler.finish(ref.outcomes(), reference, request.model(), "reference"),
            OutcomeProfiler.finish(cur.outcomes(), current, request.model(), "current"),
            new SegmentOutcomes(finished(built.segmentOutcomes(), reference, request, "reference"),
                finished(cur.segmentOutcomes(), current, request, "current")));
    }

    /** Each segment's outcomes finished as the whole model's are (score ranking, median error), on the segment's columns. */
    private static List<ModelOutcomes> finished(List<ModelOutcomes> outcomes, Dataset<Row> data, ProfileRequest request, String side) {
        List<ModelOutcomes> out = new java.util.ArrayList<>();
        for (int k = 0; k < outcomes.size(); k++) {
            out.add(OutcomeProfiler.finish(outcomes.get(k), data, request.segmentModels().get(k), side));
        }
        return out;
    }

    /**
     * Against a saved reference profile: only the current data is scanned. Leakage needs the reference
     * ids, read from {@code referenceIds} (only the id column) when the raw reference is still there;
     * identical rows need whole reference rows and are not checked.
     */
    public static JointProfile profile(ReferenceProfile reference, Dataset<Row> current, ProfileRequest request,
                                            Dataset<Row> referenceIds) {
        return profile(reference, current, request, referenceIds, Map.of());
    }

    /** With the data-quality constraints measured on the current data; the reference's come from the profile. */
    public static JointProfile profile(ReferenceProfile reference, Dataset<Row> current, ProfileRequest request,
                                       Dataset<Row> referenceIds, Map<String, Dataset<Row>> sideTables) {
        QualityMeasurement quality = new QualityMeasurement(request.quality(), sideTables);
        QualityPlan currentPlan = quality.plan(current);
        CurrentProfiler.Result cur = CurrentProfiler.compare(reference, current, request, null, null, currentPlan);
        if (!cur.manyValued().isEmpty()) {
            throw new DataException("current column '" + cur.manyValued().get(0) + "' has more than " + CategoryCounts.MAX_DISTINCT
                + " distinct values, more than a run against a reference profile counts; declare it as id, or leave it out");
        }
        Optional<LeakageProfile> leakage = leakage(reference, cur, referenceIds, current, request);
        boolean tables = cur.numeric().keySet().stream().allMatch(n -> reference.numeric().get(n).all() != null);
        Map<String, NumericDistribution> numeric = CrossingResolver.withEcdfSums(compareNumeric(reference, cur, request, tables,
            names -> ExactDistances.referenceLong(current, reference, names), current), cur.slots());
        DatasetSummary curSummary = cur.current().withQuality(quality.finish(current, currentPlan, cur.quality()));
        return new JointProfile(reference.summary(), curSummary, numeric, cur.categorical(), leakage, Optional.empty(),
            reference.outcomes(), OutcomeProfiler.finish(cur.outcomes(), current, request.model(), "current"));
    }

    /**
     * Leakage from the two id bitmaps when both exist and share no id (the healthy case: no shuffle, and
     * no reference data needed); otherwise the id join on the raw data, when it is there.
     */
    private static Optional<LeakageProfile> leakage(ReferenceProfile ref, CurrentProfiler.Result cur, Dataset<Row> reference,
                                                    Dataset<Row> current, ProfileRequest request) {
        String id = request.id();
        if (id == null || !SchemaColumns.has(current, id)) {
            return Optional.empty();
        }
        IdSet refIds = ref.ids();
        if (refIds != null && cur.ids() != null && refIds.overlap(cur.ids()) == 0) {
            return Optional.of(new LeakageProfile(id, 0, 0, 0, refIds.distinct(), cur.ids().distinct(), List.of()));
        }
        if (reference == null || !SchemaColumns.has(reference, id)) {
            return Optional.empty();
        }
        return Optional.of(LeakageAggregation.compute(reference, current, id));
    }

    /**
     * The numeric columns' distances from the strategy {@link DistanceStrategy} picks: the current scan's
     * bounded ones, or exact ones from the value-frequency tables.
     */
    private static Map<String, NumericDistribution> compareNumeric(ReferenceProfile ref, CurrentProfiler.Result cur, ProfileRequest request,
                                                                   boolean referenceTables,
                                                                   java.util.function.Function<List<String>, Dataset<Row>> referenceLong,
                                                                   Dataset<Row> current) {
        Map<String, NumericDistribution> bounded = cur.numeric();
        int width = current == null ? request.numerical().size()
            : org.driftwatch.profile.scan.ScanProjection.numericWidth(current, request.numerical());
        DistanceMethod method = DistanceStrategy.choose(ref.rows(), cur.current().rows(), width,
            request.exactValues(), referenceTables);
        Map<String, NumericDistribution> out = new HashMap<>();
        if (!method.exact() || bounded.isEmpty()) {
            bounded.forEach((name, d) -> out.put(name, d.distance().method() == CurrentProfiler.VALUE_TABLES ? d
                : d.with(d.distance().withMethod(method))));
            return out;
        }
        List<String> names = List.copyOf(bounded.keySet());
        Map<String, DistributionDistance> exact = ExactDistances.distances(referenceLong.apply(names), current, names,
            request.valueTableLimit(), method);
        bounded.forEach((name, d) -> out.put(name, d.with(exact.get(name))));
        return out;
    }

    /**
     * The reference profile a file keeps: as a run builds it, plus every numeric column's value table
     * when the reference is small enough for the exact strategy, so runs against the file compare the
     * same way as runs on the raw reference.
     */
    public static ReferenceProfile referenceForFile(Dataset<Row> reference, ProfileRequest request) {
        return referenceForFile(reference, request, Map.of());
    }

    /** With the data-quality constraints' reference measures, which runs against the file compare with. */
    public static ReferenceProfile referenceForFile(Dataset<Row> reference, ProfileRequest request, Map<String, Dataset<Row>> sideTables) {
        QualityMeasurement quality = new QualityMeasurement(request.quality(), sideTables);
        QualityPlan plan = quality.plan(reference);
        ReferenceProfiler.Built scanned = ReferenceProfiler.build(reference, request, null, plan);
        ReferenceProfile raw = scanned.profile().withQuality(quality.finish(reference, plan, scanned.quality()));
        ReferenceProfile built = raw.withOutcomes(OutcomeProfiler.finish(raw.outcomes(), reference, request.model(), "reference"));
        if (built.rows() * request.numerical().size() > request.exactValues() || built.numeric().isEmpty()) {
            return built;
        }
        List<String> names = List.copyOf(built.numeric().keySet());
        Map<String, ValueCounts> tables = ExactDistances.referenceTables(reference, names);
        Map<String, ReferenceProfile.NumericReference> numeric = new HashMap<>();
        built.numeric().forEach((name, n) -> numeric.put(name, n.withAll(tables.get(name))));
        return built.withNumeric(numeric);
    }

    /**
     * Copied rows are looked for through the reference's row-hash filter unless the rows include an id:
     * then the ids usually prove every row differs (see {@link #noSharedIds}) and no row is hashed at all.
     */
    private static boolean filteredCopies(ProfileRequest request) {
        return !request.rowColumns().isEmpty() && (request.id() == null || !request.rowColumns().contains(request.id()));
    }

    /**
     * The current scan's candidate copies confirmed against the reference: none, with no further scan, when
     * the filter let no current row through; else one scan of the reference's row hashes.
     */
    private static IdenticalRows confirmCopies(Dataset<Row> reference, Column rowHash, RowHashCandidates copies, ProfileRequest request) {
        long[] candidates = copies.hashes();
        if (candidates.length == 0) {
            return new IdenticalRows(request.rowColumns(), 0, 0);
        }
        RowHashMatches found = PartitionFold.fold(reference.select(rowHash.as("h")), RowHashMatches::new,
            (acc, row) -> acc.add(row, candidates), RowHashMatches::merge);
        long rows = 0;
        long distinct = 0;
        for (int i = 0; i < candidates.length; i++) {
            if (found.found(i)) {
                rows += copies.rows(candidates[i]);
                distinct++;
            }
        }
        return new IdenticalRows(request.rowColumns(), rows, distinct);
    }

    /**
     * Rows that include the id cannot be identical when no id is on both sides and one side has no
     * null ids (leakage ignores nulls): then there is no need to hash every row.
     */
    private static boolean noSharedIds(Optional<LeakageProfile> leakage, ProfileRequest request, DatasetSummary ref, DatasetSummary cur) {
        if (leakage.isEmpty() || leakage.get().overlappingIds() != 0 || !request.rowColumns().contains(request.id())) {
            return false;
        }
        Long refIds = ref.nonNull(request.id());
        Long curIds = cur.nonNull(request.id());
        return (refIds != null && refIds == ref.rows()) || (curIds != null && curIds == cur.rows());
    }
}
