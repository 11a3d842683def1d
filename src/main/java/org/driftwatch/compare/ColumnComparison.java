package org.driftwatch.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.driftwatch.profile.model.DistanceMethod;

/**
 * Every statistic of one column, reference against current, held by name ({@link #statistics}: psi, ks,
 * wasserstein, wasserstein_normed, chi_square, jensen_shannon, each one {@link Statistic}) beside the
 * column's counts, bins and categories. A statistic that is undefined (too little data, column missing)
 * is absent, its accessor gives null, and {@link #notes} says why. Built by the named factories
 * ({@link #numerical}, {@link #categorical}, {@link #withoutStatistics}).
 *
 * @param type "numerical" or "categorical"
 * @param method how a numerical column's KS and Wasserstein were computed (exact or bounded) and why;
 *               null for categorical columns and columns without statistics
 * @param metrics the registered {@link ColumnMetrics} defined for this column, by name
 */
public record ColumnComparison(String name, String type, SideStats reference, SideStats current, Bins bins,
                               Categories categories, List<String> unseenCategories, List<String> missingCategories,
                               DriftResult drift, List<String> notes, DistanceMethod method,
                               Map<String, Statistic> statistics, Map<String, MetricValue> metrics) {
    public static final String PSI = "psi";
    public static final String KS = "ks";
    public static final String WASSERSTEIN = "wasserstein";
    public static final String WASSERSTEIN_NORMED = "wasserstein_normed";
    public static final String CHI_SQUARE = "chi_square";
    public static final String JENSEN_SHANNON = "jensen_shannon";

    public ColumnComparison {
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        statistics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(statistics));
        unseenCategories = List.copyOf(unseenCategories);
        missingCategories = List.copyOf(missingCategories);
        notes = List.copyOf(notes);
    }

    /**
     * One statistic's result, the shape every one shares (MLlib's one result type): its value, and where
     * defined its p-value, how far the exact value may be from it ({@code bound}, 0 when exact), the method
     * of its p-value and its degrees of freedom.
     */
    public record Statistic(double value, Double pValue, Double bound, String method, Integer degreesOfFreedom) {
        public static Statistic of(double value) {
            return new Statistic(value, null, null, null, null);
        }
    }

    /** A numerical column's statistics (its drift test comes next, {@link #withDrift}). */
    public static ColumnComparison numerical(String name, SideStats reference, SideStats current, Bins bins, Categories values,
                                             Map<String, Statistic> statistics, List<String> notes, DistanceMethod method) {
        return new ColumnComparison(name, "numerical", reference, current, bins, values, List.of(), List.of(), null, notes, method,
            statistics, Map.of());
    }

    /** A column whose statistics are undefined (too little data, or missing on a side): its counts, categories and why. */
    public static ColumnComparison withoutStatistics(String name, String type, SideStats reference, SideStats current,
                                                     Categories categories, List<String> unseen, List<String> missing,
                                                     String why, List<String> notes) {
        return new ColumnComparison(name, type, reference, current, null, categories, unseen, missing, DriftResult.none(why), notes, null,
            Map.of(), Map.of());
    }

    /** A categorical column's statistics (its drift test comes next, {@link #withDrift}). */
    public static ColumnComparison categorical(String name, SideStats reference, SideStats current, double psi, Categories categories,
                                               ChiSquare chiSquare, double jensenShannon, List<String> unseen, List<String> missing,
                                               List<String> notes) {
        Map<String, Statistic> s = new LinkedHashMap<>();
        s.put(PSI, Statistic.of(psi));
        s.put(CHI_SQUARE, chiSquare.asStatistic());
        s.put(JENSEN_SHANNON, Statistic.of(jensenShannon));
        return new ColumnComparison(name, "categorical", reference, current, null, categories, unseen, missing, null, notes, null, s,
            Map.of());
    }

    /** A statistic by name, or null when it is undefined here. */
    public Statistic statistic(String key) {
        return statistics.get(key);
    }

    public Double psi() {
        return value(PSI);
    }

    /** KS with its p-value, method and bound, or null. */
    public Ks ks() {
        Statistic s = statistics.get(KS);
        return s == null ? null : new Ks(s.value(), s.pValue(), s.method(), s.bound());
    }

    public Double wasserstein() {
        return value(WASSERSTEIN);
    }

    public Double wassersteinNormed() {
        return value(WASSERSTEIN_NORMED);
    }

    /** ± bound on the normed Wasserstein distance: 0 when computed exactly; null without it. */
    public Double wassersteinNormedBound() {
        Statistic s = statistics.get(WASSERSTEIN_NORMED);
        return s == null ? null : s.bound();
    }

    public ChiSquare chiSquare() {
        Statistic s = statistics.get(CHI_SQUARE);
        return s == null ? null : new ChiSquare(s.value(), s.degreesOfFreedom(), s.pValue());
    }

    public Double jensenShannon() {
        return value(JENSEN_SHANNON);
    }

    private Double value(String key) {
        Statistic s = statistics.get(key);
        return s == null ? null : s.value();
    }

    /** The same column's counts without its statistics, for this reason (a segment with too few rows). */
    public ColumnComparison withoutStatistics(String why) {
        List<String> because = new java.util.ArrayList<>(List.of(why));
        return withoutStatistics(name, type, reference, current, categories, unseenCategories, missingCategories, why, because);
    }

    /** The same comparison with its drift test. */
    public ColumnComparison withDrift(DriftResult d) {
        return new ColumnComparison(name, type, reference, current, bins, categories, unseenCategories, missingCategories, d, notes, method,
            statistics, metrics);
    }

    /** The same comparison with the registered metrics computed on it. */
    public ColumnComparison withMetrics() {
        return new ColumnComparison(name, type, reference, current, bins, categories, unseenCategories, missingCategories, drift, notes,
            method, statistics, ColumnMetrics.of(this));
    }

    /** The same comparison with these metric values (before {@link #withMetrics} computes the registered ones). */
    ColumnComparison withMetricValues(Map<String, MetricValue> values) {
        return new ColumnComparison(name, type, reference, current, bins, categories, unseenCategories, missingCategories, drift, notes,
            method, statistics, values);
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

        /** The category whose share moved most between the sides (its index in {@link #names}), or -1 when none. */
        public int mostMoved() {
            int most = -1;
            double change = -1;
            for (int i = 0; i < names.size(); i++) {
                double delta = Math.abs(currentShare(i) - referenceShare(i));
                if (delta > change) {
                    change = delta;
                    most = i;
                }
            }
            return most;
        }

        public double referenceShare(int i) {
            return share(reference, i);
        }

        public double currentShare(int i) {
            return share(current, i);
        }

        private static double share(long[] counts, int i) {
            long total = java.util.Arrays.stream(counts).sum();
            return total == 0 ? 0 : counts[i] / (double) total;
        }
    }

    /** @param bound how much the exact D may exceed {@code statistic}: 0 when computed exactly */
    public record Ks(double statistic, double pValue, String method, double bound) {
    }

    public record ChiSquare(double statistic, int degreesOfFreedom, double pValue) {
        Statistic asStatistic() {
            return new Statistic(statistic, pValue, null, null, degreesOfFreedom);
        }
    }

    /**
     * What the column's drift test ({@link org.driftwatch.compare.DriftTest}, the registry of tests) found.
     *
     * @param test      ks, wasserstein, chi_square, jensen_shannon, or none when data is insufficient
     * @param score     the test's value (a p-value or a distance); null when undefined
     * @param threshold drift when score ≤ threshold for p-values, ≥ threshold for distances
     */
    public record DriftResult(String test, Double score, Double threshold, boolean detected, String note, Double pValueAdjusted) {
        public DriftResult(String test, Double score, Double threshold, boolean detected, String note) {
            this(test, score, threshold, detected, note, null);
        }

        /** No test: too little data, or the column is missing. */
        public static DriftResult none(String why) {
            return new DriftResult("none", null, null, false, why);
        }
    }
}
