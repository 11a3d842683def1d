package org.driftwatch.profile.sketch;

import java.io.Serializable;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * The values of an integer column seen once and seen again, as two compressed bitmaps (Roaring, as
 * {@link IdSet}): exact, and small for ids that come in runs. Partitions merge as
 * {@code twice = twice₁ ∪ twice₂ ∪ (seen₁ ∩ seen₂)}, so the repeated values are known exactly after the
 * scan — how many ({@link #repeated}) and which ({@link #mayRepeat}) — and the rows on a repeated value
 * are {@code non-null rows − (distinct − repeated)}. Ids that compress badly make it give up past
 * {@link #MAX_BYTES} ({@link #usable}).
 */
public final class RepeatedIds implements Serializable, RepeatCandidates {
    private static final long serialVersionUID = 1L;
    static final long MAX_BYTES = 64L << 20;
    private Roaring64NavigableMap seen = new Roaring64NavigableMap();
    private Roaring64NavigableMap twice = new Roaring64NavigableMap();
    private long added;
    /** The run of consecutive values being added (ids mostly come in order), when {@code pending}. */
    private long runStart;
    private long runEnd;
    private boolean pending;

    public void add(long v) {
        if (seen == null) {
            return;
        }
        if (pending && v == runEnd + 1 && runEnd != Long.MAX_VALUE) {
            runEnd = v;   // the next id of a run: one comparison; the bitmaps take the run at once
            return;
        }
        flush();
        runStart = v;
        runEnd = v;
        pending = true;
        if ((++added & 0xFF) == 0 && seen.getLongSizeInBytes() > MAX_BYTES) {
            seen = null;
            twice = null;
        }
    }

    /** Puts the pending run into the bitmaps: as one range when it holds positive ids none of which was seen, else value by value. */
    private void flush() {
        if (!pending || seen == null) {
            pending = false;
            return;
        }
        pending = false;
        boolean fresh = runEnd > runStart && runStart > 0 && seen.rankLong(runEnd) == seen.rankLong(runStart - 1);
        if (fresh) {
            seen.addRange(runStart, runEnd + 1);
            return;
        }
        for (long x = runStart; ; x++) {
            if (!seen.contains(x)) {
                seen.addLong(x);
            } else {
                twice.addLong(x);
            }
            if (x == runEnd) {
                break;
            }
        }
    }

    public RepeatedIds merge(RepeatedIds o) {
        flush();
        o.flush();
        if (seen == null || o.seen == null) {
            seen = null;
            twice = null;
            return this;
        }
        Roaring64NavigableMap both = new Roaring64NavigableMap();
        both.or(seen);
        both.and(o.seen);
        twice.or(o.twice);
        twice.or(both);
        seen.or(o.seen);
        if (seen.getLongSizeInBytes() > MAX_BYTES) {
            seen = null;
            twice = null;
        }
        return this;
    }

    public boolean usable() {
        flush();
        return seen != null;
    }

    /** Distinct values. */
    public long distinct() {
        flush();
        return seen.getLongCardinality();
    }

    /** Distinct values on two or more rows. */
    public long repeated() {
        flush();
        return twice.getLongCardinality();
    }

    @Override
    public boolean mayRepeat(long v) {
        return twice.contains(v);
    }
}
