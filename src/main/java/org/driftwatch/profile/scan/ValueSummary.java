package org.driftwatch.profile.scan;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import org.driftwatch.profile.model.NumericSummary;
import org.driftwatch.profile.model.ValueCounts;

/**
 * One numeric column on one side, accumulated value by value and mergeable: null/NaN/∞ counts,
 * moments, min, max, and the exact value counts while the column has at most {@code limit} distinct
 * values. Within a partition, moments are sums of deviations from the first value seen (no division per
 * value; the shift keeps them accurate far from zero). Partitions merge exactly: each side becomes its
 * exact Σv and Σv² ({@link BigDecimal}, from its mean and M2), so the merged moments do not depend on the
 * order Spark merges partitions in — a run against a saved profile and a run on the raw reference give
 * the same mean and std to the last bit.
 */
public final class ValueSummary implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int limit;
    private long count;
    private long nulls;
    private long nans;
    private long infinite;
    private double shift;
    private double s1;
    private double s2;
    /** Exact Σv and Σv² once partitions were merged; null for one partition's values. */
    private BigDecimal exactSum;
    private BigDecimal exactSumSquares;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double[] values;
    private long[] counts;
    private int distinct;

    ValueSummary(int limit) {
        this.limit = limit;
        this.values = new double[limit + 1];
        this.counts = new long[limit + 1];
    }

    void addNull() {
        nulls++;
    }

    /** Adds a raw value; returns true when it is finite (and so takes part in the statistics). */
    boolean add(double v) {
        if (Double.isNaN(v)) {
            nans++;
            return false;
        }
        if (Double.isInfinite(v)) {
            infinite++;
            return false;
        }
        v = v + 0.0;
        if (count++ == 0) {
            shift = v;
        }
        double d = v - shift;
        s1 += d;
        s2 += d * d;
        if (v < min) {
            min = v;
        }
        if (v > max) {
            max = v;
        }
        if (values != null) {
            countValue(v);
        }
        return true;
    }

    private void countValue(double v) {
        for (int i = 0; i < distinct; i++) {
            if (values[i] == v) {
                counts[i]++;
                return;
            }
        }
        if (distinct == limit) {
            values = null;
            counts = null;
            return;
        }
        values[distinct] = v;
        counts[distinct++] = 1;
    }

    public ValueSummary merge(ValueSummary o) {
        if (o.count > 0 && count == 0) {
            shift = o.shift;
            s1 = o.s1;
            s2 = o.s2;
            exactSum = o.exactSum;
            exactSumSquares = o.exactSumSquares;
            count = o.count;
            min = o.min;
            max = o.max;
        } else if (o.count > 0) {
            BigDecimal sum = sum().add(o.sum());
            BigDecimal squares = sumSquares().add(o.sumSquares());
            exactSum = sum;
            exactSumSquares = squares;
            count += o.count;
            min = Math.min(min, o.min);
            max = Math.max(max, o.max);
        }
        nulls += o.nulls;
        nans += o.nans;
        infinite += o.infinite;
        if (values != null && o.values != null) {
            for (int i = 0; i < o.distinct && values != null; i++) {
                long c = o.counts[i];
                countValue(o.values[i]);
                if (values != null) {
                    counts[indexOf(o.values[i])] += c - 1;
                }
            }
        } else {
            values = null;
            counts = null;
        }
        return this;
    }

    private int indexOf(double v) {
        for (int i = 0; i < distinct; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        throw new IllegalStateException("value not counted");
    }

    public long count() {
        return count;
    }

    private double mean() {
        if (exactSum != null) {
            return exactSum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128).doubleValue();
        }
        return shift + s1 / count;
    }

    /** Σ(v − mean)², from the shifted sums, or exactly from Σv and Σv² after a merge. */
    private double m2() {
        if (exactSum != null) {
            BigDecimal m2 = exactSumSquares.subtract(exactSum.multiply(exactSum).divide(BigDecimal.valueOf(count), MathContext.DECIMAL128));
            return Math.max(0.0, m2.doubleValue());
        }
        return Math.max(0.0, s2 - s1 * s1 / count);
    }

    /** Σv exactly: as merged, or from this partition's mean (n · mean). */
    private BigDecimal sum() {
        return exactSum != null ? exactSum : new BigDecimal(mean()).multiply(BigDecimal.valueOf(count));
    }

    /** Σv² exactly: as merged, or from this partition's M2 and mean (M2 + n · mean²). */
    private BigDecimal sumSquares() {
        if (exactSumSquares != null) {
            return exactSumSquares;
        }
        BigDecimal mean = new BigDecimal(mean());
        return new BigDecimal(m2()).add(mean.multiply(mean).multiply(BigDecimal.valueOf(count)));
    }

    public NumericSummary summary() {
        boolean any = count > 0;
        return new NumericSummary(count, nulls, nans, infinite, any ? mean() : null, any ? Math.sqrt(m2() / count) : null,
            count > 1 ? Math.sqrt(m2() / (count - 1)) : null, any ? min : null, any ? max : null);
    }

    /** The distinct values in increasing order with their counts, or null above the limit. */
    public ValueCounts valueCounts() {
        if (values == null) {
            return null;
        }
        Integer[] order = new Integer[distinct];
        for (int i = 0; i < distinct; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] v = new double[distinct];
        long[] c = new long[distinct];
        for (int i = 0; i < distinct; i++) {
            v[i] = values[order[i]];
            c[i] = counts[order[i]];
        }
        return new ValueCounts(v, c);
    }
}
