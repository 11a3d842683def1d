package org.driftwatch.profile.scan;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.sql.catalyst.InternalRow;
import org.driftwatch.profile.sketch.CrossingCounts;
import org.driftwatch.profile.sketch.CrossingPlan;

/**
 * One partition's finite values (−0.0 as 0.0) that lie inside the regions of a {@link CrossingPlan},
 * per column in the order the scan met them: what later finishing rounds read instead of the files.
 * Counting them gives the same counts, in the same order, as counting the partition's rows.
 */
public final class KeptValues implements Serializable, PartitionFold.Buffered {
    private static final long serialVersionUID = 1L;
    private final double[][] values;
    private final int[] sizes;
    private transient double[] buffer;
    private transient boolean[] missing;

    public KeptValues(int columns) {
        values = new double[columns][16];
        sizes = new int[columns];
    }

    public void add(InternalRow row, CrossingPlan keep) {
        for (int c = 0; c < values.length; c++) {
            if (keep.looksInto(c) && !row.isNullAt(c)) {
                keep(c, row.getDouble(c) + 0.0, keep);
            }
        }
    }

    public void add(ScanBatch batch, CrossingPlan keep) {
        if (buffer == null || buffer.length < batch.size()) {
            buffer = new double[Math.max(NumericBatch.ROWS, batch.size())];
            missing = new boolean[buffer.length];
        }
        for (int c = 0; c < values.length; c++) {
            if (!keep.looksInto(c)) {
                continue;
            }
            int n = batch.compact(c, buffer, missing);
            for (int r = 0; r < n; r++) {
                if (!missing[r]) {
                    keep(c, buffer[r] + 0.0, keep);
                }
            }
        }
    }

    private void keep(int c, double v, CrossingPlan keep) {
        if (Double.isFinite(v) && keep.region(c, v) >= 0) {
            if (sizes[c] == values[c].length) {
                values[c] = Arrays.copyOf(values[c], Math.max(16, values[c].length * 2));
            }
            values[c][sizes[c]++] = v;
        }
    }

    /** Trims the arrays: the executors hold these between rounds. */
    @Override
    public void flush() {
        for (int c = 0; c < values.length; c++) {
            values[c] = Arrays.copyOf(values[c], sizes[c]);
        }
    }

    /** The values of these inside {@code keep}'s regions; @param from per column of keep, its column here */
    public KeptValues narrow(CrossingPlan keep, int[] from) {
        KeptValues out = new KeptValues(from.length);
        for (int c = 0; c < from.length; c++) {
            for (int i = 0; keep.looksInto(c) && i < sizes[from[c]]; i++) {
                out.keep(c, values[from[c]][i], keep);
            }
        }
        out.flush();
        return out;
    }

    /** Counts these values in {@code plan}'s regions; @param from per column of plan, its column here */
    public CrossingScan count(CrossingPlan plan, int[] from) {
        CrossingScan scan = new CrossingScan(plan);
        int chunk = NumericBatch.ROWS;
        double[] v = new double[chunk];
        boolean[] none = new boolean[chunk];
        int[] at = new int[chunk];
        double[] offset = new double[chunk];
        for (int c = 0; c < from.length; c++) {
            if (!plan.looksInto(c)) {
                continue;
            }
            double[] all = values[from[c]];
            for (int start = 0; start < sizes[from[c]]; start += chunk) {
                int n = Math.min(chunk, sizes[from[c]] - start);
                System.arraycopy(all, start, v, 0, n);
                scan.counts.addAll(c, v, none, n, plan, at, offset);
            }
        }
        return scan;
    }

    public long size() {
        long n = 0;
        for (int s : sizes) {
            n += s;
        }
        return n;
    }
}
