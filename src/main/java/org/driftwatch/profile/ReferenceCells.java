package org.driftwatch.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.driftwatch.profile.model.ReferenceProfile;
import org.driftwatch.profile.model.ValueCounts;
import org.driftwatch.profile.scan.ValueSummary;
import org.driftwatch.profile.sketch.CellHistogram;
import org.driftwatch.profile.sketch.CellLayout;
import org.driftwatch.profile.sketch.CellRefinement;
import org.driftwatch.profile.sketch.InsideValues;
import org.driftwatch.stats.Percentiles;

/**
 * The pure arithmetic between the reference's scans (no Spark): which fine cells are too heavy and
 * how to split them, which value windows hold the wanted percentile ranks, which final cells' inside
 * values a percentile needs, and the exact PSI edges, bin counts and median from those values.
 */
public final class ReferenceCells {
    /** Largest share of a column strictly inside one cell: the KS bound the profile aims for. */
    static final double INSIDE_SHARE = 0.0005;
    static final int MAX_HEAVY = 8192;
    /** Parts per column in one refinement scan, to keep its accumulators to a few MB. */
    static final int PARTS_BUDGET = 1 << 17;

    private ReferenceCells() {
    }

    /**
     * Cells with more than the target strictly inside, at most {@link #MAX_HEAVY} per column (the
     * heaviest), to be split by the next refinement scan.
     */
    static CellRefinement.Heavy heavy(CellHistogram.Cells[] cells, long[] targets) {
        int n = cells.length;
        double[][] mins = new double[n][];
        double[][] maxs = new double[n][];
        int[][] partsOf = new int[n][];
        for (int i = 0; i < n; i++) {
            CellHistogram.Cells c = cells[i];
            List<Integer> heavy = new ArrayList<>();
            for (int k = 0; k < c.min().length; k++) {
                if (inside(c, k) > targets[i] && c.min()[k] < c.max()[k]) {
                    heavy.add(k);
                }
            }
            final long budgetTarget = targets[i];
            heavy.sort((a, b) -> Long.compare(inside(c, b), inside(c, a)));
            int keep = 0;
            long parts = 0;
            while (keep < Math.min(heavy.size(), MAX_HEAVY)
                && parts + CellRefinement.Heavy.partsFor(inside(c, heavy.get(keep)), budgetTarget) <= PARTS_BUDGET) {
                parts += CellRefinement.Heavy.partsFor(inside(c, heavy.get(keep)), budgetTarget);
                keep++;
            }
            heavy = new ArrayList<>(heavy.subList(0, keep));
            heavy.sort(Integer::compare);
            mins[i] = heavy.stream().mapToDouble(k -> c.min()[k]).toArray();
            maxs[i] = heavy.stream().mapToDouble(k -> c.max()[k]).toArray();
            final long target = targets[i];
            partsOf[i] = heavy.stream().mapToInt(k -> CellRefinement.Heavy.partsFor(inside(c, k), target)).toArray();
        }
        return new CellRefinement.Heavy(mins, maxs, partsOf);
    }

    private static long inside(CellHistogram.Cells c, int k) {
        return c.min()[k] == c.max()[k] ? 0 : c.count()[k] - c.minCount()[k] - c.maxCount()[k];
    }

    /**
     * Per column, value intervals around every wanted rank k wide enough to hold the inside of whatever
     * final cell holds k: those have at most {@code target} values inside, so their ranks lie within
     * k ± (target + 1), whose values lie in the fine cells holding those ranks. Overlaps are merged.
     */
    static InsideValues.Wanted windows(CellHistogram.Cells[] cells, ValueSummary[] summaries, long[] targets,
                                               double[] fractions) {
        int nn = cells.length;
        double[][] lo = new double[nn][];
        double[][] hi = new double[nn][];
        for (int i = 0; i < nn; i++) {
            long n = summaries[i].count();
            java.util.TreeMap<Double, Double> merged = new java.util.TreeMap<>();
            if (n > 0) {
                for (double q : fractions) {
                    Percentiles.Position p = Percentiles.position(n, q);
                    double from = valueBound(cells[i], Math.max(0, p.lower() - targets[i] - 1), true);
                    double to = valueBound(cells[i], Math.min(n - 1, p.upper() + targets[i] + 1), false);
                    addInterval(merged, Math.nextDown(from), Math.nextUp(to));
                }
            }
            lo[i] = merged.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            hi[i] = merged.values().stream().mapToDouble(Double::doubleValue).toArray();
        }
        return new InsideValues.Wanted(lo, hi);
    }

