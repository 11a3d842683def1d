package org.driftwatch.profile.scan;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.sql.catalyst.InternalRow;
import org.driftwatch.profile.analyzer.AnalyzerFold;
import org.driftwatch.profile.quality.QualityFold;
import org.driftwatch.profile.quality.QualityPlan;
import org.driftwatch.profile.sketch.CellLayout;
import org.driftwatch.profile.sketch.RowHashFilter;
import org.driftwatch.profile.sketch.SlotFinder;
import org.driftwatch.stats.PopulationStabilityIndex;

/**
 * The one pass over the current data, against a reference profile: per numeric column its summary,
 * counts and offset sums in the reference's {@link CellLayout} slots and counts in the PSI bins on the
 * reference edges; the categorical columns and the id in {@link OtherFields}. Same row
 * layout as {@link ReferenceScan}.
 */
public final class CurrentScan implements Serializable, PartitionFold.Buffered {
    private static final long serialVersionUID = 1L;
    public long rows;
    public final ValueSummary[] summaries;
    public final long[][] slotCounts;
    public final double[][] slotOffsets;
    private transient NumericBatch batch;
    private transient Against against;
    /** Per column the PSI bin counts of the values in slots that a bin edge splits; see {@link #binCounts}. */
    private final long[][] bins;
    private transient double[] finite;
    private transient int[] slots;
    public final OtherFields others;
    /** The requested analyzers of the numeric columns, fed the same buffered values as the summaries. */
    public final AnalyzerFold analyzed;
    /** The data-quality constraints, folded from the fields after all others. */
    public final QualityFold quality;
    /** Current rows that may copy a reference row, when the reference's row hashes were given; else null. */
    public final RowHashCandidates copies;
    private final int hashField;

    /** What each numeric column is compared against; shipped with the job, not with the accumulators. */
    public record Against(CellLayout[] layouts, SlotFinder[] finders, double[][] anchors, double[][] innerEdges,
                          int[][] slotBins, RowHashFilter rowHashes) implements Serializable {
        public Against(CellLayout[] layouts, double[][] innerEdges) {
            this(layouts, innerEdges, null);
        }

        /** @param rowHashes the reference's row hashes to probe with the last field, or null */
        public Against(CellLayout[] layouts, double[][] innerEdges, RowHashFilter rowHashes) {
            this(layouts, Arrays.stream(layouts).map(l -> new SlotFinder(l, SlotFinder.GRID_BUDGET / Math.max(1, layouts.length)))
                    .toArray(SlotFinder[]::new),
                Arrays.stream(layouts).map(Against::anchors).toArray(double[][]::new), innerEdges,
                slotBins(layouts, innerEdges), rowHashes);
        }

        private static int[][] slotBins(CellLayout[] layouts, double[][] innerEdges) {
            int[][] bins = new int[layouts.length][];
            for (int i = 0; i < layouts.length; i++) {
                bins[i] = slotBins(layouts[i], innerEdges[i]);
            }
            return bins;
        }

        /**
         * Per slot its PSI bin, or −1 when a bin edge lies strictly inside it: the scan then bins the
         * value itself. Edges are reference values, so only a handful of slots are split and the scan
         * skips the binary search over the edges for nearly every value.
         */
        static int[] slotBins(CellLayout layout, double[] edges) {
            int[] bins = new int[layout.slots()];
            for (int s = 0; s < bins.length; s++) {
                double left = layout.slotLeft(s);
                double right = layout.slotRight(s);
                boolean split = false;
                for (double e : edges) {
                    split |= !CellLayout.isPoint(s) && e > left && e < right;
                }
                bins[s] = split ? -1 : PopulationStabilityIndex.binOf(edges, left);
            }
            return bins;
        }

        /** Per slot the value its offsets are measured from: the left end, or the right end of the first. */
        private static double[] anchors(CellLayout layout) {
            double[] a = new double[layout.slots()];
            for (int s = 0; s < a.length; s++) {
                a[s] = CellLayout.isPoint(s) ? 0.0 : s == 0 ? layout.slotRight(s) : layout.slotLeft(s);
            }
            return a;
        }
    }

    public CurrentScan(Against against, int categorical, int others, boolean integerId, int valueLimit) {
        this(against, categorical, others, integerId, valueLimit, null);
    }

    public CurrentScan(Against against, int categorical, int others, boolean integerId, int valueLimit, OutcomeFold.Spec model) {
        this(against, categorical, others, integerId, valueLimit, model, AnalyzerFold.none(against.layouts().length));
    }

    public CurrentScan(Against against, int categorical, int others, boolean integerId, int valueLimit, OutcomeFold.Spec model,
                       AnalyzerFold analyzed) {
        this(against, categorical, others, integerId, valueLimit, model, analyzed, new QualityFold(QualityPlan.NONE, 0));
    }

