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
        /** A {@link ValueTest} of each non-null value, as a number or as text (exists_in with its referenced values too). */
        NUMBER, TEXT,
        CONDITION, LATEST, NONE,
        /** Unique: each non-null value into a {@link org.driftwatch.profile.sketch.DuplicateFilter}. */
        UNIQUE,
        /** Whether the row's value is one of known failing values (duplicates found by an earlier pass); only counts failing rows. */
        MEMBER,
        /** A number constraint on a text column: an error unless the column has no values on this side (counted as checked). */
        MISTYPED
    }

    /**
     * @param field        the constraint's field among the quality fields, or −1
     * @param test         NUMBER and TEXT: the test of each value
     * @param valueType    how the field holds the column's values: 'l' long, 'd' double, 's' text
     * @param sampleFields a condition's columns (their fields), for a failing row's sample, with their value types
     * @param failing      MEMBER: the failing values a row is checked against
     * @param type         the column's Spark type (how a failing number is spelled), or null
     */
    public record Entry(QualityRule rule, Read read, int field, ValueTest test, char valueType, List<String> sampleColumns,
                        int[] sampleFields, char[] sampleTypes, Set<UTF8String> failing, DataType type, String error)
        implements Serializable {
        static Entry of(QualityRule rule, Read read, int field, ValueTest test, char valueType, Set<UTF8String> failing, DataType type,
                        String error) {
            return new Entry(rule, read, field, test, valueType, List.<String>of(), new int[0], new char[0], failing, type, error);
        }

        static Entry error(QualityRule rule, DataType type, String why) {
            return of(rule, Read.NONE, -1, null, 's', null, type, why);
        }

        static Entry none(QualityRule rule, DataType type) {
            return of(rule, Read.NONE, -1, null, 's', null, type, null);
        }
    }

    public static final QualityPlan NONE = new QualityPlan(List.of(), List.of(), 0, FailingValues.LIMIT);

    private final List<Entry> entries;
    private final transient List<Column> columns;
    private final long expectedValues;
    private final int keptFailingValues;

    /**
     * Session setting: distinct failing values a scan keeps per constraint — texts (default
     * {@link FailingValues#LIMIT}); when set, numbers too (default {@link FailingValues#NUMBER_LIMIT}).
     */
    public static final String KEPT_FAILING_VALUES = "driftwatch.quality.keptFailingValues";

    private QualityPlan(List<Entry> entries, List<Column> columns, long expectedValues, int keptFailingValues) {
        this.entries = List.copyOf(entries);
        this.columns = columns;
        this.expectedValues = expectedValues;
        this.keptFailingValues = keptFailingValues;
    }

    /** Distinct failing values a scan keeps per constraint before the samples need an aggregation. */
    public int keptFailingValues() {
        return keptFailingValues;
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

    /** The plan as the scan's tasks read it: sent to the executors once (a referenced column's values may be many). */
    public org.apache.spark.broadcast.Broadcast<QualityPlan> shared(Dataset<Row> data) {
        return org.apache.spark.api.java.JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext()).broadcast(this);
    }

    /** The values a unique column may hold on this side, at most (sizes its duplicate filter). */
    public long expectedValues() {
        return expectedValues;
    }

    /**
     * The plan of one side's scan.
     *
     * @param referenced per exists_in constraint, its referenced column's values when few enough to check in the
     *                   scan ({@link ReferencedValues}); one absent here is measured by {@link KeyedQuality}
     * @param failing    per unique or exists_in constraint, failing values found by an earlier pass, to count
     *                   the rows failing any constraint (a recount: unique reads these instead of a filter)
     */
    public static QualityPlan of(List<QualityRule> rules, Dataset<Row> data, Map<String, Set<UTF8String>> referenced,
                                 Map<String, Set<UTF8String>> failing) {
        Map<String, Integer> fields = new LinkedHashMap<>();
        List<Column> columns = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (QualityRule rule : rules) {
            entries.add(entry(rule, data, referenced, failing, fields, columns));
        }
        return new QualityPlan(entries, columns, expectedRows(data),
            QualityMeasurement.setting(data, KEPT_FAILING_VALUES, FailingValues.LIMIT));
    }

    /**
     * A generous estimate of the side's rows before it is read, from its size on disk (a value takes at least
     * about two bytes in any format): what a duplicate filter is sized for.
     */
    static long expectedRows(Dataset<Row> data) {
        try {
            java.math.BigInteger bytes = data.queryExecution().optimizedPlan().stats().sizeInBytes().bigInteger();
            long perRow = 2L * Math.max(1, data.columns().length);
            return bytes.divide(java.math.BigInteger.valueOf(perRow)).min(java.math.BigInteger.valueOf(1L << 34)).longValue();
        } catch (RuntimeException e) {
            return 1L << 24;
        }
    }

    private static Entry entry(QualityRule rule, Dataset<Row> data, Map<String, Set<UTF8String>> referenced,
                               Map<String, Set<UTF8String>> failing, Map<String, Integer> fields, List<Column> columns) {
        if (rule instanceof ConditionRule c) {
            return condition(c, data, fields, columns);
        }
        DataType type = typeOf(data, rule.column());
        if (type == null) {
            return Entry.error(rule, null, "column '" + rule.column() + "' is not in the data");
        }
        Column named = SchemaColumns.named(rule.column());
        if (rule instanceof ValueRule v && v.test().reads() == ValueTest.Reads.NUMBER) {
            if (type instanceof StringType) {
                return Entry.of(rule, Read.MISTYPED, textField(rule.column(), type, fields, columns), null, 's', null, type, null);
            }
            if (!(type instanceof NumericType)) {
                return Entry.error(rule, type, "column '" + rule.column() + "' is " + type.simpleString() + ", not a number");
            }
            return Entry.of(rule, Read.NUMBER, field("n:" + rule.column(), named.cast("double"), fields, columns), v.test(), 'd', null,
                type, null);
        }
        if (rule instanceof ValueRule v) {
            return Entry.of(rule, Read.TEXT, textField(rule.column(), type, fields, columns), v.test(), 's', null, type, null);
        }
        if (rule instanceof FreshnessRule) {
            Column micros = type instanceof StringType ? functions.unix_micros(functions.try_to_timestamp(named))
                : type instanceof DateType || type instanceof TimestampType || type instanceof TimestampNTZType
                ? functions.unix_micros(named.cast("timestamp")) : null;
            if (micros == null) {
                return Entry.error(rule, type, "column '" + rule.column() + "' is " + type.simpleString() + ", not a date or timestamp");
            }
            return Entry.of(rule, Read.LATEST, field("m:" + rule.column(), micros, fields, columns), null, 'l', null, type, null);
        }
        Set<UTF8String> known = failing.get(rule.name());
        if (known != null) {
            return Entry.of(rule, Read.MEMBER, textField(rule.column(), type, fields, columns), null, 's', known, type, null);
        }
        if (rule instanceof ExistsInRule) {
            Set<UTF8String> values = referenced.get(rule.name());
            return values == null ? Entry.none(rule, type)
                : Entry.of(rule, Read.TEXT, textField(rule.column(), type, fields, columns), new MemberTest(values), 's', null, type, null);
        }
        if (rule instanceof UniqueRule) {
            boolean integer = SchemaColumns.isInteger(data, rule.column());
            if (integer) {
                return Entry.of(rule, Read.UNIQUE, field("l:" + rule.column(), named.cast("long"), fields, columns), null, 'l', null, type, null);
            }
            if (type instanceof NumericType && !(type instanceof org.apache.spark.sql.types.DecimalType)) {
                return Entry.of(rule, Read.UNIQUE, field("n:" + rule.column(), named.cast("double"), fields, columns), null, 'd', null, type,
                    null);
            }
            return Entry.of(rule, Read.UNIQUE, textField(rule.column(), type, fields, columns), null, 's', null, type, null);
        }
        return Entry.none(rule, type);
    }

    private static Entry condition(ConditionRule c, Dataset<Row> data, Map<String, Integer> fields, List<Column> columns) {
        ConditionRule.Resolved resolved;
        try {
            resolved = ConditionRule.resolve(c.expression(), data);
        } catch (IllegalArgumentException e) {
            return Entry.error(c, DataTypes.BooleanType, e.getMessage());
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
        return new Entry(c, Read.CONDITION, f, null, 's', resolved.columns(), sampleFields, sampleTypes, null, DataTypes.BooleanType, null);
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
