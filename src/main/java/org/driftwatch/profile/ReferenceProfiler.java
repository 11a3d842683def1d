package org.driftwatch.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.driftwatch.data.NoRowsException;
import org.driftwatch.data.SchemaColumns;
import org.driftwatch.profile.analyzer.Analyzer;
import org.driftwatch.profile.analyzer.AnalyzerFold;
import org.driftwatch.profile.quality.QualityFold;
import org.driftwatch.profile.quality.QualityPlan;
import org.driftwatch.profile.model.ProfileRequest;
import org.driftwatch.profile.model.ReferenceProfile;
import org.driftwatch.profile.model.SelfCheck;
import org.driftwatch.profile.scan.OutcomeFold;
import org.driftwatch.profile.scan.PartitionFold;
import org.driftwatch.profile.scan.ReferenceScan;
import org.driftwatch.profile.scan.ScanProjection;
import org.driftwatch.profile.scan.SecondPass;
import org.driftwatch.profile.sketch.CellHistogram;
import org.driftwatch.profile.sketch.CellLayout;
import org.driftwatch.profile.sketch.CellRefinement;
import org.driftwatch.profile.sketch.HalfSplit;
import org.driftwatch.profile.sketch.InsideValues;
import org.driftwatch.profile.sketch.RowHashFilter;

/**
 * Builds a {@link ReferenceProfile} from the raw reference in named phases, each one Spark scan:
 * <ol>
 * <li>{@link #passOne} — always: every column folded at once ({@link ReferenceScan});</li>
 * <li>{@link #passTwo} — when there are numeric columns with values: splits heavy cells and collects the
 *     values around every wanted percentile rank ({@link SecondPass}); on a full run that looks for
 *     copied rows also (and then always) the filter of the reference's row hashes;</li>
 * <li>{@link #refine} — only for columns whose cells are still heavy after pass 2 (values crowded far from
 *     zero): at most {@link #REFINE_ROUNDS} − 1 more scans over the numeric columns;</li>
 * <li>{@link #collectInside} — only when a percentile's final cell was not covered by pass 2's windows (a
 *     cell heavier than refinement could split): one more scan.</li>
 * </ol>
 * So one scan without numeric columns, two in the common case, at most four. The result is exact PSI
 * edges and bin counts, exact category counts, and each numeric distribution kept to cells holding at
 * most {@link ReferenceCells#INSIDE_SHARE} of the values strictly inside.
 */
public final class ReferenceProfiler {
    /** Largest share of a column strictly inside one cell: the KS bound the profile aims for. */
    public static final double INSIDE_SHARE = ReferenceCells.INSIDE_SHARE;
    /** Splitting rounds at most (pass 2 is the first); only clustered columns need another. */
    static final int REFINE_ROUNDS = 2;

    private ReferenceProfiler() {
    }

    public static ReferenceProfile build(Dataset<Row> reference, ProfileRequest request) {
        return build(reference, request, null).profile();
    }

    /** The profile, and the reference's row hashes when {@code rowHash} was given (else null). */
    public record Built(ReferenceProfile profile, RowHashFilter rowHashes, QualityFold quality,
                        List<org.driftwatch.profile.model.ModelOutcomes> segmentOutcomes) {
    }

    /**
     * The profile; with {@code rowHash} (the expression rows are compared by) pass 2 also puts every
     * reference row's hash in a {@link RowHashFilter}, running even when the numeric columns need nothing.
     */
    public static Built build(Dataset<Row> reference, ProfileRequest request, Column rowHash) {
        return build(reference, request, rowHash, QualityPlan.NONE);
    }

    /** With the data-quality constraints of {@code quality} folded in pass 1 ({@link Built#quality}). */
    public static Built build(Dataset<Row> reference, ProfileRequest request, Column rowHash, QualityPlan quality) {
        List<String> numeric = request.numerical();
        List<String> categorical = SchemaColumns.present(reference, request.categorical());
        List<String> others = request.id() != null && SchemaColumns.has(reference, request.id())
            && !categorical.contains(request.id()) ? List.of(request.id()) : List.of();
        boolean integerId = !others.isEmpty() && SchemaColumns.isInteger(reference, others.get(0));
        Dataset<Row> projection = ScanProjection.of(reference, numeric, categorical, others, integerId, request.model(),
            request.segmentModels(), null, quality.columns());
        int qualityFirst = ScanProjection.width(numeric.size(), categorical.size(), others.size(), request.model(),
            request.segmentModels().size(), false);
        int[] whole = {ScanProjection.leadingWhole(reference, numeric), ScanProjection.leadingWhole(reference, categorical)};
        ReferenceScan scan = passOne(projection, numeric, categorical.size(), others.size(), integerId, request, quality, qualityFirst, whole);
        Map<String, SelfCheck> selfChecks = selfChecks(scan, numeric, categorical, request.psiBins());
        // the numeric fields alone, projected afresh so that segment columns keep their keys (ScanProjection)
        Dataset<Row> numericOnly = ScanProjection.of(reference, numeric, List.of(), List.of(), false);
        Dataset<Row> hashed = rowHash == null ? null
            : ScanProjection.of(reference, numeric, List.of(), List.of(), false, null, rowHash);
        double[] fractions = ReferenceCells.fractions(request.psiBins());
        Numeric cells = passTwo(numericOnly, hashed, scan, fractions);
        refine(numericOnly, cells);
        CellLayout[] layouts = new CellLayout[numeric.size()];
        List<Map<Integer, double[]>> inside = insideValues(numericOnly, scan, cells, fractions, layouts);
        Map<String, ReferenceProfile.NumericReference> numericOut = new HashMap<>();
        for (int i = 0; i < numeric.size(); i++) {
            numericOut.put(numeric.get(i), ReferenceCells.numericReference(scan.summaries[i], layouts[i], inside.get(i),
                fractions, request.psiBins()));
        }
        return new Built(categoricalAndIds(scan, numericOut, categorical, others, selfChecks), cells.rowHashes(), scan.quality,
            scan.others.segmentOutcomes());
    }

