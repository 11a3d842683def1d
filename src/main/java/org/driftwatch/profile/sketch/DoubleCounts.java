package org.driftwatch.profile.sketch;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Exact counts of distinct doubles in two slots each (e.g. negatives and positives of a score), in an
 * open-addressing table of primitive arrays — no boxing per value, which a scan adds millions of. Gives
 * up (and frees its memory) once it holds more than {@code limit} distinct values. −0.0 is counted as 0.0.
 */
public final class DoubleCounts implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long EMPTY = 0x7ff8dead_beef0001L;   // a NaN pattern no caller stores
    private final int limit;
    private long[] keys;
    private long[] counts;   // two per key
    private int size;
    private boolean full;

    public DoubleCounts(int limit) {
        this.limit = limit;
        allocate(64);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        counts = new long[2 * capacity];
        size = 0;
    }

    /** Adds {@code n} to slot {@code slot} (0 or 1) of value {@code v}; no-op once full. */
    public void add(double v, int slot, long n) {
        if (full) {
            return;
        }
        long bits = Double.doubleToLongBits(v + 0.0);
        int mask = keys.length - 1;
        int i = mix(bits) & mask;
        while (keys[i] != EMPTY && keys[i] != bits) {
            i = (i + 1) & mask;
        }
        if (keys[i] == EMPTY) {
            if (size == limit) {
                full = true;
                keys = new long[0];
                counts = new long[0];
                return;
            }
            keys[i] = bits;
            size++;
            if (2 * size > keys.length) {
                counts[2 * i + slot] += n;
                grow();
                return;
            }
        }
        counts[2 * i + slot] += n;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                double v = Double.longBitsToDouble(oldKeys[i]);
                add(v, 0, oldCounts[2 * i]);
                add(v, 1, oldCounts[2 * i + 1]);
            }
        }
    }

    private static int mix(long bits) {
        long h = bits * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    public DoubleCounts merge(DoubleCounts o) {
        if (full || o.full) {
            full = true;
            keys = new long[0];
            counts = new long[0];
            return this;
        }
        for (int i = 0; i < o.keys.length; i++) {
            if (o.keys[i] != EMPTY) {
                double v = Double.longBitsToDouble(o.keys[i]);
                add(v, 0, o.counts[2 * i]);
                add(v, 1, o.counts[2 * i + 1]);
            }
        }
        return this;
    }

    public boolean full() {
        return full;
    }

    public int size() {
        return size;
    }

    /** The distinct values in increasing order with their two counts: {values, slot 0, slot 1}. */
    public Sorted sorted() {
        double[] v = new double[size];
        int k = 0;
        for (long key : keys) {
            if (key != EMPTY) {
                v[k++] = Double.longBitsToDouble(key);
            }
        }
        Arrays.sort(v);
        long[] first = new long[size];
        long[] second = new long[size];
        int mask = keys.length - 1;
        for (int j = 0; j < size; j++) {
            long bits = Double.doubleToLongBits(v[j]);
            int i = mix(bits) & mask;
            while (keys[i] != bits) {
                i = (i + 1) & mask;
            }
            first[j] = counts[2 * i];
            second[j] = counts[2 * i + 1];
        }
        return new Sorted(v, first, second);
    }

    public record Sorted(double[] values, long[] first, long[] second) {
    }
}
