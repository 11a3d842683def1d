package org.driftwatch.profile.quality;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * The distinct failing values of one constraint with their counts, as the scans meet them: keys are
 * {@code Double} (a number) or {@code UTF8String} (a text, copied out of the reader's buffer). Kept exactly
 * up to {@link #LIMIT} distinct values; beyond that it says it {@link #overflow}ed and the samples are
 * found by an exact aggregation instead ({@link FailingSamples}).
 */
public final class FailingValues implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Distinct failing values kept per constraint and side. */
    public static final int LIMIT = 10_000;
    private final int limit;
    private HashMap<Object, long[]> counts = new HashMap<>();

    public FailingValues(int limit) {
        this.limit = limit;
    }
    private boolean overflow;

    public void add(Object value, long count) {
        if (overflow) {
            return;
        }
        long[] c = counts.get(value);
        if (c != null) {
            c[0] += count;
        } else if (counts.size() < limit) {
            counts.put(value, new long[] {count});
        } else {
            overflow = true;
            counts = new HashMap<>();
        }
    }

    public FailingValues merge(FailingValues o) {
        if (o.overflow) {
            overflow = true;
            counts = new HashMap<>();
            return this;
        }
        o.counts.forEach((k, c) -> add(k, c[0]));
        return this;
    }

    public boolean overflow() {
        return overflow;
    }

    /** Every failing value with its count (empty after an overflow). */
    public Map<Object, Long> counts() {
        Map<Object, Long> out = new HashMap<>();
        counts.forEach((k, c) -> out.put(k, c[0]));
        return out;
    }
}
