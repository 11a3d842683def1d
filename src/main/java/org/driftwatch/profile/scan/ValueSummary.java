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
    /**
     * The shifted sums are kept in units of {@code scale}, a power of two that stays 1 unless a value
     * exceeds 2^480: then the sums are rescaled (exactly), so values up to Double.MAX_VALUE neither
     * overflow Σd² nor change a single bit of the moments of ordinary data. A column whose values are all
     * below 2^-480 (subnormal measurements) starts with a scale as small as they are, so Σd² does not
     * underflow to a std of 0.
     */
    private double scale = 1.0;
    private double scaledShift;
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
    /** Open-addressing index of {@link #values} (position + 1, 0 empty), keyed by the value's bits. */
    private int[] index;

    ValueSummary(int limit) {
        this.limit = limit;
        this.values = new double[limit + 1];
        this.counts = new long[limit + 1];
        this.index = new int[Integer.highestOneBit(Math.max(1, limit) * 4)];
    }

    void addNull() {
        nulls++;
    }

    /** {@code n} nulls at once (a segment column's rows outside its segment). */
    void addNulls(long n) {
        nulls += n;
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
        if (Math.abs(v) > LARGE * scale) {
            rescale(v);
        } else if (Math.abs(v) < TINY * scale && v != 0 && allTiny()) {
            rescaleDown(v);
        }
        if (count++ == 0) {
            shift = v;
            scaledShift = v / scale;
        }
        double d = scale == 1.0 ? v - shift : v / scale - scaledShift;
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

    private static final double LARGE = 0x1p480;
    private static final double TINY = 0x1p-480;

    /** Whether every value so far (none, zeros, or tiny ones) is below 2^-480 times the scale. */
    private boolean allTiny() {
        return count == 0 || Math.max(Math.abs(min), Math.abs(max)) < TINY * scale;
    }

    /** A scale near a tiny value's own magnitude; the sums so far (zeros and tinier values) grow by a power of two, exactly. */
    private void rescaleDown(double v) {
        double next = Math.scalb(1.0, Math.max(Math.getExponent(v), Double.MIN_EXPONENT - 1));
        if (next < scale) {
            rescaleTo(next);
        }
    }

    /** A scale under which |v| is at most 2^480; the sums are multiplied by powers of two, which is exact. */
    private void rescale(double v) {
        rescaleTo(Math.scalb(1.0, Math.getExponent(v) - 479));
    }

    /** Expresses the sums in units of {@code next}: multiplied by a power of two, which is exact. */
    private void rescaleTo(double next) {
        double factor = scale / next;
        s1 *= factor;
        s2 *= factor;
        s2 *= factor;
        scaledShift = shift / next;
        scale = next;
    }

    /** Counts a finite value (−0.0 already made 0.0, so equal values have equal bits). */
    private void countValue(double v) {
        countValue(v, 1);
    }

    private void countValue(double v, long times) {
        int mask = index.length - 1;
        long bits = Double.doubleToRawLongBits(v);
        int s = (int) ((bits * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        while (index[s] != 0) {
            int i = index[s] - 1;
            if (values[i] == v) {
                counts[i] += times;
                return;
            }
            s = (s + 1) & mask;
        }
        if (distinct == limit) {
            values = null;
            counts = null;
            index = null;
            return;
        }
        values[distinct] = v;
        counts[distinct] = times;
        index[s] = ++distinct;
    }

    public ValueSummary merge(ValueSummary o) {
        if (o.count > 0 && count == 0) {
            shift = o.shift;
            scale = o.scale;
            scaledShift = o.scaledShift;
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
                countValue(o.values[i], o.counts[i]);
            }
        } else {
            values = null;
            counts = null;
            index = null;
        }
        return this;
    }

    public long count() {
        return count;
    }

    private double mean() {
        if (exactSum != null) {
            return exactSum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128).doubleValue();
        }
        return shift + (s1 / count) * scale;
    }

    /** Σ(v − mean)² exactly from Σv and Σv² after a merge. */
    private BigDecimal exactM2() {
        BigDecimal m2 = exactSumSquares.subtract(exactSum.multiply(exactSum).divide(BigDecimal.valueOf(count), MathContext.DECIMAL128));
        return m2.max(BigDecimal.ZERO);
    }

    /** Σ(v − mean)² / scale², from the shifted sums. */
    private double scaledM2() {
        return Math.max(0.0, s2 - s1 * s1 / count);
    }

    /** √(Σ(v − mean)² / n), without overflow for values near Double.MAX_VALUE. */
    private double std(long n) {
        if (exactSum != null) {
            BigDecimal m2 = exactM2();
            double d = m2.doubleValue();
            if (Double.isFinite(d) && (d >= Double.MIN_NORMAL || m2.signum() == 0)) {
                return Math.sqrt(d / n);
            }
            // beyond a double either way: too large to square, or (subnormal values) too small
            return m2.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).sqrt(MathContext.DECIMAL128).doubleValue();
        }
        return Math.sqrt(scaledM2() / n) * scale;
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
        BigDecimal scaleSquared = new BigDecimal(scale).multiply(new BigDecimal(scale));
        return new BigDecimal(scaledM2()).multiply(scaleSquared).add(mean.multiply(mean).multiply(BigDecimal.valueOf(count)));
    }

    public NumericSummary summary() {
        boolean any = count > 0;
        return new NumericSummary(count, nulls, nans, infinite, any ? mean() : null, any ? std(count) : null,
            count > 1 ? std(count - 1) : null, any ? min : null, any ? max : null);
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
