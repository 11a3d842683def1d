package org.driftwatch.profile.scan;

import java.io.Serializable;
import org.apache.spark.sql.catalyst.InternalRow;
import org.driftwatch.profile.sketch.IdSet;

/**
 * The non-numeric part of a scan's row: category counts of the categorical columns (as strings),
 * then the id — non-null count, and its distinct values as a bitmap when it is an integer (a long
 * field), else an "is not null" field; then the model's label, prediction and score ({@link OutcomeFold}).
 * Shared by the reference and the current scan.
 */
public final class OtherFields implements Serializable {
    private static final long serialVersionUID = 1L;
    public final CategoryCounts[] categories;
    public final long[] nonNull;
    /** The id's distinct values, when the id is an integer; else null. */
    final IdSet ids;
    /** The model's outcomes, when the run monitors a model; their fields follow the id. */
    public final OutcomeFold outcomes;
    /** The model's outcomes on each segment's rows, from the outcome field groups after the whole model's. */
    public final OutcomeFold[] segmentOutcomes;
    private transient int[] segmentRows;

    OtherFields(int categorical, int others, boolean integerId, OutcomeFold.Spec model) {
        outcomes = model == null ? null : new OutcomeFold(model);
        segmentOutcomes = new OutcomeFold[model == null ? 0 : model.segments()];
        for (int k = 0; k < segmentOutcomes.length; k++) {
            segmentOutcomes[k] = new OutcomeFold(model);
        }
        categories = new CategoryCounts[categorical];
        for (int i = 0; i < categorical; i++) {
            categories[i] = new CategoryCounts();
        }
        nonNull = new long[others];
        ids = integerId && others == 1 ? new IdSet() : null;
    }

    /** Adds the row's fields from {@code first} on. */
    public void add(InternalRow row, int first) {
        add(row, first, false);
    }

    /** Adds the row's fields from {@code first} on; {@code second}: the row is in the reference's second half. */
    public void add(InternalRow row, int first, boolean second) {
        for (int j = 0; j < categories.length; j++) {
            if (!row.isNullAt(first + j)) {
                categories[j].add(row.getUTF8String(first + j), second);
            }
        }
        int base = first + categories.length;
        for (int k = 0; k < nonNull.length; k++) {
            if (ids != null) {
                if (!row.isNullAt(base + k)) {
                    nonNull[k]++;
                    ids.add(row.getLong(base + k));
                }
            } else if (row.getBoolean(base + k)) {
                nonNull[k]++;
            }
        }
        if (outcomes != null) {
            outcomes.add(row, base + nonNull.length);
            int width = outcomes.fields();
            for (int k = 0; k < segmentOutcomes.length; k++) {
                segmentOutcomes[k].add(row, base + nonNull.length + width * (k + 1));
            }
        }
    }

    /**
     * Adds a column batch's fields from {@code first} on; {@code second}: per row, whether it is in the
     * reference's second half (null on the current side).
     */
    void add(ScanBatch batch, int first, boolean[] second) {
        for (int j = 0; j < categories.length; j++) {
            int field = first + j;
            // a segment column walks its segment's rows only
            int[] rows = null;
            int n = batch.size();
            if (batch.masked(field)) {
                if (segmentRows == null || segmentRows.length < batch.size()) {
                    segmentRows = new int[Math.max(NumericBatch.ROWS, batch.size())];
                }
                rows = segmentRows;
                n = batch.segmentRows(field, rows);
            }
            org.apache.spark.sql.execution.vectorized.Dictionary dictionary = batch.dictionary(field);
            if (dictionary != null) {
                countIds(batch, field, dictionary, categories[j], second, rows, n);
            } else {
                for (int k = 0; k < n; k++) {
                    int r = rows == null ? k : rows[k];
                    if (!batch.isNullAt(field, r)) {
                        categories[j].add(batch.getUTF8String(field, r), second != null && second[r]);
                    }
                }
            }
        }
        int base = first + categories.length;
        for (int k = 0; k < nonNull.length; k++) {
            for (int r = 0; r < batch.size(); r++) {
                if (ids != null) {
                    if (!batch.isNullAt(base + k, r)) {
                        nonNull[k]++;
                        ids.add(batch.getLong(base + k, r));
                    }
                } else if (batch.getBoolean(base + k, r)) {
                    nonNull[k]++;
                }
            }
        }
        if (outcomes != null) {
            outcomes.add(batch, base + nonNull.length);
            int width = outcomes.fields();
            for (int k = 0; k < segmentOutcomes.length; k++) {
                segmentOutcomes[k].add(batch, base + nonNull.length + width * (k + 1));
            }
        }
    }

    /** A dictionary-encoded batch: counted by id, each id named once. */
    private static void countIds(ScanBatch batch, int field, org.apache.spark.sql.execution.vectorized.Dictionary dictionary,
                                 CategoryCounts into, boolean[] second, int[] rows, int n) {
        int[] all = new int[64];
        int[] inSecond = new int[64];
        boolean nulls = batch.hasNull(field);
        for (int k = 0; k < n; k++) {
            int r = rows == null ? k : rows[k];
            if (nulls && batch.isNullAt(field, r)) {
                continue;
            }
            int id = batch.dictionaryId(field, r);
            if (id >= all.length) {
                int size = Math.max(id + 1, all.length * 2);
                all = java.util.Arrays.copyOf(all, size);
                inSecond = java.util.Arrays.copyOf(inSecond, size);
            }
            all[id]++;
            if (second != null && second[r]) {
                inSecond[id]++;
            }
        }
        for (int id = 0; id < all.length; id++) {
            if (all[id] > 0) {
                into.add(org.apache.spark.unsafe.types.UTF8String.fromBytes(dictionary.decodeToBinary(id)), all[id], inSecond[id]);
            }
        }
    }

    public OtherFields merge(OtherFields o) {
        for (int j = 0; j < categories.length; j++) {
            categories[j].merge(o.categories[j]);
        }
        for (int k = 0; k < nonNull.length; k++) {
            nonNull[k] += o.nonNull[k];
        }
        if (ids != null) {
            ids.merge(o.ids);
        }
        if (outcomes != null) {
            outcomes.merge(o.outcomes);
        }
        for (int k = 0; k < segmentOutcomes.length; k++) {
            segmentOutcomes[k].merge(o.segmentOutcomes[k]);
        }
        return this;
    }

    /** Each segment's outcomes, in segment order (empty without a model or segments). */
    public java.util.List<org.driftwatch.profile.model.ModelOutcomes> segmentOutcomes() {
        return java.util.Arrays.stream(segmentOutcomes).map(OutcomeFold::outcomes).toList();
    }

    /** The id bitmap when it was kept (integer ids that compress), else null. */
    public IdSet usableIds() {
        return ids != null && ids.usable() ? ids : null;
    }
}
