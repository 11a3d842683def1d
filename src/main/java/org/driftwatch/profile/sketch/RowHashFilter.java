package org.driftwatch.profile.sketch;

import java.io.Serializable;

/**
 * The reference's 64-bit row hashes as a split-block Bloom filter (the layout of Parquet's and Impala's
 * filters): each hash sets 8 bits in one 256-bit block, so adding or probing a row costs one cache line,
 * not 7 random reads of a table that is larger than the cache. Built in a reference scan and probed in
 * the current scan: a current row whose hash it does not contain is certainly not a copy, so the common
 * case (no copied rows) needs no shuffle of row hashes; the few candidates it lets through are confirmed
 * exactly against the reference's hashes.
 */
public final class RowHashFilter implements Serializable {
    private static final long serialVersionUID = 2L;
    /** About 1 % false candidates per current row (a block filter needs ~12 bits per row for that). */
    static final int BITS_PER_ROW = 12;
    private static final int[] SALT = {0x47b6137b, 0x44974d91, 0x8824ad5b, 0xa2b7289d, 0x705495c7, 0x2df1424b, 0x9efc4947, 0x5c6bfb31};
    /** Eight 32-bit words per block. */
    private final int[] words;
    private final int blocks;

    private RowHashFilter(int blocks) {
        this.blocks = blocks;
        this.words = new int[blocks * 8];
    }

    /** An empty filter sized for {@code rows} reference rows. */
    public static RowHashFilter forRows(long rows) {
        long bits = Math.max(rows, 1) * BITS_PER_ROW;
        return new RowHashFilter((int) Math.min(Integer.MAX_VALUE / 8, Math.max(1, (bits + 255) / 256)));
    }

    public void add(long hash) {
        long h = mix(hash);
        int at = block(h) * 8;
        int key = (int) h;
        for (int i = 0; i < 8; i++) {
            words[at + i] |= 1 << ((key * SALT[i]) >>> 27);
        }
    }

    public boolean mightContain(long hash) {
        long h = mix(hash);
        int at = block(h) * 8;
        int key = (int) h;
        int missing = 0;
        for (int i = 0; i < 8; i++) {
            missing |= ~words[at + i] & (1 << ((key * SALT[i]) >>> 27));
        }
        return missing == 0;
    }

    public RowHashFilter merge(RowHashFilter o) {
        if (o.blocks != blocks) {
            throw new IllegalStateException("row-hash filters of different sizes");   // all are sized for the same rows
        }
        for (int i = 0; i < words.length; i++) {
            words[i] |= o.words[i];
        }
        return this;
    }

    /** The filter's size in bytes, as it travels to the driver and to the current scan. */
    public long bytes() {
        return words.length * 4L;
    }

    private int block(long h) {
        return (int) (((h >>> 32) * blocks) >>> 32);
    }

    /** Row hashes are xxhash64 already; the finaliser spreads them over blocks and bits independently. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
