package org.driftwatch.profile.scan;

import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;

/**
 * A segment column as a scan reads it: the field it masks and the key field whose value marks the segment's
 * rows. In a dataset's schema the metadata names columns ({@code data.SegmentPlan}); in a projection's it names
 * field positions ({@link ScanProjection}), which {@link ColumnarPlan} turns into a masked {@link ScanBatch} field.
 */
final class SegmentMask {
    static final String SOURCE = org.driftwatch.data.SegmentPlan.MASK_SOURCE;
    static final String KEY = org.driftwatch.data.SegmentPlan.MASK_KEY;
    static final String VALUE = org.driftwatch.data.SegmentPlan.MASK_VALUE;
    static final String SOURCE_FIELD = "driftwatch.segment.sourceField";
    static final String KEY_FIELD = "driftwatch.segment.keyField";

    private SegmentMask() {
    }

    static Metadata metadata(int sourceField, int keyField, String value) {
        return new MetadataBuilder().putLong(SOURCE_FIELD, sourceField).putLong(KEY_FIELD, keyField).putString(VALUE, value).build();
    }
}