    /** Every column half against half of the reference, from pass 1's cells and category counts ({@link HalfSplit}). */
    private static Map<String, SelfCheck> selfChecks(ReferenceScan scan, List<String> numeric, List<String> categorical, int bins) {
        Map<String, SelfCheck> out = new HashMap<>();
        for (int i = 0; i < numeric.size(); i++) {
            SelfCheck s = HalfSplit.numeric(scan.cells[i], bins, scan.summaries[i].summary().stdPop());
            if (s != null) {
                out.put(numeric.get(i), s);
            }
        }
        for (int j = 0; j < categorical.size(); j++) {
            if (scan.others.categories[j].overflow()) {
                continue;
            }
            long[] all = scan.others.categories[j].sorted().values().stream().mapToLong(Long::longValue).toArray();
            long[] second = scan.others.categories[j].sortedSecondHalf().values().stream().mapToLong(Long::longValue).toArray();
            SelfCheck s = HalfSplit.categorical(all, second);
            if (s != null) {
                out.put(categorical.get(j), s);
            }
        }
        return out;
    }

    /** The fine cells of every numeric column, their targets, and the values collected near the wanted ranks. */
    private record Numeric(CellHistogram.Cells[] cells, long[] targets, double[][] near, RowHashFilter rowHashes) {
    }

    private static ReferenceScan passOne(Dataset<Row> projection, List<String> numeric, int nc, int no, boolean integerId,
                                         ProfileRequest request, QualityPlan quality, int qualityFirst, int[] whole) {
        int nn = numeric.size();
        int limit = request.valueTableLimit();
        OutcomeFold.Spec model = ScanProjection.outcomeSpec(request.model(), request.segmentModels().size());
        org.apache.spark.broadcast.Broadcast<QualityPlan> shared = quality.shared(projection);
        PartitionFold.BatchStep<ReferenceScan> batches = ReferenceScan::add;
        List<Analyzer<?>> analyzers = request.analyzers();
        ReferenceScan scan = PartitionFold.fold(projection,
            () -> new ReferenceScan(nn, nc, no, integerId, limit, model, new AnalyzerFold(analyzers, numeric),
                new QualityFold(shared.value(), qualityFirst), whole[0], whole[1]),
            ReferenceScan::add, batches, ReferenceScan::merge);
        if (scan.rows == 0) {
            throw new NoRowsException("reference");
        }
        return scan;
    }

    private static Numeric passTwo(Dataset<Row> numericOnly, Dataset<Row> hashed, ReferenceScan scan, double[] fractions) {
        int nn = scan.summaries.length;
        CellHistogram.Cells[] cells = new CellHistogram.Cells[nn];
        long[] targets = new long[nn];
        for (int i = 0; i < nn; i++) {
            cells[i] = scan.cells[i].sorted();
            targets[i] = (long) Math.floor(INSIDE_SHARE * scan.summaries[i].count());
        }
        CellRefinement.Heavy heavy = ReferenceCells.heavy(cells, targets);
        InsideValues.Wanted windows = ReferenceCells.windows(cells, scan.summaries, targets, fractions);
        double[][] near = new double[nn][];
        RowHashFilter rowHashes = null;
        if (heavy.any() || windows.any() || hashed != null) {
            SecondPass second = hashed == null ? fold(numericOnly, heavy, windows, -1) : fold(hashed, heavy, windows, scan.rows);
            for (int i = 0; i < nn; i++) {
                cells[i] = second.refinement.refine(i, cells[i], heavy.min()[i]);
                near[i] = second.values.sortedAll(i);
            }
            rowHashes = second.rowHashes;
        }
        return new Numeric(cells, targets, near, rowHashes);
    }

