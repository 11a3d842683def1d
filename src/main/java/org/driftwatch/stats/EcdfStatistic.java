package org.driftwatch.stats;

/**
 * A two-sample statistic defined on the pooled sample's ranks, and so on the two ECDFs: a sum, over the
 * distinct pooled values in increasing order, of a term that depends only on each side's count of the
 * value and each side's count below it (ties take their midranks). Because the term needs no other
 * value, every provider of the joint distribution computes it the same way — an exact value table, the
 * rows of a windowed frequency table, the values a finishing scan collected — and where values are only
 * known as counts in an interval ({@link #span}) it states how far the sum can be from what is known.
 * <p>A new one (Cramér–von Mises, Anderson–Darling, ...) is one class and one line in
 * {@link EcdfStatistics}; the drift-test registry picks it up by name.
 */
public interface EcdfStatistic extends java.io.Serializable {
    /** Key in report.json's column object, summary.csv and {@code compare.tests}; snake_case. */
    String name();

    /** How the report and the email name it. */
    String display();

    /**
     * The term of one distinct pooled value.
     *
     * @param a       how many reference values equal it
     * @param b       how many current values equal it
     * @param below_a reference values below it
     * @param below_b current values below it
     * @param n       reference size
     * @param m       current size
     */
    double term(long a, long b, long belowA, long belowB, long n, long m);

    /**
     * The least and most the terms of an interval's values can sum to, when the interval holds r reference
     * and c current values in an unknown order, possibly tied, after {@code belowR} and {@code belowC}.
     */
    double[] span(long r, long c, long belowR, long belowC, long n, long m);

    /**
     * The test from the sum of every term, known to lie in [least, most] (equal when exact).
     *
     * @param distinct distinct pooled values, or −1 when not counted (at least 2 then)
     * @return null when the statistic is undefined for these samples
     */
    Result test(double least, double most, long n, long m, long distinct);

    /**
     * One result shape for every such test: the statistic, its p-value, and how far the exact statistic
     * may be from {@code statistic} either way (0 when computed exactly).
     */
    record Result(double statistic, double pValue, double bound) {
    }
}
