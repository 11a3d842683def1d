package org.driftwatch.profile.sketch;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One side's values inside the regions of a {@link CrossingPlan}: per part its count, the sum of its
 * values' offsets from the part's left boundary and its smallest and largest value; the values of
 * collecting regions themselves, as a plain array per column (8 bytes a value; sorted on the driver).
 */
public final class CrossingCounts implements Serializable {
    private static final long serialVersionUID = 1L;
    /** A part's fields in {@link #parts}: {@link #WIDTH} doubles from {@code WIDTH · part}. */
    static final int COUNT = 0;
    static final int OFFSET_SUM = 1;
    static final int SMALLEST = 2;
    static final int LARGEST = 3;
    static final int WIDTH = 4;
    /** Per column and part: count, offset sum, smallest, largest — side by side, one cache line per value. */
    final double[][] parts;
    final double[][] values;
    final int[] sizes;

    public CrossingCounts(CrossingPlan plan) {
        int n = plan.columns();
        this.parts = new double[n][];
        values = new double[n][];
        sizes = new int[n];
        for (int c = 0; c < n; c++) {
            double[] f = new double[WIDTH * plan.partCount(c)];
            for (int p = 0; p < f.length; p += WIDTH) {
                f[p + SMALLEST] = Double.POSITIVE_INFINITY;
                f[p + LARGEST] = Double.NEGATIVE_INFINITY;
            }
            this.parts[c] = f;
            values[c] = new double[plan.collect()[c] > 0 ? 16 : 0];
        }
    }

    /** Adds a finite value of column c. */
    public void add(int c, double v, CrossingPlan plan) {
        int k = plan.region(c, v);
        if (k < 0) {
            return;
        }
        int parts = plan.parts()[c][k];
        if (parts == 0) {
            append(c, v);
            return;
        }
        int p = plan.part(c, k, v);
        int at = WIDTH * (plan.firstPart()[c][k] + p);
        double[] f = this.parts[c];
        f[at + COUNT]++;
        f[at + OFFSET_SUM] += v - plan.boundary(c, k, p);
        f[at + SMALLEST] = Math.min(f[at + SMALLEST], v);
        f[at + LARGEST] = Math.max(f[at + LARGEST], v);
    }

    /**
     * Adds the finite values among the first n of column c (−0.0 as 0.0), skipping the missing ones: first
     * every value's region, then its part, then the counters — separate loops, so the CPU overlaps the
     * table reads of many values and each loop stays small.
     */
    public void addAll(int c, double[] v, boolean[] missing, int n, CrossingPlan plan, int[] at, double[] offset) {
        double[] f = this.parts[c];
        for (int r = 0; r < n; r++) {
            double x = v[r] + 0.0;
            at[r] = missing[r] || !Double.isFinite(x) ? -1 : plan.region(c, x);
        }
        parts(c, v, n, plan, at, offset);
        for (int r = 0; r < n; r++) {
            int a = at[r];
            if (a >= 0) {
                double x = v[r] + 0.0;
                f[a + COUNT]++;
                f[a + OFFSET_SUM] += offset[r];
                f[a + SMALLEST] = below(x, f[a + SMALLEST]);
                f[a + LARGEST] = x > f[a + LARGEST] ? x : f[a + LARGEST];
            } else if (a == -2) {
                append(c, v[r] + 0.0);
            }
        }
    }

