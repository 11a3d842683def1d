package org.driftwatch.profile.scan;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.sql.catalyst.InternalRow;
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
    public final long[][] bins;
    public final OtherFields others;
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
            this(layouts, Arrays.stream(layouts).map(SlotFinder::new).toArray(SlotFinder[]::new),
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
        hashField = numeric + categorical + others + (model == null ? 0 : model.fields());
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
    }

    /** Adds a column batch in the same layout (no model outcomes). */
    public void add(ScanBatch columns, Against against) {
        this.against = against;
        flush();
        rows += columns.size();
        batch = (batch == null ? new NumericBatch(summaries.length) : batch).holding(columns.size());
        batch.fill(columns);
        flush();
        others.add(columns, summaries.length, null);
        if (copies != null) {
            for (int r = 0; r < columns.size(); r++) {
                copies.probe(against.rowHashes(), columns.getLong(hashField, r));
            }
        }
    }

    /** Column by column over the buffered rows, so each column's counters stay in cache. */
    @Override
    public void flush() {
        if (batch == null) {
            return;
        }
        for (int i = 0; i < summaries.length; i++) {
            ValueSummary summary = summaries[i];
            SlotFinder finder = against.finders()[i];
            double[] anchors = against.anchors()[i];
            double[] edges = against.innerEdges()[i];
            long[] counts = slotCounts[i];
            double[] offsets = slotOffsets[i];
            long[] bin = bins[i];
            int[] slotBin = against.slotBins()[i];
            double[] values = batch.values[i];
            boolean[] missing = batch.missing[i];
            for (int r = 0; r < batch.size; r++) {
                if (missing[r]) {
                    summary.addNull();
                    continue;
                }
                double v = values[r];
                if (!summary.add(v)) {
                    continue;
                }
                v = v + 0.0;
                int s = finder.slot(v);
                counts[s]++;
                offsets[s] += CellLayout.isPoint(s) ? 0.0 : v - anchors[s];
                int b = slotBin[s];
                bin[b >= 0 ? b : PopulationStabilityIndex.binOf(edges, v)]++;
            }
        }
        batch.size = 0;
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
