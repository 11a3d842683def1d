package org.driftwatch.profile.sketch;

import java.io.Serializable;

/**
 * Which values of a column may occur on more than one row, found in a scan without a shuffle: two
 * split-block Bloom filters (the layout of {@link RowHashFilter}: 8 bits in one 256-bit block per value),
 * {@code seen} and {@code twice}. A value met when its bits are all in {@code seen} already sets them in
 * {@code twice}; two partitions' filters merge as {@code twice = twice₁ | twice₂ | (seen₁ & seen₂)}, so
 * a value on two rows anywhere has all its bits in {@code twice}: no duplicate is ever missed. Values
 * {@link #mayRepeat} lets through are candidates that one more pass counts exactly; a column whose
 * {@code twice} stays empty has no duplicates, and needs nothing more.
 */
public final class DuplicateFilter implements Serializable, RepeatCandidates {
    private static final long serialVersionUID = 1L;
    /**
     * Bits per expected value: with 8 bits set per value in one block, a candidate needs all 8 in {@code twice},
     * so even a filled filter lets few values through (about 2 % at an exact estimate, far fewer at the
     * generous one the scans use); fewer bits keep the partial folds small.
     */
    static final int BITS_PER_VALUE = 4;
    static final int MIN_BLOCKS = 1 << 8;
    /** At most 32 MB per filter: past that, more candidates rather than more memory. */
    static final int MAX_BLOCKS = 1 << 20;
    private static final int[] SALT = {0x47b6137b, 0x44974d91, 0x8824ad5b, 0xa2b7289d, 0x705495c7, 0x2df1424b, 0x9efc4947, 0x5c6bfb31};
    private final int blocks;
    private final int[] seen;
    private final int[] twice;
    private boolean any;

    private DuplicateFilter(int blocks) {
        this.blocks = blocks;
        this.seen = new int[blocks * 8];
        this.twice = new int[blocks * 8];
    }

    /** An empty filter sized for about {@code values} values (a generous estimate is cheap; a low one costs candidates). */
    public static DuplicateFilter forValues(long values) {
        long bits = Math.max(values, 1) * BITS_PER_VALUE;
        return new DuplicateFilter((int) Math.min(MAX_BLOCKS, Math.max(MIN_BLOCKS, (bits + 255) / 256)));
    }

    public void add(long hash) {
        long h = mix(hash);
        int at = block(h) * 8;
        int key = (int) h;
        int missing = 0;
        for (int i = 0; i < 8; i++) {
            missing |= ~seen[at + i] & (1 << ((key * SALT[i]) >>> 27));
        }
        if (missing == 0) {
            for (int i = 0; i < 8; i++) {
                twice[at + i] |= 1 << ((key * SALT[i]) >>> 27);
            }
            any = true;
        } else {
            for (int i = 0; i < 8; i++) {
                seen[at + i] |= 1 << ((key * SALT[i]) >>> 27);
            }
        }
    }

    /** Whether a value with this hash may be on two or more rows (false: certainly on one at most). */
    @Override
    public boolean mayRepeat(long hash) {
        if (!any) {
            return false;
        }
        long h = mix(hash);
        int at = block(h) * 8;
        int key = (int) h;
        int missing = 0;
        for (int i = 0; i < 8; i++) {
            missing |= ~twice[at + i] & (1 << ((key * SALT[i]) >>> 27));
        }
        return missing == 0;
    }

    /** Whether no value can repeat: then the column is unique, with no further pass. */
    public boolean none() {
        return !any;
    }

    public DuplicateFilter merge(DuplicateFilter o) {
        if (o.blocks != blocks) {
            throw new IllegalStateException("duplicate filters of different sizes");   // one plan sizes them all
        }
        for (int i = 0; i < seen.length; i++) {
            int both = seen[i] & o.seen[i];
            twice[i] |= o.twice[i] | both;
            any |= (o.twice[i] | both) != 0;
            seen[i] |= o.seen[i];
        }
        any |= o.any;
        return this;
    }

    private int block(long h) {
        return (int) (((h >>> 32) * blocks) >>> 32);
    }

    /** SplitMix64's finaliser: spreads any 64-bit hash (or a number's bits) over blocks and bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
