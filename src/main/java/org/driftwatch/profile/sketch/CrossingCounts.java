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
            double[] f = new double[4 * plan.partCount(c)];
            for (int p = 0; p < f.length; p += 4) {
                f[p + 2] = Double.POSITIVE_INFINITY;
                f[p + 3] = Double.NEGATIVE_INFINITY;
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
        int at = 4 * (plan.firstPart()[c][k] + p);
        double[] f = this.parts[c];
        f[at]++;
        f[at + 1] += v - plan.boundary(c, k, p);
        f[at + 2] = Math.min(f[at + 2], v);
        f[at + 3] = Math.max(f[at + 3], v);
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
                f[a]++;
                f[a + 1] += offset[r];
                f[a + 2] = below(x, f[a + 2]);
                f[a + 3] = x > f[a + 3] ? x : f[a + 3];
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
            double l = g[4 * k];
            double h = g[4 * k + 1];
            double w = g[4 * k + 2];
            int p = (int) ((x - l) * g[4 * k + 3]);
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
            at[r] = 4 * (split[2 * k + 1] + p);
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
            for (int p = 0; p < f.length; p += 4) {
                f[p] += g[p];
                f[p + 1] += g[p + 1];
                f[p + 2] = Math.min(f[p + 2], g[p + 2]);
                f[p + 3] = Math.max(f[p + 3], g[p + 3]);
            }
            for (int j = 0; j < o.sizes[c]; j++) {
                append(c, o.values[c][j]);
            }
        }
        return this;
    }

    public long count(int c, int part) {
        return (long) parts[c][4 * part];
    }

    public double offsetSum(int c, int part) {
        return parts[c][4 * part + 1];
    }

    public double min(int c, int part) {
        return parts[c][4 * part + 2];
    }

    public double max(int c, int part) {
        return parts[c][4 * part + 3];
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
