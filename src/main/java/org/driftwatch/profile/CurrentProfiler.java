package org.driftwatch.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.driftwatch.data.NoRowsException;
import org.driftwatch.data.SchemaColumns;
import org.driftwatch.profile.analyzer.Analyzer;
import org.driftwatch.profile.quality.QualityFold;
import org.driftwatch.profile.quality.QualityPlan;
import org.driftwatch.profile.analyzer.AnalyzerFold;
import org.driftwatch.profile.model.CategoryTable;
import org.driftwatch.profile.model.DistanceMethod;
import org.driftwatch.profile.model.DatasetSummary;
import org.driftwatch.profile.model.ModelOutcomes;
import org.driftwatch.profile.model.DistributionDistance;
import org.driftwatch.profile.model.NumericDistribution;
import org.driftwatch.profile.model.NumericSummary;
import org.driftwatch.profile.model.ProfileRequest;
import org.driftwatch.profile.model.ReferenceProfile;
import org.driftwatch.profile.model.ValueCounts;
import org.driftwatch.profile.scan.CurrentScan;
import org.driftwatch.profile.scan.OutcomeFold;
import org.driftwatch.profile.scan.PartitionFold;
import org.driftwatch.profile.scan.RowHashCandidates;
import org.driftwatch.profile.scan.ScanProjection;
import org.driftwatch.profile.sketch.CellLayout;
import org.driftwatch.profile.sketch.IdSet;
import org.driftwatch.profile.sketch.RowHashFilter;
import org.driftwatch.stats.BinnedDistance;
import org.driftwatch.stats.EcdfWalk;

/**
 * One scan of the current data against a {@link ReferenceProfile} ({@link CurrentScan}), then the
 * comparison facts on the driver: PSI bins on the reference edges, the bounded strategy's KS and
 * Wasserstein from the shared slots with their bounds, value tables for columns with few values,
 * category tables.
 */
public final class CurrentProfiler {
    /** The bounded strategy's method until the run's choice gives the reason. */
    static final DistanceMethod BOUNDED = new DistanceMethod(DistanceMethod.BOUNDED, null);
    /** A column whose every distinct value both sides counted: exact whatever the run's strategy. */
    static final DistanceMethod VALUE_TABLES = new DistanceMethod(DistanceMethod.EXACT, "both sides have few distinct values"
        + " (each counted in the scans): KS and Wasserstein exact from their value tables");

    private CurrentProfiler() {
    }

    /**
     * @param ids        the current ids as a bitmap when the id is an integer and compresses; else null
     * @param manyValued categorical columns with too many distinct values for a scan to count (on either
     *                   side): they have no table yet
     * @param outcomes   the model's outcomes on the current data, or null without a model
     * @param slots      per bounded numeric column, the shared slots its distances came from
     */
    public record Result(DatasetSummary current, Map<String, NumericDistribution> numeric, Map<String, CategoryTable> categorical,
                         IdSet ids, List<String> manyValued, ModelOutcomes outcomes, RowHashCandidates copies,
                         Map<String, CrossingResolver.Open> slots, QualityFold quality, List<ModelOutcomes> segmentOutcomes) {
    }

    public static Result compare(ReferenceProfile reference, Dataset<Row> current, ProfileRequest request) {
        return compare(reference, current, request, null, null);
    }

    /**
     * With the reference's row hashes and the expression rows are hashed by, the scan also finds the
     * current rows that may copy a reference row ({@link Result#copies}); else that is null.
     */
    public static Result compare(ReferenceProfile reference, Dataset<Row> current, ProfileRequest request,
                                 RowHashFilter rowHashes, org.apache.spark.sql.Column rowHash) {
        return compare(reference, current, request, rowHashes, rowHash, QualityPlan.NONE);
    }

