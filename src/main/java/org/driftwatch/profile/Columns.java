package org.driftwatch.profile;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/** Column references that survive any name: spaces, dots, parentheses and backticks. */
final class Columns {
    private Columns() {
    }

    /** The value as double when it is finite, else null: what every statistic sees. */
    static Column finite(String name) {
        Column x = named(name).cast("double");
        Column ok = x.isNotNull().and(functions.not(functions.isnan(x)))
            .and(x.notEqual(functions.lit(Double.POSITIVE_INFINITY))).and(x.notEqual(functions.lit(Double.NEGATIVE_INFINITY)));
        return functions.when(ok, x);
    }

    /** Whether the column has the same Spark type on both sides. */
    static boolean sameType(org.apache.spark.sql.Dataset<?> a, org.apache.spark.sql.Dataset<?> b, String name) {
        return type(a, name).equals(type(b, name));
    }

    private static String type(org.apache.spark.sql.Dataset<?> data, String name) {
        for (org.apache.spark.sql.types.StructField f : data.schema().fields()) {
            if (f.name().equals(name)) {
                return f.dataType().sql();
            }
        }
        return "";
    }

    static Column named(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }
}