    /** The min (or max) of the fine cell holding 0-based rank k. */
    private static double valueBound(CellHistogram.Cells c, long k, boolean min) {
        long before = 0;
        for (int j = 0; j < c.min().length; j++) {
            if (k < before + c.count()[j]) {
                return min ? c.min()[j] : c.max()[j];
            }
            before += c.count()[j];
        }
        return c.max()[c.max().length - 1];
    }

    private static void addInterval(java.util.TreeMap<Double, Double> intervals, double from, double to) {
        var before = intervals.floorEntry(to);
        while (before != null && before.getValue() >= from) {
            from = Math.min(from, before.getKey());
            to = Math.max(to, before.getValue());
            intervals.remove(before.getKey());
            before = intervals.floorEntry(to);
        }
        intervals.put(from, to);
    }

    /** The sorted values strictly between lo and hi, or null when there are none collected. */
    static double[] between(double[] sorted, double lo, double hi) {
        if (sorted == null) {
            return null;
        }
        int from = java.util.Arrays.binarySearch(sorted, Math.nextUp(lo));
        from = from >= 0 ? firstOf(sorted, from) : -from - 1;
        int to = java.util.Arrays.binarySearch(sorted, hi);
        to = to >= 0 ? firstOf(sorted, to) : -to - 1;
        return java.util.Arrays.copyOfRange(sorted, from, Math.max(from, to));
    }

    private static int firstOf(double[] sorted, int at) {
        while (at > 0 && sorted[at - 1] == sorted[at]) {
            at--;
        }
        return at;
    }

    /** Inner PSI fractions i/bins, then 0.5 for the median. */
    static double[] fractions(int bins) {
        double[] all = Percentiles.linspaceFractions(bins);
        double[] out = new double[bins];
        System.arraycopy(all, 1, out, 0, bins - 1);
        out[bins - 1] = 0.5;
        return out;
    }

    static List<Integer> wanted(CellLayout layout, long n, double[] fractions) {
        java.util.TreeSet<Integer> cells = new java.util.TreeSet<>();
        for (double q : fractions) {
            Percentiles.Position p = Percentiles.position(n, q);
            for (long k : new long[] {p.lower(), p.upper()}) {
                if (layout.rankInside(k)) {
                    cells.add(layout.cellOfRank(k));
                }
            }
        }
        return List.copyOf(cells);
    }

    static ReferenceProfile.NumericReference numericReference(ValueSummary summary, CellLayout layout,
                                                                      Map<Integer, double[]> inside, double[] fractions, int bins) {
        long n = summary.count();
        ValueCounts few = summary.valueCounts();
        if (n == 0) {
            return new ReferenceProfile.NumericReference(summary.summary(), null, null, null, layout,
                few, null);
        }
        double[] values = new double[fractions.length];
        for (int j = 0; j < fractions.length; j++) {
            Percentiles.Position p = Percentiles.position(n, fractions[j]);
            double lower = layout.valueAtRank(p.lower(), inside);
            double upper = p.upper() == p.lower() ? lower : layout.valueAtRank(p.upper(), inside);
            values[j] = Percentiles.lerp(lower, upper, p.gamma());
        }
        double[] edges = java.util.Arrays.copyOf(values, bins - 1);
        long[] counts = new long[bins];
        long previous = 0;
        for (int j = 0; j < bins - 1; j++) {
            long below = layout.countBelow(edges[j], inside);
            counts[j] = below - previous;
            previous = below;
        }
        counts[bins - 1] = n - previous;
        return new ReferenceProfile.NumericReference(summary.summary(), edges, counts, values[bins - 1], layout,
            few, null);
    }
}
