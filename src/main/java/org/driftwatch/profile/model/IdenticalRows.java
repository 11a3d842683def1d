package org.driftwatch.profile.model;

import java.util.List;

/**
 * Current rows equal to some reference row in every compared column (a 64-bit hash of the values as
 * text, so int and bigint compare equal; a hash collision is about one in 10^8 at 10^6 rows per side).
 */
public record IdenticalRows(List<String> columns, long currentRows, long distinctRows) {
    public IdenticalRows {
        columns = List.copyOf(columns);
    }
}