    private static void refine(Dataset<Row> numericOnly, Numeric n) {
        for (int round = 1; round < REFINE_ROUNDS; round++) {
            CellRefinement.Heavy still = ReferenceCells.heavy(n.cells(), n.targets());
            if (!still.any()) {
                return;
            }
            SecondPass refined = fold(numericOnly, still, InsideValues.Wanted.none(n.cells().length), -1);
            for (int i = 0; i < n.cells().length; i++) {
                n.cells()[i] = refined.refinement.refine(i, n.cells()[i], still.min()[i]);
            }
        }
    }

    /**
     * Merges each column's cells into its layout, and finds the values strictly inside the cells that
     * hold a wanted rank: from pass 2's windows, else from one more scan.
     */
    private static List<Map<Integer, double[]>> insideValues(Dataset<Row> numericOnly, ReferenceScan scan, Numeric n,
                                                            double[] fractions, CellLayout[] layouts) {
        List<Map<Integer, double[]>> inside = new ArrayList<>();
        List<List<Integer>> missing = new ArrayList<>();
        for (int i = 0; i < layouts.length; i++) {
            long count = scan.summaries[i].count();
            layouts[i] = CellLayout.merge(n.cells()[i], n.targets()[i]);
            Map<Integer, double[]> found = new HashMap<>();
            List<Integer> lacking = new ArrayList<>();
            for (int cell : count == 0 ? List.<Integer>of() : ReferenceCells.wanted(layouts[i], count, fractions)) {
                double[] v = ReferenceCells.between(n.near()[i], layouts[i].min()[cell], layouts[i].max()[cell]);
                if (v != null && v.length == layouts[i].insideCount(cell)) {
                    found.put(cell, v);
                } else {
                    lacking.add(cell);
                }
            }
            inside.add(found);
            missing.add(lacking);
        }
        if (missing.stream().anyMatch(m -> !m.isEmpty())) {
            InsideValues more = collectInside(numericOnly, layouts, missing);
            for (int i = 0; i < layouts.length; i++) {
                for (int w = 0; w < missing.get(i).size(); w++) {
                    inside.get(i).put(missing.get(i).get(w), more.sorted(i, w));
                }
            }
        }
        return inside;
    }

    private static InsideValues collectInside(Dataset<Row> numericOnly, CellLayout[] layouts, List<List<Integer>> wantedCells) {
        int n = layouts.length;
        double[][] mins = new double[n][];
        double[][] maxs = new double[n][];
        for (int i = 0; i < n; i++) {
            List<Integer> cells = wantedCells.get(i);
            mins[i] = new double[cells.size()];
            maxs[i] = new double[cells.size()];
            for (int w = 0; w < cells.size(); w++) {
                mins[i][w] = layouts[i].min()[cells.get(w)];
                maxs[i][w] = layouts[i].max()[cells.get(w)];
            }
        }
        return fold(numericOnly, CellRefinement.Heavy.none(n), new InsideValues.Wanted(mins, maxs), -1).values;
    }

    private static SecondPass fold(Dataset<Row> numericOnly, CellRefinement.Heavy heavy, InsideValues.Wanted windows, long hashedRows) {
        return PartitionFold.fold(numericOnly, () -> new SecondPass(heavy, windows, hashedRows),
            (acc, row) -> acc.add(row, heavy, windows), (acc, batch) -> acc.add(batch, heavy, windows), SecondPass::merge);
    }

    private static ReferenceProfile categoricalAndIds(ReferenceScan scan, Map<String, ReferenceProfile.NumericReference> numeric,
                                                      List<String> categorical, List<String> others, Map<String, SelfCheck> selfChecks) {
        Map<String, Map<String, Long>> categoricalOut = new HashMap<>();
        Map<String, Long> nonNull = new HashMap<>();
        List<String> manyValued = new ArrayList<>();
        for (int j = 0; j < categorical.size(); j++) {
            if (scan.others.categories[j].overflow()) {
                manyValued.add(categorical.get(j));   // counted in Spark on raw data, refused in a saved profile
                continue;
            }
            Map<String, Long> counts = scan.others.categories[j].sorted();
            categoricalOut.put(categorical.get(j), counts);
            nonNull.put(categorical.get(j), counts.values().stream().mapToLong(Long::longValue).sum());
        }
        for (int k = 0; k < others.size(); k++) {
            nonNull.put(others.get(k), scan.others.nonNull[k]);
        }
        String ids = scan.others.usableIds() == null ? null : scan.others.usableIds().base64();
        return new ReferenceProfile(scan.rows, numeric, categoricalOut, nonNull, ids, manyValued,
            scan.others.outcomes == null ? null : scan.others.outcomes.outcomes(), selfChecks, scan.analyzed.metrics());
    }

    private static Column[] numericColumns(Dataset<Row> projection, int n) {
        Column[] out = new Column[n];
        for (int i = 0; i < n; i++) {
            out[i] = projection.col(projection.columns()[i]);
        }
        return out;
    }
}
