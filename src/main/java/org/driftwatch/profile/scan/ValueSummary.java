package org.driftwatch.profile.scan;

import java.io.Serializable;
import java.util.Arrays;
import org.driftwatch.profile.model.NumericSummary;
import org.driftwatch.profile.model.ValueCounts;

/**
 * One numeric column on one side, accumulated value by value and mergeable: null/NaN/∞ counts,
 * moments, min, max, and the exact value counts while the column has at most {@code limit} distinct
 * values. Moments are sums of deviations from the first value seen (no division per value; the shift
 * keeps them accurate far from zero) and merge with Chan's formula.
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
            count = o.count;
            min = o.min;
            max = o.max;
        } else if (o.count > 0) {
            long n = count + o.count;
            double meanA = mean();
            double meanB = o.mean();
            double delta = meanB - meanA;
            double m2 = m2() + o.m2() + delta * delta * ((double) count * o.count / n);
            shift = meanA + delta * o.count / n;
            s1 = 0;
            s2 = m2;
            count = n;
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
        return shift + s1 / count;
    }

    /** Σ(v − mean)², from the shifted sums. */
    private double m2() {
        return Math.max(0.0, s2 - s1 * s1 / count);
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
