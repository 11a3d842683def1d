package org.driftwatch.compare;

import java.util.List;
import java.util.Map;
import org.driftwatch.profile.model.ComparisonMethod;

/**
 * Every statistic of one column, reference against current. Values that are undefined (too little
 * data, column missing) are null, and {@link #notes} says why.
 *
 * @param type "numerical" or "categorical"
 * @param wassersteinNormedBound ± bound on the normed Wasserstein distance: 0 when computed exactly
 * @param method how a numerical column's KS and Wasserstein were computed (exact or bounded) and why;
 *               null for categorical columns and columns without statistics
 * @param metrics the registered {@link ColumnMetrics} defined for this column, by name
 */
public record ColumnComparison(String name, String type, SideStats reference, SideStats current,
                               Double psi, Bins bins, Ks ks, Double wasserstein, Double wassersteinNormed,
                               Double wassersteinNormedBound,
                               Categories categories, ChiSquare chiSquare, Double jensenShannon,
                               List<String> unseenCategories, List<String> missingCategories,
                               DriftTest drift, List<String> notes, ComparisonMethod method,
                               Map<String, MetricValue> metrics) {
    public ColumnComparison {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        unseenCategories = List.copyOf(unseenCategories);
        missingCategories = List.copyOf(missingCategories);
        notes = List.copyOf(notes);
    }

    /** A column whose statistics are undefined (too little data, or missing on a side): its counts, categories and why. */
    public static ColumnComparison withoutStatistics(String name, String type, SideStats reference, SideStats current,
                                                     Categories categories, List<String> unseen, List<String> missing,
                                                     String why, List<String> notes) {
        return new ColumnComparison(name, type, reference, current, null, null, null, null, null, null, categories, null, null,
            unseen, missing, DriftTest.none(why), notes, null, Map.of());
    }

    /** A categorical column's statistics (its drift test comes next, {@link #withDrift}). */
    public static ColumnComparison categorical(String name, SideStats reference, SideStats current, double psi, Categories categories,
                                               ChiSquare chiSquare, double jensenShannon, List<String> unseen, List<String> missing,
                                               List<String> notes) {
        return new ColumnComparison(name, "categorical", reference, current, psi, null, null, null, null, null, categories, chiSquare,
            jensenShannon, unseen, missing, null, notes, null, Map.of());
    }

    /** The same comparison with its drift test. */
    public ColumnComparison withDrift(DriftTest d) {
        return new ColumnComparison(name, type, reference, current, psi, bins, ks, wasserstein, wassersteinNormed,
            wassersteinNormedBound, categories, chiSquare, jensenShannon, unseenCategories, missingCategories, d, notes, method, metrics);
    }

    /** The same comparison with the registered metrics computed on it. */
    public ColumnComparison withMetrics() {
        return new ColumnComparison(name, type, reference, current, psi, bins, ks, wasserstein, wassersteinNormed,
            wassersteinNormedBound, categories, chiSquare, jensenShannon, unseenCategories, missingCategories, drift, notes, method,
            ColumnMetrics.of(this));
    }

    /** The same comparison with these metric values (before {@link #withMetrics} computes the registered ones). */
    ColumnComparison withMetricValues(Map<String, MetricValue> values) {
        return new ColumnComparison(name, type, reference, current, psi, bins, ks, wasserstein, wassersteinNormed,
            wassersteinNormedBound, categories, chiSquare, jensenShannon, unseenCategories, missingCategories, drift, notes, method, values);
    }

    /** A registered metric's value for this column, or null when it is undefined here. */
    public MetricValue metric(ColumnMetric m) {
        return metrics.get(m.name());
    }

    public boolean numerical() {
        return type.equals("numerical");
    }

    /**
     * Counts and moments of one side; {@code count} is the finite values, {@code nullCount} the nulls, and
     * NaN and ±∞ are counted apart, so count + nullCount + nanCount + infiniteCount = rows. Null fields are unknown.
     */
    public record SideStats(long rows, Long count, Long nullCount, long nanCount, long infiniteCount,
                            Double mean, Double stdPop, Double stdSample, Double min, Double max, Double median,
                            Long distinct) {
        /** nullCount / rows: the nulls only, as {@code null_count} counts them (NaN and ±∞ are not nulls). */
        public Double nullShare() {
            return nullCount == null || rows == 0 ? null : (double) nullCount / rows;
        }
    }

    /** PSI bins: inner edges (outer edges are ±∞) and counts per bin on each side. */
    public record Bins(double[] innerEdges, long[] reference, long[] current) {
    }

    /** Category counts over the sorted union (numeric columns with few values use their values). */
    public record Categories(List<String> names, long[] reference, long[] current, boolean folded,
                             org.driftwatch.profile.model.CategoryTable.Unseen unseen) {
        public Categories {
            names = List.copyOf(names);
        }

        public Categories(List<String> names, long[] reference, long[] current, boolean folded) {
            this(names, reference, current, folded, null);
        }

        /** Share of the current values that the reference never had (counted before folding), or null. */
        public Double unseenShare() {
            long total = 0;
            for (long c : current) {
                total += c;
            }
            return unseen == null || total == 0 ? null : unseen.rows() / (double) total;
        }
    }

    /** @param bound how much the exact D may exceed {@code statistic}: 0 when computed exactly */
    public record Ks(double statistic, double pValue, String method, double bound) {
    }

    public record ChiSquare(double statistic, int degreesOfFreedom, double pValue) {
    }

    /**
     * The per-column drift test's outcome ({@link org.driftwatch.compare.DriftTest}).
     *
     * @param test      ks, wasserstein, chi_square, jensen_shannon, or none when data is insufficient
     * @param score     the test's value (a p-value or a distance); null when undefined
     * @param threshold drift when score ≤ threshold for p-values, ≥ threshold for distances
     */
    public record DriftTest(String test, Double score, Double threshold, boolean detected, String note, Double pValueAdjusted) {
        public DriftTest(String test, Double score, Double threshold, boolean detected, String note) {
            this(test, score, threshold, detected, note, null);
        }

        /** No test: too little data, or the column is missing. */
        public static DriftTest none(String why) {
            return new DriftTest("none", null, null, false, why);
        }
    }
}