    /**
     * Turns each value's region in {@code at} into where its part's counters start (−1: no region, −2:
     * collected) and its offset from the part's left boundary — as {@link CrossingPlan#part} and
     * {@link CrossingPlan#boundary}, with the region's lo, hi, step and inverse from one cache line and
     * comparisons instead of {@code Math.min} (equal here: no NaN, and a zero's sign changes no offset).
     */
    private static void parts(int c, double[] v, int n, CrossingPlan plan, int[] at, double[] offset) {
        double[] g = plan.geometry()[c];
        int[] split = plan.split()[c];
        for (int r = 0; r < n; r++) {
            int k = at[r];
            int m = k < 0 ? 0 : split[2 * k];
            if (m == 0) {
                at[r] = k < 0 ? -1 : -2;
                continue;
            }
            double x = v[r] + 0.0;
            int e = CrossingPlan.GEOMETRY_WIDTH * k;
            double l = g[e + CrossingPlan.LO];
            double h = g[e + CrossingPlan.HI];
            double w = g[e + CrossingPlan.STEP];
            int p = (int) ((x - l) * g[e + CrossingPlan.INVERSE_STEP]);
            p = p < 0 ? 0 : p >= m ? m - 1 : p;
            double left = p == 0 ? l : below(l + p * w, h);
            while (p > 0 && x < left) {
                p--;
                left = p == 0 ? l : below(l + p * w, h);
            }
            while (p < m - 1) {
                double next = below(l + (p + 1) * w, h);
                if (x < next) {
                    break;
                }
                p++;
                left = next;
            }
            at[r] = WIDTH * (split[2 * k + 1] + p);
            offset[r] = x - left;
        }
    }

    /** min(y, h) for values that are not NaN. */
    private static double below(double y, double h) {
        return y < h ? y : h;
    }

    private void append(int c, double v) {
        if (sizes[c] == values[c].length) {
            values[c] = Arrays.copyOf(values[c], Math.max(16, values[c].length * 2));
        }
        values[c][sizes[c]++] = v;
    }

    public CrossingCounts merge(CrossingCounts o) {
        for (int c = 0; c < parts.length; c++) {
            double[] f = parts[c];
            double[] g = o.parts[c];
            for (int p = 0; p < f.length; p += WIDTH) {
                f[p + COUNT] += g[p + COUNT];
                f[p + OFFSET_SUM] += g[p + OFFSET_SUM];
                f[p + SMALLEST] = Math.min(f[p + SMALLEST], g[p + SMALLEST]);
                f[p + LARGEST] = Math.max(f[p + LARGEST], g[p + LARGEST]);
            }
            for (int j = 0; j < o.sizes[c]; j++) {
                append(c, o.values[c][j]);
            }
        }
        return this;
    }

    public long count(int c, int part) {
        return (long) parts[c][WIDTH * part + COUNT];
    }

    public double offsetSum(int c, int part) {
        return parts[c][WIDTH * part + OFFSET_SUM];
    }

    public double min(int c, int part) {
        return parts[c][WIDTH * part + SMALLEST];
    }

    public double max(int c, int part) {
        return parts[c][WIDTH * part + LARGEST];
    }

    /** Column c's collected values, sorted. */
    public double[] sortedValues(int c) {
        double[] v = Arrays.copyOf(values[c], sizes[c]);
        Arrays.sort(v);
        return v;
    }

    /** The distinct values two sides collected in column c, in increasing order, with each side's count. */
    public static Pooled pooled(CrossingCounts reference, CrossingCounts current, int c) {
        double[] a = reference.sortedValues(c);
        double[] b = current.sortedValues(c);
        double[] v = new double[a.length + b.length];
        long[] r = new long[v.length];
        long[] k = new long[v.length];
        int i = 0;
        int j = 0;
        int n = -1;
        while (i < a.length || j < b.length) {
            double x = j >= b.length || i < a.length && a[i] <= b[j] ? a[i] : b[j];
            if (n < 0 || v[n] != x) {
                v[++n] = x;
            }
            while (i < a.length && a[i] == x) {
                r[n]++;
                i++;
            }
            while (j < b.length && b[j] == x) {
                k[n]++;
                j++;
            }
        }
        return new Pooled(Arrays.copyOf(v, n + 1), Arrays.copyOf(r, n + 1), Arrays.copyOf(k, n + 1));
    }

    /** Distinct values with the reference's and the current's counts. */
    public record Pooled(double[] values, long[] reference, long[] current) {
    }
}
