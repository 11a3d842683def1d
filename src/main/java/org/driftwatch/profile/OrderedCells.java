package org.driftwatch.profile;

/**
 * Fixed, data-independent cells on the real line: a double's IEEE bits turned into a signed long that
 * sorts like the double, cut after {@link #MANTISSA_BITS} bits of mantissa. Each cell spans a relative
 * width of 2^-10 (about 0.1 %), so a column's cells tell its distribution to that resolution; because
 * the cells do not depend on the data, counts from any partitioning merge to the same result.
 */
final class OrderedCells {
    static final int MANTISSA_BITS = 10;
    private static final int SHIFT = 52 - MANTISSA_BITS;

    private OrderedCells() {
    }

    /** The cell of a finite value; −0.0 and 0.0 share one. */
    static long cell(double v) {
        long bits = Double.doubleToRawLongBits(v + 0.0);
        long ordered = bits ^ ((bits >> 63) & Long.MAX_VALUE);
        return ordered >> SHIFT;
    }
}
