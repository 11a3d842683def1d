package org.driftwatch.stats;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sums of every registered {@link EcdfStatistic}'s terms over one column's joint distribution, as far
 * as it is known: exact terms for values whose counts are known, a [least, most] range for intervals known
 * only by their counts. Sums are compensated (Neumaier): terms are large (ranks squared) and the
 * statistics are small differences of them. Mergeable, so partitions fold their values apart.
 */
public final class EcdfSums implements Serializable {
    private static final long serialVersionUID = 1L;
    private final EcdfStatistic[] statistics;
    /** Per statistic: the sum of the exact terms, and apart the least and most of the intervals' spans. */
    private final double[] exact;
    private final double[] exactError;
    private final double[] least;
    private final double[] leastError;
    private final double[] most;
    private final double[] mostError;

    public EcdfSums() {
        this(EcdfStatistics.ALL);
    }

    public EcdfSums(List<EcdfStatistic> statistics) {
        this.statistics = statistics.toArray(EcdfStatistic[]::new);
        int k = statistics.size();
        exact = new double[k];
        exactError = new double[k];
        least = new double[k];
        leastError = new double[k];
        most = new double[k];
        mostError = new double[k];
    }

    /** [least, most] of one statistic's sum; equal when every term was known. */
    public record Range(double least, double most) implements Serializable {
        public boolean exact() {
            return least == most;
        }
    }

    /** One distinct pooled value: a reference and b current copies, after belowA and belowB. */
    public void value(long a, long b, long belowA, long belowB, long n, long m) {
        for (int s = 0; s < statistics.length; s++) {
            add(exact, exactError, s, statistics[s].term(a, b, belowA, belowB, n, m));
        }
    }

    /** An interval known only by its counts. */
    public void interval(long r, long c, long belowR, long belowC, long n, long m) {
        if (r + c == 0) {
            return;
        }
        for (int s = 0; s < statistics.length; s++) {
            double[] span = statistics[s].span(r, c, belowR, belowC, n, m);
            add(least, leastError, s, span[0]);
            add(most, mostError, s, span[1]);
        }
    }

    /** Exact partial sums of every statistic, in registry order (an interval whose values were all walked). */
    public void exact(double[] partial) {
        for (int s = 0; s < statistics.length; s++) {
            add(exact, exactError, s, partial[s]);
        }
    }

    /** The exact partial sums so far, in registry order (for a resolved interval: walked from zero). */
    public double[] partials() {
        double[] out = new double[statistics.length];
        for (int s = 0; s < out.length; s++) {
            out[s] = exact[s] + exactError[s];
        }
        return out;
    }

    public EcdfSums merge(EcdfSums o) {
        for (int s = 0; s < statistics.length; s++) {
            add(exact, exactError, s, o.exact[s]);
            add(exact, exactError, s, o.exactError[s]);
            add(least, leastError, s, o.least[s]);
            add(least, leastError, s, o.leastError[s]);
            add(most, mostError, s, o.most[s]);
            add(most, mostError, s, o.mostError[s]);
        }
        return this;
    }

    /** Every statistic's range, by name. */
    public Map<String, Range> ranges() {
        Map<String, Range> out = new LinkedHashMap<>();
        for (int s = 0; s < statistics.length; s++) {
            double known = exact[s] + exactError[s];
            out.put(statistics[s].name(), new Range(known + (least[s] + leastError[s]), known + (most[s] + mostError[s])));
        }
        return out;
    }

    /** The sums over shared slots: exact on points and resolved intervals, ranges on the other intervals. */
    public static Map<String, Range> ofSlots(BinnedDistance.Slots s, long n, long m) {
        EcdfSums sums = new EcdfSums();
        long cr = 0;
        long cc = 0;
        for (int i = 0; i < s.left().length; i++) {
            long r = s.reference()[i];
            long c = s.current()[i];
            if (s.resolved(i)) {
                sums.exact(s.resolvedSums()[i]);
            } else if (s.point()[i]) {
                if (r + c > 0) {
                    sums.value(r, c, cr, cc, n, m);
                }
            } else {
                sums.interval(r, c, cr, cc, n, m);
            }
            cr += r;
            cc += c;
        }
        return sums.ranges();
    }

    /**
     * The interval slots where some registered statistic's sum is not known exactly (its span is a range):
     * what a column must have looked into for these statistics to be exact.
     */
    public static boolean[] open(BinnedDistance.Slots s, long n, long m) {
        boolean[] open = new boolean[s.left().length];
        long cr = 0;
        long cc = 0;
        for (int i = 0; i < open.length; i++) {
            long r = s.reference()[i];
            long c = s.current()[i];
            if (!s.point()[i] && !s.resolved(i) && r + c > 0) {
                for (EcdfStatistic statistic : EcdfStatistics.ALL) {
                    double[] span = statistic.span(r, c, cr, cc, n, m);
                    open[i] |= span[0] < span[1];
                }
            }
            cr += r;
            cc += c;
        }
        return open;
    }

    private static void add(double[] sum, double[] error, int s, double x) {
        if (!Double.isFinite(x) || !Double.isFinite(sum[s])) {
            sum[s] += x; // an unbounded interval: the range has no end
            error[s] = 0;
            return;
        }
        double t = sum[s] + x;
        error[s] += Math.abs(sum[s]) >= Math.abs(x) ? (sum[s] - t) + x : (x - t) + sum[s];
        sum[s] = t;
    }
}
