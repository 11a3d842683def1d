package org.driftwatch.data;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;

/**
 * The one home of schema questions the profiler asks (is a column there, numeric, an integer, the same
 * type on both sides) and of column references that survive any name: spaces, dots, parentheses and
 * backticks.
 */
public final class SchemaColumns {
    private SchemaColumns() {
    }

    public static boolean has(Dataset<?> data, String name) {
        return type(data, name).isPresent();
    }

    public static boolean isNumeric(Dataset<?> data, String name) {
        return type(data, name).map(t -> t instanceof NumericType).orElse(false);
    }

    public static boolean isInteger(Dataset<?> data, String name) {
        return type(data, name).map(t -> t instanceof LongType || t instanceof IntegerType || t instanceof ShortType
            || t instanceof ByteType).orElse(false);
    }

    /** Whether the column has the same Spark type on both sides. */
    public static boolean sameType(Dataset<?> a, Dataset<?> b, String name) {
        return type(a, name).map(DataType::sql).equals(type(b, name).map(DataType::sql));
    }

    /** The columns of the list that the data has, in list order. */
    public static List<String> present(Dataset<?> data, List<String> columns) {
        return columns.stream().filter(c -> has(data, c)).toList();
    }

    public static Column named(String name) {
        return functions.col(quoted(name));
    }

    /** The name as a column reference that survives dots, spaces and backticks. */
    public static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** The value as double when it is finite, else null: what every statistic sees. */
    public static Column finite(String name) {
        Column x = named(name).cast("double");
        Column ok = x.isNotNull().and(functions.not(functions.isnan(x)))
            .and(x.notEqual(functions.lit(Double.POSITIVE_INFINITY))).and(x.notEqual(functions.lit(Double.NEGATIVE_INFINITY)));
        return functions.when(ok, x);
    }

    private static Optional<DataType> type(Dataset<?> data, String name) {
        for (StructField f : data.schema().fields()) {
            if (f.name().equals(name)) {
                return Optional.of(f.dataType());
            }
        }
        return Optional.empty();
    }
}