    /** With the data-quality constraints of {@code quality} folded in the same scan ({@link Result#quality}). */
    public static Result compare(ReferenceProfile reference, Dataset<Row> current, ProfileRequest request,
                                 RowHashFilter rowHashes, org.apache.spark.sql.Column rowHash, QualityPlan quality) {
        List<String> numeric = request.numerical().stream()
            .filter(n -> reference.numeric().containsKey(n) && SchemaColumns.isNumeric(current, n)).toList();
        List<String> categorical = SchemaColumns.present(current, request.categorical());
        List<String> others = request.id() != null && SchemaColumns.has(current, request.id())
            && !categorical.contains(request.id()) ? List.of(request.id()) : List.of();
        CellLayout[] layouts = new CellLayout[numeric.size()];
        double[][] edges = new double[numeric.size()][];
        for (int i = 0; i < numeric.size(); i++) {
            ReferenceProfile.NumericReference ref = reference.numeric().get(numeric.get(i));
            layouts[i] = ref.layout();
            edges[i] = ref.innerEdges() == null ? new double[0] : ref.innerEdges();
        }
        CurrentScan.Against against = new CurrentScan.Against(layouts, edges, rowHash == null ? null : rowHashes);
        int nc = categorical.size();
        int no = others.size();
        int limit = request.valueTableLimit();
        boolean integerId = !others.isEmpty() && SchemaColumns.isInteger(current, others.get(0));
        OutcomeFold.Spec model = ScanProjection.outcomeSpec(request.model(), request.segmentModels().size());
        List<Analyzer<?>> analyzers = request.analyzers();
        Dataset<Row> projection = ScanProjection.of(current, numeric, categorical, others, integerId, request.model(),
            request.segmentModels(), against.rowHashes() == null ? null : rowHash, quality.columns());
        int qualityFirst = ScanProjection.width(numeric.size(), nc, no, request.model(), request.segmentModels().size(),
            against.rowHashes() != null);
        org.apache.spark.broadcast.Broadcast<QualityPlan> shared = quality.shared(projection);
        CurrentScan scan = PartitionFold.fold(projection,
            () -> new CurrentScan(against, nc, no, integerId, limit, model, new AnalyzerFold(analyzers, numeric),
                new QualityFold(shared.value(), qualityFirst)),
            (acc, row) -> acc.add(row, against),
            (acc, batch) -> acc.add(batch, against), CurrentScan::merge);
        if (scan.rows == 0) {
            throw new NoRowsException("current");
        }
        Map<String, NumericSummary> summaries = new HashMap<>();
        Map<String, NumericDistribution> distributions = new HashMap<>();
        Map<String, CrossingResolver.Open> slots = new HashMap<>();
        for (int i = 0; i < numeric.size(); i++) {
            summaries.put(numeric.get(i), scan.summaries[i].summary());
            ReferenceProfile.NumericReference ref = reference.numeric().get(numeric.get(i));
            if (ref.summary().count() > 0) {
                distributions.put(numeric.get(i), distribution(ref, scan, i, against, slots, numeric.get(i)));
            }
        }
        Map<String, Long> nonNull = new HashMap<>();
        Map<String, CategoryTable> tables = new HashMap<>();
        Map<String, Map<String, Long>> currentCounts = new HashMap<>();
        java.util.Set<String> manyValues = new java.util.TreeSet<>();
        for (int j = 0; j < nc; j++) {
            String name = categorical.get(j);
            if (scan.others.categories[j].overflow()) {
                manyValues.add(name);
                continue;
            }
            Map<String, Long> counts = scan.others.categories[j].sorted();
            nonNull.put(name, counts.values().stream().mapToLong(Long::longValue).sum());
            currentCounts.put(name, counts);
        }
        for (String name : request.categorical()) {
            if (reference.manyValued().contains(name)) {
                manyValues.add(name);
            }
            if (!manyValues.contains(name)) {
                tables.put(name, categoryTable(reference.categorical().getOrDefault(name, Map.of()),
                    currentCounts.getOrDefault(name, Map.of()), request.maxCategories()));
            }
        }
        for (int k = 0; k < no; k++) {
            nonNull.put(others.get(k), scan.others.nonNull[k]);
        }
        return new Result(new DatasetSummary(scan.rows, summaries, nonNull).withAnalyzed(scan.analyzed.metrics()), distributions, tables,
            scan.others.usableIds(), List.copyOf(manyValues), scan.others.outcomes == null ? null : scan.others.outcomes.outcomes(),
            scan.copies, slots, scan.quality, scan.others.segmentOutcomes());
    }

    private static NumericDistribution distribution(ReferenceProfile.NumericReference ref, CurrentScan scan, int i,
                                                    CurrentScan.Against against, Map<String, CrossingResolver.Open> open, String name) {
        CellLayout layout = ref.layout();
        int slots = layout.slots();
        double[] left = new double[slots];
        double[] right = new double[slots];
        boolean[] point = new boolean[slots];
        long[] refCounts = new long[slots];
        double[] refOffsets = new double[slots];
        for (int s = 0; s < slots; s++) {
            left[s] = layout.slotLeft(s);
            right[s] = layout.slotRight(s);
            point[s] = CellLayout.isPoint(s);
            refCounts[s] = layout.referenceCount(s);
            refOffsets[s] = layout.referenceOffsetSum(s);
        }
        long nRef = ref.summary().count();
        long nCur = scan.summaries[i].count();
        BinnedDistance.Slots shared = new BinnedDistance.Slots(left, right, point, refCounts, scan.slotCounts[i], refOffsets,
            scan.slotOffsets[i]);
        BinnedDistance.Result d = nCur == 0 ? new BinnedDistance.Result(Double.NaN, 0, 0, 0) : BinnedDistance.compute(shared, nRef, nCur);
        ValueCounts cur = scan.summaries[i].valueCounts();
        NumericDistribution.ValueTable table = valueTable(ref.few(), cur);
        long refDistinct = ref.few() == null ? -1 : ref.few().size();
        long curDistinct = cur == null ? -1 : cur.values().length;
        long pooled = table == null ? -1 : table.values().length;
        DistributionDistance.Distinct distinct = new DistributionDistance.Distinct(pooled, refDistinct, curDistinct);
        if (table != null && nCur > 0) {
            // both sides counted every distinct value: KS and Wasserstein are exact from the table, at any row count
            EcdfWalk walk = EcdfWalk.ofTable(table.values(), table.reference(), table.current());
            return new NumericDistribution(ref.innerEdges(), ref.bins(), scan.binCounts(i, against), ref.median(), DistributionDistance.exact(VALUE_TABLES,
                walk.largestGap(), walk.integral(), distinct, table, walk.sums()));
        }
        if (nCur > 0) {
            open.put(name, new CrossingResolver.Open(shared, nRef, nCur));
        }
        return new NumericDistribution(ref.innerEdges(), ref.bins(), scan.binCounts(i, against), ref.median(), DistributionDistance.bounded(BOUNDED, d,
            distinct, table, null));   // the ECDF sums come from the final slots (CrossingResolver.withEcdfSums)
    }

