package org.driftwatch.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.driftwatch.data.DataException;
import org.driftwatch.stats.Percentiles;

/**
 * Builds a {@link ReferenceProfile} in at most two scans of the reference: pass 1 folds all columns at
 * once ({@link ReferenceScan}); pass 2 runs only when a wanted percentile falls strictly inside a cell,
 * and collects just those cells' values ({@link InsideValues}). Exact PSI edges and bin counts, exact
 * category counts, and each numeric distribution kept to cells holding at most {@link #INSIDE_SHARE}
 * of the values strictly inside.
 */
public final class ReferenceProfiler {
    /** Largest share of a column strictly inside one cell: the KS bound the profile aims for. */
    public static final double INSIDE_SHARE = 0.0005;
    /** Refinement scans at most (each splits a heavy cell up to 4096-fold); only clustered columns need any. */
    static final int REFINE_ROUNDS = 2;
    static final int MAX_HEAVY = 8192;
    /** Parts per column in one refinement scan, to keep its accumulators to a few MB. */
    static final int PARTS_BUDGET = 1 << 17;

    private ReferenceProfiler() {
    }

    public static ReferenceProfile build(Dataset<Row> reference, ProfileRequest request) {
        List<String> numeric = request.numerical();
        List<String> categorical = present(reference, request.categorical());
        List<String> others = request.id() != null && DatasetProfiler.hasColumn(reference, request.id())
            && !categorical.contains(request.id()) ? List.of(request.id()) : List.of();
        boolean integerId = !others.isEmpty() && isInteger(reference, others.get(0));
        Dataset<Row> projection = project(reference, numeric, categorical, others, integerId);
        int limit = request.valueTableLimit();
        int nc = categorical.size();
        int no = others.size();
        int nn = numeric.size();
        ReferenceScan scan = PartitionFold.fold(projection, () -> new ReferenceScan(nn, nc, no, integerId, limit),
            ReferenceScan::add, ReferenceScan::merge);
        if (scan.rows == 0) {
            throw new DataException("reference data has no rows");
        }
        double[] fractions = fractions(request.psiBins());
        CellHistogram.Cells[] cells = new CellHistogram.Cells[nn];
        long[] targets = new long[nn];
        for (int i = 0; i < nn; i++) {
            cells[i] = scan.cells[i].sorted();
            targets[i] = (long) Math.floor(INSIDE_SHARE * scan.summaries[i].count());
        }
        // pass 2: split heavy cells and collect the values near every wanted rank, in one scan
        Dataset<Row> numericOnly = projection.select(numericColumns(projection, nn));
        CellRefinement.Heavy heavy = heavy(cells, targets);
        InsideValues.Wanted windows = windows(cells, scan.summaries, targets, fractions);
        double[][] near = new double[nn][];
        if (heavy.any() || windows.any()) {
            SecondPass second = PartitionFold.fold(numericOnly, () -> new SecondPass(heavy, windows),
                (acc, row) -> acc.add(row, heavy, windows), SecondPass::merge);
            for (int i = 0; i < nn; i++) {
                cells[i] = second.refinement.refine(i, cells[i], heavy.min()[i]);
                near[i] = second.values.sortedAll(i);
            }
        }
        for (int round = 1; round < REFINE_ROUNDS; round++) {
            CellRefinement.Heavy still = heavy(cells, targets);
            if (!still.any()) {
                break;
            }
            CellRefinement refined = PartitionFold.fold(numericOnly, () -> new CellRefinement(still),
                (acc, row) -> acc.add(row, still), CellRefinement::merge);
            for (int i = 0; i < nn; i++) {
                cells[i] = refined.refine(i, cells[i], still.min()[i]);
            }
        }
        CellLayout[] layouts = new CellLayout[nn];
        List<Map<Integer, double[]>> inside = new ArrayList<>();
        List<List<Integer>> missing = new ArrayList<>();
        for (int i = 0; i < nn; i++) {
            long n = scan.summaries[i].count();
            layouts[i] = CellLayout.merge(cells[i], targets[i]);
            Map<Integer, double[]> found = new HashMap<>();
            List<Integer> lacking = new ArrayList<>();
            for (int cell : n == 0 ? List.<Integer>of() : wanted(layouts[i], n, fractions)) {
                double[] v = between(near[i], layouts[i].min()[cell], layouts[i].max()[cell]);
                if (v != null && v.length == layouts[i].insideCount(cell)) {
                    found.put(cell, v);
                } else {
                    lacking.add(cell);
                }
            }
            inside.add(found);
            missing.add(lacking);
        }
        // only when a percentile's cell was not covered by the windows (a cell heavier than refinement could split)
        if (missing.stream().anyMatch(m -> !m.isEmpty())) {
            InsideValues more = collectInside(projection, layouts, missing);
            for (int i = 0; i < nn; i++) {
                for (int w = 0; w < missing.get(i).size(); w++) {
                    inside.get(i).put(missing.get(i).get(w), more.sorted(i, w));
                }
            }
        }
        Map<String, ReferenceProfile.NumericReference> numericOut = new HashMap<>();
        for (int i = 0; i < nn; i++) {
            numericOut.put(numeric.get(i), numericReference(scan.summaries[i], layouts[i], inside.get(i), fractions, request.psiBins()));
        }
        Map<String, Map<String, Long>> categoricalOut = new HashMap<>();
        Map<String, Long> nonNull = new HashMap<>();
        for (int j = 0; j < nc; j++) {
            if (scan.others.categories[j].overflow()) {
                continue;   // too many values to keep: counted in Spark on raw data, refused in a saved profile
            }
            Map<String, Long> counts = scan.others.categories[j].sorted();
            categoricalOut.put(categorical.get(j), counts);
            nonNull.put(categorical.get(j), counts.values().stream().mapToLong(Long::longValue).sum());
        }
        for (int k = 0; k < no; k++) {
            nonNull.put(others.get(k), scan.others.nonNull[k]);
        }
        String ids = scan.others.usableIds() == null ? null : scan.others.usableIds().base64();
        List<String> manyValued = new ArrayList<>();
        for (int j = 0; j < nc; j++) {
            if (scan.others.categories[j].overflow()) {
                manyValued.add(categorical.get(j));
            }
        }
        return new ReferenceProfile(scan.rows, numericOut, categoricalOut, nonNull, ids, manyValued);
    }

