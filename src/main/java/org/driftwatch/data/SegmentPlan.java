package org.driftwatch.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.FractionalType;
import org.driftwatch.rules.SegmentRules;
import org.driftwatch.rules.SqlCondition;

/**
 * The segments of a run, resolved against the data: per segment its rows' condition and, per segmented
 * column, the <em>segment column</em> the scans read — the column's value on the segment's rows and null
 * elsewhere. Every statistic of a segment column is therefore the whole-column statistic on the segment's
 * rows, computed by the same scans, in the same passes, as the whole columns: the segment is one more key of
 * the fold, not one more job. A marker column per segment (non-null on its rows) counts the rows; with a
 * model, the segment's label, prediction and score columns give its performance.
 *
 * @param minRows below this many rows on either side a segment has no statistics
 */
public record SegmentPlan(List<Segment> segments, int minRows) {
    public static final SegmentPlan NONE = new SegmentPlan(List.of(), SegmentRules.MIN_ROWS);

    public SegmentPlan {
        segments = List.copyOf(segments);
    }

    /**
     * One segment.
     *
     * @param by        the column whose value defines it, or null for an expression
     * @param value     that value as text (integers as decimal text), or null
     * @param expression the rule file's SQL condition, or null for a by segment
     * @param columns   per segmented column (compared name), the segment column the scans read
     * @param rowsColumn the marker column: non-null on the segment's rows
     * @param model     the monitored model on the segment's rows (its columns the segment's), or null
     */
    public record Segment(String name, String by, String value, String expression, Map<String, String> columns,
                          String rowsColumn, ModelPlan model) {
        public Segment {
            columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }
    }

    public boolean any() {
        return !segments.isEmpty();
    }

    /** The value of a by column as text, as segments compare it: integers (also integral doubles) as decimal text. */
    public static Column text(Dataset<Row> data, String column) {
        Column c = SchemaColumns.named(column);
        DataType type = data.schema().apply(column).dataType();
        if (type instanceof FractionalType) {
            Column d = c.cast("double");
            return functions.when(d.equalTo(functions.floor(d)).and(functions.abs(d).lt(1e15)), d.cast("long").cast("string"))
                .otherwise(d.cast("string"));
        }
        return c.cast("string");
    }

    /**
     * Checks the rule file's segments against the reference (columns there, expressions true or false),
     * before any scan; errors carry file:line:column.
     */
    public static void check(SegmentRules rules, ColumnPlan plan, Dataset<Row> reference) {
        for (int i = 0; i < rules.by().size(); i++) {
            String c = rules.by().get(i);
            if (!SchemaColumns.has(reference, c)) {
                throw rules.error("by/" + i, "segments.by: no column '" + c + "' in the reference data"
                    + org.driftwatch.rules.Suggestions.hint(c, List.of(reference.columns())));
            }
        }
        for (Map.Entry<String, String> e : rules.expressions().entrySet()) {
            String bad = conditionError(reference, e.getValue());
            if (bad != null) {
                throw rules.error("expressions/" + e.getKey(), "segments.expressions." + e.getKey() + ": " + bad);
            }
        }
        if (rules.columns() != null) {
            List<String> compared = compared(plan);
            for (int i = 0; i < rules.columns().size(); i++) {
                String c = rules.columns().get(i);
                if (!compared.contains(c)) {
                    throw rules.error("columns/" + i, "segments.columns: '" + c + "' is not a compared column"
                        + org.driftwatch.rules.Suggestions.hint(c, compared) + " (compared: " + String.join(", ", compared) + ")");
                }
            }
        }
    }

    /** Null when the condition is a true-or-false expression over the data's columns; else why not, one line. */
    static String conditionError(Dataset<Row> data, String sql) {
        Dataset<Row> probe;
        try {
            probe = data.select(functions.expr(sql));
        } catch (Exception e) {   // AnalysisException: a column that is not there, a function that does not exist
            return "the condition cannot be evaluated: " + SqlCondition.firstLine(e.getMessage());
        }
        DataType type = probe.schema().fields()[0].dataType();
        return type instanceof BooleanType ? null : "the condition is " + type.simpleString() + ", not true or false";
    }

    private static List<String> compared(ColumnPlan plan) {
        List<String> out = new ArrayList<>(plan.numerical());
        out.addAll(plan.categorical());
        return out;
    }

