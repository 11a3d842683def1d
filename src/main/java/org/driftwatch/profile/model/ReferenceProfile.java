package org.driftwatch.profile.model;

import java.util.List;
import java.util.Map;
import org.driftwatch.profile.sketch.CellLayout;
import org.driftwatch.profile.sketch.IdSet;

/**
 * Everything a run needs from the reference, from its scans: later batches are binned and compared
 * against it without reading the reference again. Exact except the numeric distributions, which are
 * {@link CellLayout compressed} within a stated KS bound.
 *
 * @param categorical per categorical column (and label): every category with its count, sorted
 * @param nonNull     non-null values per categorical or id column
 * @param idBitmap    the distinct integer ids (Roaring bitmap, portable format, base64), or null: lets a
 *                    run against the profile tell that no current id is a reference id without the data
 * @param manyValued  categorical columns with more distinct values than a scan counts: no counts here
 *                    (a run counts them in Spark on the raw data; a saved profile refuses them)
 * @param outcomes    the model's outcomes on the reference, or null (no model, or a profile saved without them)
 * @param selfChecks  per column, its statistics half against half of the reference (empty in older profiles)
 * @param analyzed    the metric of every analyzer the checks requested, by analyzer name (empty in older profiles)
 */
public record ReferenceProfile(long rows, Map<String, NumericReference> numeric,
                               Map<String, Map<String, Long>> categorical, Map<String, Long> nonNull, String idBitmap,
                               List<String> manyValued, ModelOutcomes outcomes, Map<String, SelfCheck> selfChecks,
                               Map<String, Map<String, Double>> analyzed, QualitySide quality) {
    public ReferenceProfile(long rows, Map<String, NumericReference> numeric, Map<String, Map<String, Long>> categorical,
                            Map<String, Long> nonNull, String idBitmap, List<String> manyValued, ModelOutcomes outcomes,
                            Map<String, SelfCheck> selfChecks, Map<String, Map<String, Double>> analyzed) {
        this(rows, numeric, categorical, nonNull, idBitmap, manyValued, outcomes, selfChecks, analyzed, QualitySide.NONE);
    }

    public ReferenceProfile(long rows, Map<String, NumericReference> numeric, Map<String, Map<String, Long>> categorical,
                            Map<String, Long> nonNull, String idBitmap, List<String> manyValued) {
        this(rows, numeric, categorical, nonNull, idBitmap, manyValued, null, Map.of(), Map.of());
    }

    public ReferenceProfile(long rows, Map<String, NumericReference> numeric, Map<String, Map<String, Long>> categorical,
                            Map<String, Long> nonNull, String idBitmap, List<String> manyValued, ModelOutcomes outcomes) {
        this(rows, numeric, categorical, nonNull, idBitmap, manyValued, outcomes, Map.of(), Map.of());
    }

    public ReferenceProfile(long rows, Map<String, NumericReference> numeric, Map<String, Map<String, Long>> categorical,
                            Map<String, Long> nonNull, String idBitmap, List<String> manyValued, ModelOutcomes outcomes,
                            Map<String, SelfCheck> selfChecks) {
        this(rows, numeric, categorical, nonNull, idBitmap, manyValued, outcomes, selfChecks, Map.of());
    }

    /** The same profile with the model's finished outcomes. */
    public ReferenceProfile withOutcomes(ModelOutcomes finished) {
        return new ReferenceProfile(rows, numeric, categorical, nonNull, idBitmap, manyValued, finished, selfChecks, analyzed, quality);
    }

    /** The same profile with these numeric columns. */
    public ReferenceProfile withNumeric(Map<String, NumericReference> columns) {
        return new ReferenceProfile(rows, columns, categorical, nonNull, idBitmap, manyValued, outcomes, selfChecks, analyzed, quality);
    }

    /** The same profile with the analyzers' metrics. */
    public ReferenceProfile withAnalyzed(Map<String, Map<String, Double>> metrics) {
        return new ReferenceProfile(rows, numeric, categorical, nonNull, idBitmap, manyValued, outcomes, selfChecks, metrics, quality);
    }

    /** The same profile with its data-quality measures. */
    public ReferenceProfile withQuality(QualitySide measured) {
        return new ReferenceProfile(rows, numeric, categorical, nonNull, idBitmap, manyValued, outcomes, selfChecks, analyzed, measured);
    }

    public ReferenceProfile {
        quality = quality == null ? QualitySide.NONE : quality;
        analyzed = analyzed == null ? Map.of() : Map.copyOf(analyzed);
        selfChecks = selfChecks == null ? Map.of() : Map.copyOf(selfChecks);
        manyValued = manyValued == null ? List.of() : List.copyOf(manyValued);
        numeric = Map.copyOf(numeric);
        categorical = Map.copyOf(categorical);
        nonNull = Map.copyOf(nonNull);
    }

    /**
     * One numeric column: summary, exact PSI edges and bin counts, median, its compressed distribution,
     * and, when it has at most a few distinct values, all of them with their counts ({@code few}).
     *
     * @param all every distinct value with its count when the reference is small enough for the exact
     *            comparison (see {@link ProfileRequest#exactValues()}); else null
     */
    public record NumericReference(NumericSummary summary, double[] innerEdges, long[] bins, Double median,
                                   CellLayout layout, ValueCounts few, ValueCounts all) {
        public NumericReference withAll(ValueCounts table) {
            return new NumericReference(summary, innerEdges, bins, median, layout, few, table);
        }
    }

    public DatasetSummary summary() {
        Map<String, NumericSummary> sums = new java.util.HashMap<>();
        numeric.forEach((k, v) -> sums.put(k, v.summary()));
        return new DatasetSummary(rows, sums, nonNull, selfChecks, analyzed, quality);
    }

    public IdSet ids() {
        return idBitmap == null ? null : IdSet.fromBase64(idBitmap);
    }

}
