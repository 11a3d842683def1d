package org.driftwatch.profile.sketch;

import java.io.Serializable;
import org.apache.spark.util.sketch.BloomFilter;

/**
 * The reference's 64-bit row hashes as a Bloom filter (Spark's sketch library), built in a reference
 * scan and probed in the current scan: a current row whose hash it does not contain is certainly not a
 * copy, so the common case (no copied rows) needs no shuffle of row hashes; the few candidates it lets
 * through are confirmed exactly against the reference's hashes.
 */
public final class RowHashFilter implements Serializable {
    private static final long serialVersionUID = 1L;
    /** False-candidate rate per current row: about 1 % of the filter's ~10 bits per reference row. */
    static final double FALSE_CANDIDATES = 0.01;
    private final BloomFilter filter;

    private RowHashFilter(BloomFilter filter) {
        this.filter = filter;
    }

    /** An empty filter sized for {@code rows} reference rows. */
    public static RowHashFilter forRows(long rows) {
        return new RowHashFilter(BloomFilter.create(Math.max(rows, 1), FALSE_CANDIDATES));
    }

    public void add(long hash) {
        filter.putLong(hash);
    }

    public boolean mightContain(long hash) {
        return filter.mightContainLong(hash);
    }

    public RowHashFilter merge(RowHashFilter o) {
        try {
            filter.mergeInPlace(o.filter);
        } catch (org.apache.spark.util.sketch.IncompatibleMergeException e) {
            throw new IllegalStateException("row-hash filters of different sizes", e);   // all are sized for the same rows
        }
        return this;
    }

    /** The filter's size in bytes, as it travels to the driver and to the current scan. */
    public long bytes() {
        return filter.bitSize() / 8;
    }
}
