package org.driftwatch.profile.scan;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.unsafe.types.UTF8String;

/** Exact counts per category of one column, up to a number of distinct values beyond which it gives up. */
public final class CategoryCounts implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int MAX_DISTINCT = 200_000;
    private HashMap<UTF8String, long[]> counts = new HashMap<>();
    private boolean overflow;

    public void add(UTF8String value) {
        add(value, false);
    }

    /** Counts a value; {@code second} also counts it for the reference's second half (the self-check). */
    public void add(UTF8String value, boolean second) {
        add(value, 1, second ? 1 : 0);
    }

    /** Counts a value {@code all} times, {@code second} of them in the reference's second half (a batch's count of one id). */
    void add(UTF8String value, long all, long second) {
        if (overflow) {
            return;
        }
        long[] c = counts.get(value);
        if (c != null) {
            c[0] += all;
            c[1] += second;
        } else if (counts.size() == MAX_DISTINCT) {
            overflow = true;
            counts = new HashMap<>();
        } else {
            counts.put(value.copy(), new long[] {all, second});
        }
    }

    public CategoryCounts merge(CategoryCounts o) {
        if (overflow || o.overflow) {
            overflow = true;
            counts = new HashMap<>();
            return this;
        }
        o.counts.forEach((k, v) -> {
            long[] c = counts.get(k);
            if (c == null) {
                counts.put(k, v);
            } else {
                c[0] += v[0];
                c[1] += v[1];
            }
        });
        if (counts.size() > MAX_DISTINCT) {
            overflow = true;
            counts = new HashMap<>();
        }
        return this;
    }

    public boolean overflow() {
        return overflow;
    }

    /** Category → count in the reference's second half, sorted by category (the keys of {@link #sorted}). */
    public Map<String, Long> sortedSecondHalf() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k.toString(), v[1]));
        return out;
    }

    /** Category → count, sorted by category. */
    public Map<String, Long> sorted() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k.toString(), v[0]));
        return out;
    }
}
