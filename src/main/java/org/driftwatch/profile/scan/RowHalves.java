package org.driftwatch.profile.scan;

import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Splits the reference's rows into two halves for the self-check by a hash of the row's compared values,
 * so the split is the same on every run, partitioning and machine, and identical rows land in the same half.
 */
final class RowHalves {
    private RowHalves() {
    }

    /**
     * Whether the row (numeric fields first, then the categorical ones) is in the second half: a hash of its
     * numeric values, or of its categories when it has no numeric column (string hashing costs more).
     */
    static boolean second(InternalRow row, int numeric, int categorical, int firstCategorical) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < numeric; i++) {
            h = (h ^ (row.isNullAt(i) ? 0x5bd1e995L : Double.doubleToLongBits(row.getDouble(i) + 0.0))) * 0x9E3779B97F4A7C15L;
        }
        if (numeric == 0) {
            for (int j = 0; j < categorical; j++) {
                int f = firstCategorical + j;
                h = (h ^ (row.isNullAt(f) ? 0x27d4eb2fL : row.getUTF8String(f).hashCode())) * 0x9E3779B97F4A7C15L;
            }
        }
        return (mix(h) & 1L) == 1L;
    }

    /** {@link #second} for every row of a column batch, from its numeric columns in {@code numbers} from {@code at} on. */
    static void second(NumericBatch numbers, int at, ScanBatch batch, int numeric, int categorical, boolean[] out) {
        int rows = batch.size();
        int firstCategorical = numbers.values.length;
        long[] h = new long[rows];
        java.util.Arrays.fill(h, 0x9E3779B97F4A7C15L);
        for (int i = 0; i < numeric; i++) {
            double[] v = numbers.values[i];
            boolean[] m = numbers.missing[i];
            for (int r = 0; r < rows; r++) {
                h[r] = (h[r] ^ (m[at + r] ? 0x5bd1e995L : Double.doubleToLongBits(v[at + r] + 0.0))) * 0x9E3779B97F4A7C15L;
            }
        }
        if (numeric == 0) {
            for (int j = 0; j < categorical; j++) {
                for (int r = 0; r < rows; r++) {
                    int f = firstCategorical + j;
                    h[r] = (h[r] ^ (batch.isNullAt(f, r) ? 0x27d4eb2fL : batch.getUTF8String(f, r).hashCode())) * 0x9E3779B97F4A7C15L;
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            out[r] = (mix(h[r]) & 1L) == 1L;
        }
    }

    /** SplitMix64's finaliser: every input bit reaches the low bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