    private static NumericDistribution.ValueTable valueTable(ValueCounts ref, ValueCounts cur) {
        if (ref == null || cur == null) {
            return null;
        }
        double[] refValues = ref.values();
        long[] refCounts = ref.counts();
        TreeSet<Double> all = new TreeSet<>();
        for (double v : refValues) {
            all.add(v);
        }
        for (double v : cur.values()) {
            all.add(v);
        }
        double[] v = all.stream().mapToDouble(Double::doubleValue).toArray();
        long[] r = new long[v.length];
        long[] k = new long[v.length];
        for (int i = 0; i < refValues.length; i++) {
            r[java.util.Arrays.binarySearch(v, refValues[i])] = refCounts[i];
        }
        for (int i = 0; i < cur.values().length; i++) {
            k[java.util.Arrays.binarySearch(v, cur.values()[i])] = cur.counts()[i];
        }
        return new NumericDistribution.ValueTable(v, r, k);
    }

    /**
     * Shares over the union of categories. Above {@code maxCategories} the most frequent are kept —
     * by reference count, then current count, then name — and the rest fold into {@link CategoryTable#OTHER}.
     */
    static CategoryTable categoryTable(Map<String, Long> reference, Map<String, Long> current, int maxCategories) {
        TreeMap<String, long[]> union = new TreeMap<>();
        reference.forEach((k, v) -> union.computeIfAbsent(k, x -> new long[2])[0] += v);
        current.forEach((k, v) -> union.computeIfAbsent(k, x -> new long[2])[1] += v);
        int distinct = union.size();
        TreeMap<String, long[]> kept = union;
        if (distinct > maxCategories) {
            // the categories frequent on either side are kept, so a value new tonight is not folded away
            double refTotal = Math.max(1, reference.values().stream().mapToLong(Long::longValue).sum());
            double curTotal = Math.max(1, current.values().stream().mapToLong(Long::longValue).sum());
            List<Map.Entry<String, long[]>> ranked = new ArrayList<>(union.entrySet());
            java.util.function.ToDoubleFunction<Map.Entry<String, long[]>> share =
                e -> Math.max(e.getValue()[0] / refTotal, e.getValue()[1] / curTotal);
            ranked.sort((a, b) -> share.applyAsDouble(a) != share.applyAsDouble(b)
                ? Double.compare(share.applyAsDouble(b), share.applyAsDouble(a))
                : a.getValue()[0] != b.getValue()[0] ? Long.compare(b.getValue()[0], a.getValue()[0])
                : a.getKey().compareTo(b.getKey()));
            kept = new TreeMap<>();
            for (int i = 0; i < ranked.size(); i++) {
                String name = i < maxCategories ? ranked.get(i).getKey() : CategoryTable.OTHER;
                long[] c = kept.computeIfAbsent(name, x -> new long[2]);
                c[0] += ranked.get(i).getValue()[0];
                c[1] += ranked.get(i).getValue()[1];
            }
        }
        long[] r = new long[kept.size()];
        long[] k = new long[kept.size()];
        int i = 0;
        for (long[] c : kept.values()) {
            r[i] = c[0];
            k[i++] = c[1];
        }
        return new CategoryTable(List.copyOf(kept.keySet()), r, k, distinct, distinct > maxCategories, unseen(union));
    }

    private static CategoryTable.Unseen unseen(TreeMap<String, long[]> union) {
        long rows = 0;
        long distinct = 0;
        List<Map.Entry<String, long[]>> fresh = new ArrayList<>();
        for (Map.Entry<String, long[]> e : union.entrySet()) {
            if (e.getValue()[0] == 0 && e.getValue()[1] > 0) {
                rows += e.getValue()[1];
                distinct++;
                fresh.add(e);
            }
        }
        fresh.sort((a, b) -> a.getValue()[1] != b.getValue()[1] ? Long.compare(b.getValue()[1], a.getValue()[1]) : a.getKey().compareTo(b.getKey()));
        java.util.LinkedHashMap<String, Long> top = new java.util.LinkedHashMap<>();
        fresh.stream().limit(CategoryTable.TOP_UNSEEN).forEach(e -> top.put(e.getKey(), e.getValue()[1]));
        return new CategoryTable.Unseen(rows, distinct, top);
    }
}
