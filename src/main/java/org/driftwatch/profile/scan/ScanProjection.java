package org.driftwatch.profile.scan;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.driftwatch.data.ModelPlan;
import org.driftwatch.data.ModelTask;
import org.driftwatch.data.SchemaColumns;

/**
 * The scans' row layout: numeric columns as double, categorical as string, then the id — as long when
 * it is an integer (for the id bitmap), else as "is not null"; then the model's outcome fields.
 */
public final class ScanProjection {
    private ScanProjection() {
    }

    public static Dataset<Row> of(Dataset<Row> data, List<String> numeric, List<String> categorical, List<String> others,
                           boolean integerId) {
        return of(data, numeric, categorical, others, integerId, null);
    }

    /** With the model's label, prediction and score last, as {@link OutcomeFold} reads them; a missing column is null. */
    public static Dataset<Row> of(Dataset<Row> data, List<String> numeric, List<String> categorical, List<String> others,
                                  boolean integerId, ModelPlan model) {
        return of(data, numeric, categorical, others, integerId, model, null);
    }

    /** With a row hash (a long) as the last field when {@code rowHash} is given. */
    public static Dataset<Row> of(Dataset<Row> data, List<String> numeric, List<String> categorical, List<String> others,
                                  boolean integerId, ModelPlan model, Column rowHash) {
        return of(data, numeric, categorical, others, integerId, model, rowHash, List.of());
    }

    /** With {@code extra} fields after all others (the data-quality constraints' fields, {@link #width} on). */
    public static Dataset<Row> of(Dataset<Row> data, List<String> numeric, List<String> categorical, List<String> others,
                                  boolean integerId, ModelPlan model, Column rowHash, List<Column> extra) {
        return of(data, numeric, categorical, others, integerId, model, List.of(), rowHash, extra);
    }

    /** With each segment's label, prediction and score after the whole model's ({@link OtherFields#segmentOutcomes}). */
    public static Dataset<Row> of(Dataset<Row> data, List<String> numeric, List<String> categorical, List<String> others,
                                  boolean integerId, ModelPlan model, List<ModelPlan> segmentModels, Column rowHash, List<Column> extra) {
        Fields f = new Fields(data);
        for (String n : numeric) {
            f.add(SchemaColumns.named(n).cast("double"), n, "number");
        }
        for (String c : categorical) {
            f.add(SchemaColumns.named(c).cast("string"), c, "text");
        }
        for (String o : others) {
            f.add(integerId ? SchemaColumns.named(o).cast("long") : SchemaColumns.named(o).isNotNull(), null, null);
        }
        if (model != null) {
            boolean regression = model.task() == ModelTask.REGRESSION;
            f.add(outcome(data, model.label(), regression), model.label(), "outcome");
            f.add(outcome(data, model.prediction(), regression), model.prediction(), "outcome");
            if (model.score() != null) {
                f.add(outcome(data, model.score(), true), model.score(), "score");
            }
            for (ModelPlan segment : segmentModels) {
                f.add(outcome(data, segment.label(), regression), segment.label(), "outcome");
                f.add(outcome(data, segment.prediction(), regression), segment.prediction(), "outcome");
                if (model.score() != null) {
                    f.add(outcome(data, segment.score(), true), segment.score(), "score");
                }
            }
        }
        if (rowHash != null) {
            f.add(rowHash, null, null);
        }
        for (Column c : extra) {
            f.add(c, null, null);
        }
        return data.select(f.aliased());
    }

    /**
     * The projected fields, and for a segment column (a column masked to a segment's rows: its metadata names
     * the column and the key, {@code data.SegmentPlan}) where its column and its key are in the projection: the
     * key fields follow all others, and the segment column's alias says which field it masks by which key
     * ({@link ColumnarPlan} reads it), so column batches mask the field they already read.
     */
    private static final class Fields {
        private final Dataset<Row> data;
        private final List<Column> columns = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<String> tags = new ArrayList<>();

        Fields(Dataset<Row> data) {
            this.data = data;
        }

        void add(Column c, String name, String tag) {
            columns.add(c);
            names.add(name);
            tags.add(tag);
        }

