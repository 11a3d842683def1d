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
        List<Column> cols = new ArrayList<>();
        int i = 0;
        for (String n : numeric) {
            cols.add(SchemaColumns.named(n).cast("double").as("n" + i++));
        }
        for (String c : categorical) {
            cols.add(SchemaColumns.named(c).cast("string").as("n" + i++));
        }
        for (String o : others) {
            cols.add((integerId ? SchemaColumns.named(o).cast("long") : SchemaColumns.named(o).isNotNull()).as("n" + i++));
        }
        if (model != null) {
            boolean regression = model.task() == ModelTask.REGRESSION;
            for (String c : new String[] {model.label(), model.prediction()}) {
                cols.add(outcome(data, c, regression).as("n" + i++));
            }
            if (model.score() != null) {
                cols.add(outcome(data, model.score(), true).as("n" + i++));
            }
            for (ModelPlan segment : segmentModels) {
                for (String c : new String[] {segment.label(), segment.prediction()}) {
                    cols.add(outcome(data, c, regression).as("n" + i++));
                }
                if (model.score() != null) {
                    cols.add(outcome(data, segment.score(), true).as("n" + i++));
                }
            }
        }
        if (rowHash != null) {
            cols.add(rowHash.as("n" + i++));
        }
        for (Column c : extra) {
            cols.add(c.as("n" + i++));
        }
        return data.select(cols.toArray(Column[]::new));
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
            : new OutcomeFold.Spec(model.task() == ModelTask.REGRESSION, model.score() != null, model.positiveClass(), segments);
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
