package org.driftwatch.profile.quality;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.driftwatch.profile.scan.PartitionFold;
import org.driftwatch.profile.scan.ScanBatch;

/**
 * The distinct values (as text) of the column an exists_in constraint refers to, read once per run by one
 * folding scan of that column: when there are at most {@link #LIMIT} of them (a lookup table), both sides'
 * scans check every value against them; above that the constraint is one aggregation ({@link KeyedQuality}).
 */
final class ReferencedValues implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int LIMIT = 1_000_000;
    private final int limit;
    private HashSet<UTF8String> values = new HashSet<>();
    private boolean overflow;

    private ReferencedValues(int limit) {
        this.limit = limit;
    }

    /** The column's distinct non-null texts, or null when there are more than {@link #LIMIT}. */
    static Set<UTF8String> of(Dataset<Row> table, String column) {
        int limit = QualityMeasurement.setting(table, QualityMeasurement.HELD_VALUES, LIMIT);
        ReferencedValues found = PartitionFold.fold(table.select(KeyedQuality.text(table, column).as("v")), () -> new ReferencedValues(limit),
            ReferencedValues::add, ReferencedValues::add, ReferencedValues::merge);
        return found.overflow ? null : java.util.Collections.unmodifiableSet(found.values);
    }

    void add(InternalRow row) {
        if (!row.isNullAt(0)) {
            put(row.getUTF8String(0));
        }
    }

    void add(ScanBatch batch) {
        for (int r = 0; r < batch.size() && !overflow; r++) {
            if (!batch.isNullAt(0, r)) {
                put(batch.getUTF8String(0, r));
            }
        }
    }

    private void put(UTF8String v) {
        if (overflow || values.contains(v)) {
            return;
        }
        if (values.size() >= limit) {
            overflow = true;
            values = new HashSet<>();
            return;
        }
        values.add(v.clone());
    }

    ReferencedValues merge(ReferencedValues o) {
        if (o.overflow) {
            overflow = true;
            values = new HashSet<>();
        }
        if (!overflow) {
            o.values.forEach(this::put);
        }
        return this;
    }
}
