package org.driftwatch.profile.sketch;

/**
 * Fixed, data-independent cells on the real line: a double's IEEE bits turned into a signed long that
 * sorts like the double, cut after {@link #MANTISSA_BITS} bits of mantissa (fewer when a column has
 * too many cells, see {@link CellHistogram}). At full resolution a cell spans a relative width of
 * 2^-13 (about 0.01 %); because the cells do not depend on the data, counts from any partitioning
 * merge to the same result.
 */
public final class OrderedCells {
    static final int MANTISSA_BITS = 13;
    static final int SHIFT = 52 - MANTISSA_BITS;

    private OrderedCells() {
    }

    /** The cell of a finite value at full resolution; −0.0 and 0.0 share one. */
    static long cell(double v) {
        return cell(v, 0);
    }

    /** The cell with {@code coarser} more mantissa bits dropped: each step halves the cells. */
    static long cell(double v, int coarser) {
        long bits = Double.doubleToRawLongBits(v + 0.0);
        long ordered = bits ^ ((bits >> 63) & Long.MAX_VALUE);
        return ordered >> (SHIFT + coarser);
    }
}
