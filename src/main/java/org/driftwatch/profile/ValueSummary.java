package org.driftwatch.profile;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One numeric column on one side, accumulated value by value and mergeable: null/NaN/∞ counts,
 * moments (Welford, merged with Chan's formula), min, max, and the exact value counts while the column
 * has at most {@code limit} distinct values.
 */
final class ValueSummary implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int limit;
    private long count;
    private long nulls;
    private long nans;
    private long infinite;
    private double mean;
    private double m2;
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
        count++;
        double delta = v - mean;
        mean += delta / count;
        m2 += delta * (v - mean);
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

    ValueSummary merge(ValueSummary o) {
        if (o.count > 0) {
            long n = count + o.count;
            double delta = o.mean - mean;
            mean += delta * o.count / n;
            m2 += o.m2 + delta * delta * ((double) count * o.count / n);
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

    long count() {
        return count;
    }

    NumericSummary summary() {
        boolean any = count > 0;
        return new NumericSummary(count, nulls, nans, infinite, any ? mean : null, any ? Math.sqrt(m2 / count) : null,
            count > 1 ? Math.sqrt(m2 / (count - 1)) : null, any ? min : null, any ? max : null);
    }

    /** The distinct values in increasing order with their counts, or null above the limit. */
    ValueCounts valueCounts() {
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

    /** Distinct values of a column with few of them, increasing, and how often each occurs. */
    record ValueCounts(double[] values, long[] counts) implements Serializable {
    }
}