    public CurrentScan(Against against, int categorical, int others, boolean integerId, int valueLimit, OutcomeFold.Spec model,
                       AnalyzerFold analyzed, QualityFold quality) {
        this.analyzed = analyzed;
        this.quality = quality;
        int numeric = against.layouts().length;
        summaries = new ValueSummary[numeric];
        slotCounts = new long[numeric][];
        slotOffsets = new double[numeric][];
        bins = new long[numeric][];
        for (int i = 0; i < numeric; i++) {
            summaries[i] = new ValueSummary(valueLimit);
            slotCounts[i] = new long[against.layouts()[i].slots()];
            slotOffsets[i] = new double[against.layouts()[i].slots()];
            bins[i] = new long[against.innerEdges()[i].length + 1];
        }
        this.others = new OtherFields(categorical, others, integerId, model);
        copies = against.rowHashes() == null ? null : new RowHashCandidates();
        hashField = numeric + categorical + others + (model == null ? 0 : model.fields() * model.groups());
    }

    public void add(InternalRow row, Against against) {
        rows++;
        int n = summaries.length;
        if (batch == null) {
            batch = new NumericBatch(n);
            this.against = against;
        }
        if (batch.add(row)) {
            flush();
        }
        others.add(row, n);
        if (copies != null) {
            copies.probe(against.rowHashes(), row.getLong(hashField));
        }
        if (!quality.isEmpty()) {
            quality.add(row);
        }
    }

    /** Adds a column batch in the same layout. */
    public void add(ScanBatch columns, Against against) {
        this.against = against;
        if (batch == null || !batch.fits(columns.size())) {
            flush();
            batch = (batch == null ? new NumericBatch(summaries.length) : batch).holding(columns.size());
        }
        rows += columns.size();
        batch.append(columns);
        others.add(columns, summaries.length, null);
        if (copies != null) {
            for (int r = 0; r < columns.size(); r++) {
                copies.probe(against.rowHashes(), columns.getLong(hashField, r));
            }
        }
        if (!quality.isEmpty()) {
            quality.add(columns);
        }
    }

    /**
     * Column by column over the buffered rows, so each column's counters stay in cache; and in three
     * loops per column (moments, slots, counters), which lets the CPU overlap the slot lookups of many
     * values instead of waiting on each value's counter.
     */
    @Override
    public void flush() {
        if (batch == null) {
            return;
        }
        if (finite == null || finite.length < batch.size) {
            finite = new double[batch.second.length];
            slots = new int[finite.length];
        }
        for (int i = 0; i < summaries.length; i++) {
            int n;
            if (batch.sparse(i)) {
                n = finiteValues(summaries[i], batch.values[i], batch.present[i], batch.presentCount[i]);
            } else {
                n = finiteValues(summaries[i], batch.values[i], batch.missing[i]);
                analyzed.add(i, batch.values[i], batch.missing[i], batch.size);
            }
            SlotFinder finder = against.finders()[i];
            for (int r = 0; r < n; r++) {
                slots[r] = finder.slot(finite[r]);
            }
            count(i, n);
        }
        batch.clear();
    }

    /** Adds the column's buffered values to its summary and keeps the finite ones (−0.0 as 0.0) in order. */
    private int finiteValues(ValueSummary summary, double[] values, boolean[] missing) {
        int n = 0;
        for (int r = 0; r < batch.size; r++) {
            if (missing[r]) {
                summary.addNull();
            } else if (summary.add(values[r])) {
                finite[n++] = values[r] + 0.0;
            }
        }
        return n;
    }

    /** The same for a segment column: its values at its present rows, every other row null. */
    private int finiteValues(ValueSummary summary, double[] values, int[] rows, int count) {
        summary.addNulls(batch.size - count);
        int n = 0;
        for (int k = 0; k < count; k++) {
            double v = values[rows[k]];
            if (summary.add(v)) {
                finite[n++] = v + 0.0;
            }
        }
        return n;
    }

    /** Counts the first n finite values in their slots; PSI bins only for values in slots an edge splits. */
    private void count(int column, int n) {
        double[] anchors = against.anchors()[column];
        double[] edges = against.innerEdges()[column];
        int[] slotBin = against.slotBins()[column];
        long[] counts = slotCounts[column];
        double[] offsets = slotOffsets[column];
        long[] bin = bins[column];
        for (int r = 0; r < n; r++) {
            int s = slots[r];
            double v = finite[r];
            counts[s]++;
            offsets[s] += CellLayout.isPoint(s) ? 0.0 : v - anchors[s];
            if (slotBin[s] < 0) {
                bin[PopulationStabilityIndex.binOf(edges, v)]++;
            }
        }
    }

    /** The column's counts in the PSI bins: its values in whole slots by slot, the rest as binned. */
    public long[] binCounts(int column, Against against) {
        long[] out = bins[column].clone();
        int[] slotBin = against.slotBins()[column];
        long[] counts = slotCounts[column];
        for (int s = 0; s < counts.length; s++) {
            if (slotBin[s] >= 0) {
                out[slotBin[s]] += counts[s];
            }
        }
        return out;
    }

    public CurrentScan merge(CurrentScan o) {
        rows += o.rows;
        for (int i = 0; i < summaries.length; i++) {
            summaries[i].merge(o.summaries[i]);
            add(slotCounts[i], o.slotCounts[i]);
            for (int s = 0; s < slotOffsets[i].length; s++) {
                slotOffsets[i][s] += o.slotOffsets[i][s];
            }
            add(bins[i], o.bins[i]);
        }
        others.merge(o.others);
        analyzed.merge(o.analyzed);
        quality.merge(o.quality);
        if (copies != null) {
            copies.merge(o.copies);
        }
        return this;
    }

    private static void add(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }
}
