package org.driftwatch.profile.quality;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.unsafe.types.UTF8String;
import org.driftwatch.data.SchemaColumns;

/**
 * How one side's scan folds the data-quality constraints: the fields they add to the scan's projection
 * (after all others: a column as a number or as text, a condition's truth, its columns for samples, an
 * instant), shared by constraints that read the same thing, and per constraint what it reads. Built on the
 * driver from the side's schema; a constraint whose column the side lacks, or whose condition Spark
 * cannot resolve there, is {@link Entry#error}ed and reads nothing.
 */
public final class QualityPlan implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What a constraint reads from its field. */
    public enum Read {
        NUMBER, TEXT, CONDITION, MEMBER, LATEST, NONE,
        /** A number constraint on a text column: an error unless the column has no values on this side (counted as checked). */
        MISTYPED
    }

    /**
     * @param field       the constraint's field among the quality fields, or −1
     * @param sampleFields a condition's columns (their fields), for a failing row's sample
     * @param sampleTypes  per sample field: 'l' long, 'd' double, 's' text
     * @param failing     MEMBER: the failing values (duplicated, or not in the other table) a row is checked against
     * @param type        the column's Spark type (how a failing number is spelled), or null
     */
    public record Entry(QualityRule rule, Read read, int field, List<String> sampleColumns, int[] sampleFields, char[] sampleTypes,
                        Set<UTF8String> failing, DataType type, String error) implements Serializable {
        static Entry of(QualityRule rule, Read read, int field, Set<UTF8String> failing, DataType type, String error) {
            return new Entry(rule, read, field, List.<String>of(), new int[0], new char[0], failing, type, error);
        }
    }

    public static final QualityPlan NONE = new QualityPlan(List.of(), List.of());

    private final List<Entry> entries;
    private final transient List<Column> columns;

    private QualityPlan(List<Entry> entries, List<Column> columns) {
        this.entries = List.copyOf(entries);
        this.columns = columns;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The fields to append to the scan's projection, in order. */
    public List<Column> columns() {
        return columns == null ? List.of() : columns;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * @param failing per unique / exists_in constraint, its failing values when few enough to check rows
     *                against ({@link KeyedQuality}); a constraint absent here does not take part in the
     *                failing-row count of the fold
     */
    public static QualityPlan of(List<QualityRule> rules, Dataset<Row> data, Map<String, Set<UTF8String>> failing) {
        Map<String, Integer> fields = new LinkedHashMap<>();
        List<Column> columns = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (QualityRule rule : rules) {
            entries.add(entry(rule, data, failing, fields, columns));
        }
        return new QualityPlan(entries, columns);
    }

    private static Entry entry(QualityRule rule, Dataset<Row> data, Map<String, Set<UTF8String>> failing,
                               Map<String, Integer> fields, List<Column> columns) {
        if (rule instanceof ConditionRule c) {
            return condition(c, data, fields, columns);
        }
        DataType type = typeOf(data, rule.column());
        if (type == null) {
            return Entry.of(rule, Read.NONE, -1, null, null, "column '" + rule.column() + "' is not in the data");
        }
        Column named = SchemaColumns.named(rule.column());
        if (rule instanceof ValueRule v && v.test().reads() == ValueTest.Reads.NUMBER) {
            if (type instanceof StringType) {
                return Entry.of(rule, Read.MISTYPED, textField(rule.column(), type, fields, columns), null, type, null);
            }
            if (!(type instanceof NumericType)) {
                return Entry.of(rule, Read.NONE, -1, null, type,
                    "column '" + rule.column() + "' is " + type.simpleString() + ", not a number");
            }
            return Entry.of(rule, Read.NUMBER, field("n:" + rule.column(), named.cast("double"), fields, columns),
                null, type, null);
        }
        if (rule instanceof ValueRule) {
            return Entry.of(rule, Read.TEXT, textField(rule.column(), type, fields, columns) , null, type, null);
        }
        if (rule instanceof FreshnessRule) {
            Column micros = type instanceof StringType ? functions.unix_micros(functions.try_to_timestamp(named))
                : type instanceof DateType || type instanceof TimestampType || type instanceof TimestampNTZType
                ? functions.unix_micros(named.cast("timestamp")) : null;
            if (micros == null) {
                return Entry.of(rule, Read.NONE, -1, null, type,
                    "column '" + rule.column() + "' is " + type.simpleString() + ", not a date or timestamp");
            }
            return Entry.of(rule, Read.LATEST, field("m:" + rule.column(), micros, fields, columns) , null, type, null);
        }
        Set<UTF8String> values = failing.get(rule.name());
        return values == null ? Entry.of(rule, Read.NONE, -1, null, type, null)
            : Entry.of(rule, Read.MEMBER, textField(rule.column(), type, fields, columns) , values, type, null);
    }

    private static Entry condition(ConditionRule c, Dataset<Row> data, Map<String, Integer> fields, List<Column> columns) {
        ConditionRule.Resolved resolved;
        try {
            resolved = ConditionRule.resolve(c.expression(), data);
        } catch (IllegalArgumentException e) {
            return Entry.of(c, Read.NONE, -1, null, DataTypes.BooleanType, e.getMessage());
        }
        int f = field("c:" + c.name(), functions.expr(c.expression()), fields, columns);
        int[] sampleFields = new int[resolved.columns().size()];
        char[] sampleTypes = new char[sampleFields.length];
        for (int i = 0; i < sampleFields.length; i++) {
            String name = resolved.columns().get(i);
            DataType t = typeOf(data, name);
            Column named = SchemaColumns.named(name);
            boolean integer = SchemaColumns.isInteger(data, name);
            sampleTypes[i] = integer ? 'l' : t instanceof NumericType ? 'd' : 's';
            sampleFields[i] = integer ? field("l:" + name, named.cast("long"), fields, columns)
                : t instanceof NumericType ? field("n:" + name, named.cast("double"), fields, columns)
                : textField(name, t, fields, columns);
        }
        return new Entry(c, Read.CONDITION, f, resolved.columns(), sampleFields, sampleTypes, null, DataTypes.BooleanType, null);
    }

    /** The column as Spark's cast to string spells it (a string column as it is, so batches keep their dictionaries). */
    private static int textField(String column, DataType type, Map<String, Integer> fields, List<Column> columns) {
        Column named = SchemaColumns.named(column);
        return field("t:" + column, type instanceof StringType ? named : named.cast("string"), fields, columns);
    }

    private static int field(String key, Column column, Map<String, Integer> fields, List<Column> columns) {
        return fields.computeIfAbsent(key, k -> {
            columns.add(column);
            return columns.size() - 1;
        });
    }

    static DataType typeOf(Dataset<Row> data, String column) {
        for (StructField f : data.schema().fields()) {
            if (f.name().equals(column)) {
                return f.dataType();
            }
        }
        return null;
    }
}
