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

    /** Metadata keys of a segment column: the column it masks, the key column and the key's value on the segment's rows. */
    public static final String MASK_SOURCE = "driftwatch.segment.source";
    public static final String MASK_KEY = "driftwatch.segment.key";
    public static final String MASK_VALUE = "driftwatch.segment.value";

    /**
     * The data with every segment's columns added. Per by column (and per expression) one <em>key</em> column
     * holds the segment's number as text on the rows of a segment, null elsewhere; a segment column is its
     * column where the key is the segment's, null elsewhere, and says so in its metadata ({@link #MASK_SOURCE},
     * {@link #MASK_KEY}, {@link #MASK_VALUE}) so a column-batch scan masks the column it already reads instead
     * of evaluating the expression row by row. The marker is the key itself on the segment's rows. A column
     * or condition the side lacks gives nulls there.
     */
    public Dataset<Row> apply(Dataset<Row> data, ModelPlan wholeModel) {
        if (segments.isEmpty()) {
            return data;
        }
        List<Column> added = new ArrayList<>();
        Map<String, String> keys = keys(data, added);
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            String key = keys.get(keyOf(s));
            String value = String.valueOf(i);
            for (Map.Entry<String, String> c : s.columns().entrySet()) {
                added.add(SchemaColumns.has(data, c.getKey()) ? masked(key, value, c.getKey(), c.getValue())
                    : functions.lit(null).cast("string").as(c.getValue()));
            }
            added.add(masked(key, value, key, s.rowsColumn()));
            if (s.model() != null) {
                String[][] pairs = {{wholeModel.label(), s.model().label()}, {wholeModel.prediction(), s.model().prediction()},
                    {wholeModel.score(), s.model().score()}};
                for (String[] pair : pairs) {
                    if (pair[1] != null && SchemaColumns.has(data, pair[0])) {
                        added.add(masked(key, value, pair[0], pair[1]));
                    }
                }
            }
        }
        List<Column> all = new ArrayList<>();
        for (String c : data.columns()) {
            all.add(SchemaColumns.named(c));
        }
        all.addAll(added);
        return data.select(all.toArray(Column[]::new));
    }

    /** The key column's name of each by column and expression, added to {@code added}: the segment's number as text. */
    private Map<String, String> keys(Dataset<Row> data, List<Column> added) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Map<String, String>> byValues = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (s.by() != null) {
                byValues.computeIfAbsent(s.by(), b -> new LinkedHashMap<>()).put(s.value(), String.valueOf(i));
            }
        }
        java.util.Set<String> taken = new java.util.HashSet<>(List.of(data.columns()));
        segments.forEach(s -> taken.addAll(s.columns().values()));
        byValues.forEach((by, values) -> {
            String name = unique("[segment key] " + by, taken);
            Column key = functions.lit(null).cast("string");
            if (SchemaColumns.has(data, by)) {
                Column text = text(data, by);
                Column chain = null;
                for (Map.Entry<String, String> v : values.entrySet()) {
                    chain = (chain == null ? functions.when(text.equalTo(v.getKey()), v.getValue())
                        : chain.when(text.equalTo(v.getKey()), v.getValue()));
                }
                key = chain;
            }
            added.add(key.as(name));
            names.put("by:" + by, name);
        });
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (s.expression() != null) {
                String name = unique("[segment key] " + s.name(), taken);
                Column key = conditionError(data, s.expression()) == null
                    ? functions.when(functions.expr(s.expression()), String.valueOf(i)) : functions.lit(null).cast("string");
                added.add(key.as(name));
                names.put("expression:" + s.name(), name);
            }
        }
        return names;
    }

    private static String keyOf(Segment s) {
        return s.by() != null ? "by:" + s.by() : "expression:" + s.name();
    }

    private static Column masked(String key, String value, String source, String name) {
        org.apache.spark.sql.types.Metadata meta = new org.apache.spark.sql.types.MetadataBuilder()
            .putString(MASK_SOURCE, source).putString(MASK_KEY, key).putString(MASK_VALUE, value).build();
        return functions.when(SchemaColumns.named(key).equalTo(value), SchemaColumns.named(source)).as(name, meta);
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
