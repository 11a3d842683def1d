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

    static Column named(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }
}
