package org.driftwatch.profile.model;

import java.util.List;

/**
 * What the checks of a run need from the data, gathered before any Spark job so that one set of
 * aggregations answers all of them.
 *
 * @param categorical categorical features and the label
 * @param fractions   percentile fractions whose exact reference values are needed (PSI edges, median)
 * @param psiBins     number of PSI bins; the inner edges are the fractions i/psiBins
 * @param maxCategories categories kept per column; the rest fold into one "other" bin
 * @param valueTableLimit numeric columns with at most this many distinct values also get their full
 *                    value table (for chi-square on low-cardinality numbers)
 * @param rowColumns  columns whose values together identify a row, for counting current rows identical
 *                    to a reference row; empty for none
 * @param exactValues when both datasets have at most this many numeric values (rows × numeric
 *                    columns), KS and Wasserstein are computed exactly; above it from the reference
 *                    profile's cells, within a stated bound
 * @param model       the monitored model, whose outcomes the scans fold too; null for none
 * @param finishRounds above {@code exactValues}, at most this many finishing scans per side make KS and
 *                    Wasserstein exact where the reference data is at hand; 0 keeps them bounded
 * @param analyzers   statistics the checks asked the scans to fold on both sides, beside the profile's own
 * @param exactEcdf   columns whose drift is judged by an ECDF statistic (Cramér–von Mises, Anderson–Darling):
 *                    their needs join KS and Wasserstein's in driving the finishing rounds
 * @param quality     the data-quality constraints to measure on both sides, in rule-file order
 */
public record ProfileRequest(List<String> numerical, List<String> categorical, String id, int psiBins,
                             int maxCategories, int valueTableLimit, List<String> rowColumns, long exactValues,
                             org.driftwatch.data.ModelPlan model, int finishRounds,
                             List<org.driftwatch.profile.analyzer.Analyzer<?>> analyzers, java.util.Set<String> exactEcdf,
                             List<org.driftwatch.profile.quality.QualityRule> quality,
                             List<org.driftwatch.data.ModelPlan> segmentModels) {
    /** Default for {@link #exactValues()}: the exact path costs a shuffle of every numeric value. */
    public static final long EXACT_VALUES = 1_000_000;
    /** Default for {@link #finishRounds()}: enough for columns without drift at 10M rows and 20 columns. */
    public static final int FINISH_ROUNDS = 8;

    public ProfileRequest {
        numerical = List.copyOf(numerical);
        categorical = List.copyOf(categorical);
        rowColumns = List.copyOf(rowColumns);
        analyzers = List.copyOf(analyzers);
        exactEcdf = java.util.Set.copyOf(exactEcdf);
        quality = quality == null ? List.of() : List.copyOf(quality);
        segmentModels = segmentModels == null ? List.of() : List.copyOf(segmentModels);
    }

    public ProfileRequest(List<String> numerical, List<String> categorical, String id, int psiBins,
                          int maxCategories, int valueTableLimit, List<String> rowColumns, long exactValues,
                          org.driftwatch.data.ModelPlan model, int finishRounds,
                          List<org.driftwatch.profile.analyzer.Analyzer<?>> analyzers, java.util.Set<String> exactEcdf,
                          List<org.driftwatch.profile.quality.QualityRule> quality) {
        this(numerical, categorical, id, psiBins, maxCategories, valueTableLimit, rowColumns, exactValues, model, finishRounds, analyzers,
            exactEcdf, quality, List.of());
    }

    /**
     * The same request with segment columns scanned beside the whole ones, and each segment's model folded
     * beside the whole model ({@code models}: their columns are the segment's, of the same task).
     */
    public ProfileRequest withSegments(List<String> moreNumerical, List<String> moreCategorical, List<org.driftwatch.data.ModelPlan> models) {
        List<String> n = new java.util.ArrayList<>(numerical);
        n.addAll(moreNumerical);
        List<String> c = new java.util.ArrayList<>(categorical);
        c.addAll(moreCategorical);
        return new ProfileRequest(n, c, id, psiBins, maxCategories, valueTableLimit, rowColumns, exactValues, model, finishRounds,
            analyzers, exactEcdf, quality, model == null ? List.of() : models);
    }

    /** The same request with these data-quality constraints. */
    public ProfileRequest withQuality(List<? extends org.driftwatch.profile.quality.QualityRule> rules) {
        return new ProfileRequest(numerical, categorical, id, psiBins, maxCategories, valueTableLimit, rowColumns, exactValues, model,
            finishRounds, analyzers, exactEcdf, List.copyOf(rules), segmentModels);
    }

    public ProfileRequest(List<String> numerical, List<String> categorical, String id, int psiBins,
                          int maxCategories, int valueTableLimit, List<String> rowColumns, long exactValues,
                          org.driftwatch.data.ModelPlan model, int finishRounds) {
        this(numerical, categorical, id, psiBins, maxCategories, valueTableLimit, rowColumns, exactValues, model, finishRounds, List.of(),
            java.util.Set.of(), List.of());
    }

    /** The same request with these analyzers (those of columns not scanned as numbers are left out by the scans). */
    public ProfileRequest withAnalyzers(List<? extends org.driftwatch.profile.analyzer.Analyzer<?>> wanted) {
        return new ProfileRequest(numerical, categorical, id, psiBins, maxCategories, valueTableLimit, rowColumns, exactValues, model,
            finishRounds, List.copyOf(wanted), exactEcdf, quality, segmentModels);
    }

    /** The same request with the columns whose ECDF statistics must be exact where finishing rounds can make them so. */
    public ProfileRequest withExactEcdf(java.util.Set<String> columns) {
        return new ProfileRequest(numerical, categorical, id, psiBins, maxCategories, valueTableLimit, rowColumns, exactValues, model,
            finishRounds, analyzers, columns, quality, segmentModels);
    }

    public ProfileRequest(List<String> numerical, List<String> categorical, String id, int psiBins,
                          int maxCategories, int valueTableLimit, List<String> rowColumns, long exactValues,
                          org.driftwatch.data.ModelPlan model) {
        this(numerical, categorical, id, psiBins, maxCategories, valueTableLimit, rowColumns, exactValues, model, FINISH_ROUNDS);
    }

    public ProfileRequest(List<String> numerical, List<String> categorical, String id, int psiBins,
                          int maxCategories, int valueTableLimit, List<String> rowColumns, long exactValues) {
        this(numerical, categorical, id, psiBins, maxCategories, valueTableLimit, rowColumns, exactValues, null);
    }

    public ProfileRequest(List<String> numerical, List<String> categorical, String id, int psiBins,
                          int maxCategories, int valueTableLimit, List<String> rowColumns) {
        this(numerical, categorical, id, psiBins, maxCategories, valueTableLimit, rowColumns, EXACT_VALUES, null);
    }

    public ProfileRequest(List<String> numerical, List<String> categorical, String id, int psiBins,
                          int maxCategories, int valueTableLimit) {
        this(numerical, categorical, id, psiBins, maxCategories, valueTableLimit, List.of(), EXACT_VALUES, null);
    }
}