    /**
     * The segments in report order: by columns as listed, each its {@code top} values (most reference rows first,
     * ties by value text; chosen by the caller's aggregation), then the expressions as listed.
     *
     * @param top per by column, its selected values in order
     */
    public static SegmentPlan of(SegmentRules rules, ColumnPlan plan, Map<String, List<String>> top, java.util.Set<String> taken) {
        List<String> wanted = rules.columns() != null ? rules.columns() : compared(plan);
        List<Segment> out = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>(taken);
        for (String by : rules.by()) {
            for (String value : top.getOrDefault(by, List.of())) {
                String name = by + "=" + value;
                out.add(segment(name, by, value, null, wanted.stream().filter(c -> !c.equals(by)).toList(), plan.model(), names, out.size()));
            }
        }
        for (Map.Entry<String, String> e : rules.expressions().entrySet()) {
            out.add(segment(e.getKey(), null, null, e.getValue(), wanted, plan.model(), names, out.size()));
        }
        return new SegmentPlan(out, rules.minRows());
    }

    private static Segment segment(String name, String by, String value, String expression, List<String> columns, ModelPlan model,
                                   java.util.Set<String> names, int index) {
        String prefix = "[segment " + index + ": " + name + "] ";
        Map<String, String> scanned = new LinkedHashMap<>();
        for (String c : columns) {
            scanned.put(c, unique(prefix + c, names));
        }
        String rows = unique(prefix.strip(), names);
        ModelPlan segmentModel = model == null ? null
            : new ModelPlan(model.task(), model.taskInferred(), model.taskReason(), unique(prefix + model.label(), names),
                unique(prefix + model.prediction(), names), model.score() == null ? null : unique(prefix + model.score(), names),
                model.positiveClass(), model.numericClasses(), model.minLabelCoverage(), model.labels());
        return new Segment(name, by, value, expression, scanned, rows, segmentModel);
    }

    private static String unique(String name, java.util.Set<String> names) {
        String n = name;
        for (int i = 2; !names.add(n); i++) {
            n = name + " #" + i;
        }
        return n;
    }

    /**
     * The data with every segment's columns added: a segmented column's value where the row is in the segment,
     * null elsewhere; the marker; the model's columns. A column or condition the side lacks gives nulls there.
     */
    public Dataset<Row> apply(Dataset<Row> data, ModelPlan wholeModel) {
        if (segments.isEmpty()) {
            return data;
        }
        List<String> names = new ArrayList<>();
        List<Column> values = new ArrayList<>();
        Map<String, Column> texts = new java.util.HashMap<>();
        for (Segment s : segments) {
            Column in = condition(data, s, texts);
            for (Map.Entry<String, String> c : s.columns().entrySet()) {
                names.add(c.getValue());
                values.add(SchemaColumns.has(data, c.getKey()) ? functions.when(in, SchemaColumns.named(c.getKey()))
                    : functions.lit(null).cast("string"));
            }
            names.add(s.rowsColumn());
            values.add(functions.when(in, functions.lit("in")));
            if (s.model() != null) {
                masked(data, in, wholeModel.label(), s.model().label(), names, values);
                masked(data, in, wholeModel.prediction(), s.model().prediction(), names, values);
                if (s.model().score() != null) {
                    masked(data, in, wholeModel.score(), s.model().score(), names, values);
                }
            }
        }
        return data.withColumns(scala.jdk.javaapi.CollectionConverters.asScala(names).toSeq(),
            scala.jdk.javaapi.CollectionConverters.asScala(values).toSeq());
    }

    private static void masked(Dataset<Row> data, Column in, String source, String target, List<String> names, List<Column> values) {
        if (SchemaColumns.has(data, source)) {
            names.add(target);
            values.add(functions.when(in, SchemaColumns.named(source)));
        }
    }

    /** The segment's rows on this side: false everywhere when its column is missing or its condition cannot be evaluated here. */
    private static Column condition(Dataset<Row> data, Segment s, Map<String, Column> texts) {
        if (s.by() != null) {
            if (!SchemaColumns.has(data, s.by())) {
                return functions.lit(false);
            }
            return texts.computeIfAbsent(s.by(), c -> text(data, c)).equalTo(functions.lit(s.value()));
        }
        return conditionError(data, s.expression()) == null ? functions.expr(s.expression()) : functions.lit(false);
    }

    /** The segment columns of the compared numerical columns, in segment order. */
    public List<String> numerical(ColumnPlan plan) {
        return scanned(plan.numerical());
    }

    /** The segment columns of the compared categorical columns, then every segment's marker. */
    public List<String> categorical(ColumnPlan plan) {
        List<String> out = scanned(plan.categorical());
        segments.forEach(s -> out.add(s.rowsColumn()));
        return out;
    }

    /** Each segment's model, in segment order (empty without a model). */
    public List<ModelPlan> models() {
        return segments.stream().map(Segment::model).filter(java.util.Objects::nonNull).toList();
    }

    private List<String> scanned(List<String> kind) {
        List<String> out = new ArrayList<>();
        for (Segment s : segments) {
            s.columns().forEach((c, scanned) -> {
                if (kind.contains(c)) {
                    out.add(scanned);
                }
            });
        }
        return out;
    }
}
