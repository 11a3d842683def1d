package org.driftwatch.profile.scan;

import java.io.Serializable;
import java.util.Arrays;
import java.util.BitSet;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Confirms row-hash candidates against the reference: which of the (sorted) candidate hashes some
 * reference row really has. Reads one long field, the row hash.
 */
public final class RowHashMatches implements Serializable {
    private static final long serialVersionUID = 1L;
    private final BitSet found = new BitSet();

    public void add(InternalRow row, long[] candidates) {
        int i = Arrays.binarySearch(candidates, row.getLong(0));
        if (i >= 0) {
            found.set(i);
        }
    }

    public RowHashMatches merge(RowHashMatches o) {
        found.or(o.found);
        return this;
    }

    public boolean found(int candidate) {
        return found.get(candidate);
    }
}
