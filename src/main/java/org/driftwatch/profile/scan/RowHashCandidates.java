package org.driftwatch.profile.scan;

import java.io.Serializable;
import java.util.HashMap;
import org.driftwatch.profile.sketch.RowHashFilter;

/**
 * The current rows whose hash the reference's {@link RowHashFilter} might contain: hash → current rows,
 * up to {@link #MAX_DISTINCT} hashes (past that many rows are copies, and the exact shuffle counts them).
 */
public final class RowHashCandidates implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int MAX_DISTINCT = 1 << 20;
    private HashMap<Long, long[]> counts = new HashMap<>();
    private boolean overflow;

    void probe(RowHashFilter filter, long hash) {
        if (overflow || !filter.mightContain(hash)) {
            return;
        }
        long[] c = counts.get(hash);
        if (c != null) {
            c[0]++;
        } else if (counts.size() == MAX_DISTINCT) {
            overflow = true;
            counts = new HashMap<>();
        } else {
            counts.put(hash, new long[] {1});
        }
    }

    RowHashCandidates merge(RowHashCandidates o) {
        if (overflow || o.overflow) {
            overflow = true;
            counts = new HashMap<>();
            return this;
        }
        o.counts.forEach((k, v) -> counts.merge(k, v, (a, b) -> new long[] {a[0] + b[0]}));
        if (counts.size() > MAX_DISTINCT) {
            overflow = true;
            counts = new HashMap<>();
        }
        return this;
    }

    public boolean overflow() {
        return overflow;
    }

    /** The candidate hashes, sorted. */
    public long[] hashes() {
        return counts.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Current rows with this hash (0 when it is no candidate). */
    public long rows(long hash) {
        long[] c = counts.get(hash);
        return c == null ? 0 : c[0];
    }
}