    /**
     * Cells with more than the target strictly inside, at most {@link #MAX_HEAVY} per column (the
     * heaviest), to be split by the next refinement scan.
     */
    private static CellRefinement.Heavy heavy(CellHistogram.Cells[] cells, long[] targets) {
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
    private static InsideValues.Wanted windows(CellHistogram.Cells[] cells, ValueSummary[] summaries, long[] targets,
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
    private static double[] between(double[] sorted, double lo, double hi) {
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

    private static List<Integer> wanted(CellLayout layout, long n, double[] fractions) {
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

    private static InsideValues collectInside(Dataset<Row> projection, CellLayout[] layouts, List<List<Integer>> wantedCells) {
        int n = layouts.length;
        double[][] mins = new double[n][];
        double[][] maxs = new double[n][];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            List<Integer> cells = wantedCells.get(i);
            mins[i] = new double[cells.size()];
            maxs[i] = new double[cells.size()];
            for (int w = 0; w < cells.size(); w++) {
                mins[i][w] = layouts[i].min()[cells.get(w)];
                maxs[i][w] = layouts[i].max()[cells.get(w)];
            }
            any |= !cells.isEmpty();
        }
        InsideValues.Wanted wanted = new InsideValues.Wanted(mins, maxs);
        if (!any) {
            return new InsideValues(wanted);
        }
        return PartitionFold.fold(projection.select(numericColumns(projection, n)),
            () -> new InsideValues(wanted), (acc, row) -> acc.add(row, wanted), InsideValues::merge);
    }

    private static Column[] numericColumns(Dataset<Row> projection, int n) {
        Column[] out = new Column[n];
        for (int i = 0; i < n; i++) {
            out[i] = projection.col(projection.columns()[i]);
        }
        return out;
    }

    private static ReferenceProfile.NumericReference numericReference(ValueSummary summary, CellLayout layout,
                                                                      Map<Integer, double[]> inside, double[] fractions, int bins) {
        long n = summary.count();
        ValueSummary.ValueCounts few = summary.valueCounts();
        if (n == 0) {
            return new ReferenceProfile.NumericReference(summary.summary(), null, null, null, layout,
                few == null ? null : few.values(), few == null ? null : few.counts());
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
            few == null ? null : few.values(), few == null ? null : few.counts());
    }

    /**
     * The scans' row layout: numeric columns as double, categorical as string, then the id — as long
     * when it is an integer (for the id bitmap), else as "is not null".
     */
    static Dataset<Row> project(Dataset<Row> data, List<String> numeric, List<String> categorical, List<String> others,
                                boolean integerId) {
        List<Column> cols = new ArrayList<>();
        int i = 0;
        for (String n : numeric) {
            cols.add(Columns.named(n).cast("double").as("n" + i++));
        }
        for (String c : categorical) {
            cols.add(Columns.named(c).cast("string").as("n" + i++));
        }
        for (String o : others) {
            cols.add((integerId ? Columns.named(o).cast("long") : Columns.named(o).isNotNull()).as("n" + i++));
        }
        return data.select(cols.toArray(Column[]::new));
    }

    static boolean isInteger(Dataset<Row> data, String name) {
        for (org.apache.spark.sql.types.StructField f : data.schema().fields()) {
            if (f.name().equals(name)) {
                org.apache.spark.sql.types.DataType t = f.dataType();
                return t instanceof org.apache.spark.sql.types.LongType || t instanceof org.apache.spark.sql.types.IntegerType
                    || t instanceof org.apache.spark.sql.types.ShortType || t instanceof org.apache.spark.sql.types.ByteType;
            }
        }
        return false;
    }

    static List<String> present(Dataset<Row> data, List<String> columns) {
        return columns.stream().filter(c -> DatasetProfiler.hasColumn(data, c)).toList();
    }
}