        Column[] aliased() {
            int plain = columns.size();
            java.util.Map<String, Integer> keys = new java.util.LinkedHashMap<>();
            org.apache.spark.sql.types.Metadata[] masks = new org.apache.spark.sql.types.Metadata[plain];
            for (int i = 0; i < plain; i++) {
                org.apache.spark.sql.types.Metadata m = names.get(i) == null || !SchemaColumns.has(data, names.get(i)) ? null
                    : data.schema().apply(names.get(i)).metadata();
                if (m == null || !m.contains(SegmentMask.SOURCE)) {
                    continue;
                }
                String source = m.getString(SegmentMask.SOURCE);
                String key = m.getString(SegmentMask.KEY);
                int from = source.equals(key) ? -2 : indexOf(source, tags.get(i));
                if (from == -1) {
                    continue;
                }
                Integer k = keys.get(key);
                if (k == null) {
                    k = columns.size() + keys.size();
                    keys.put(key, k);
                }
                masks[i] = SegmentMask.metadata(from == -2 ? k : from, k, m.getString(SegmentMask.VALUE));
            }
            List<Column> out = new ArrayList<>();
            for (int i = 0; i < plain; i++) {
                out.add(masks[i] == null ? columns.get(i).as("n" + i) : columns.get(i).as("n" + i, masks[i]));
            }
            int i = plain;
            for (String key : keys.keySet()) {
                out.add(SchemaColumns.named(key).cast("string").as("n" + i++));
            }
            return out.toArray(Column[]::new);
        }

        private int indexOf(String source, String tag) {
            for (int j = 0; j < names.size(); j++) {
                if (source.equals(names.get(j)) && java.util.Objects.equals(tag, tags.get(j))) {
                    return j;
                }
            }
            return -1;
        }
    }

    /** How many of the columns come before the first segment column (segment columns follow the whole ones). */
    public static int leadingWhole(Dataset<Row> data, List<String> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if (SchemaColumns.has(data, columns.get(i)) && data.schema().apply(columns.get(i)).metadata().contains(SegmentMask.SOURCE)) {
                return i;
            }
        }
        return columns.size();
    }

    /**
     * How many columns' worth of values the numeric columns hold a row: a whole column one, and the segment
     * columns of one column by one key together one (a row is in one segment of a by column).
     */
    public static int numericWidth(Dataset<Row> data, List<String> numeric) {
        java.util.Set<String> keyed = new java.util.HashSet<>();
        int whole = 0;
        for (String n : numeric) {
            org.apache.spark.sql.types.Metadata m = SchemaColumns.has(data, n) ? data.schema().apply(n).metadata() : null;
            if (m != null && m.contains(SegmentMask.SOURCE)) {
                keyed.add(m.getString(SegmentMask.KEY) + "\u0000" + m.getString(SegmentMask.SOURCE));
            } else {
                whole++;
            }
        }
        return whole + keyed.size();
    }

    /** The number of fields before the extra ones. */
    public static int width(int numeric, int categorical, int others, ModelPlan model, boolean rowHash) {
        return width(numeric, categorical, others, model, 0, rowHash);
    }

    /** The same with {@code segmentModels} segments' outcome fields after the model's. */
    public static int width(int numeric, int categorical, int others, ModelPlan model, int segmentModels, boolean rowHash) {
        OutcomeFold.Spec spec = outcomeSpec(model, segmentModels);
        return numeric + categorical + others + (spec == null ? 0 : spec.fields() * spec.groups()) + (rowHash ? 1 : 0);
    }

    /** The spec of the outcome fields {@link #of} appends, or null without a model. */
    public static OutcomeFold.Spec outcomeSpec(ModelPlan model) {
        return outcomeSpec(model, 0);
    }

    /** The same, followed by {@code segments} segments' outcome fields of the same layout. */
    public static OutcomeFold.Spec outcomeSpec(ModelPlan model, int segments) {
        return model == null ? null
            : new OutcomeFold.Spec(model.task() == ModelTask.REGRESSION, model.score() != null, model.positiveClass(), segments,
                model.maxClassPairs());
    }

    private static Column outcome(Dataset<Row> data, String name, boolean number) {
        if (!SchemaColumns.has(data, name)) {
            return functions.lit(null).cast(number ? "double" : "string");
        }
        Column c = SchemaColumns.named(name);
        if (number) {
            return c.cast("double");
        }
        if (SchemaColumns.isNumeric(data, name) && !SchemaColumns.isInteger(data, name)) {
            // a class stored as 1.0 is class "1", as the rule file's positive_class: 1 spells it
            Column d = c.cast("double");
            return functions.when(d.equalTo(functions.floor(d)).and(functions.abs(d).lt(1e15)), d.cast("long").cast("string"))
                .otherwise(d.cast("string"));
        }
        return c.cast("string");
    }
}
