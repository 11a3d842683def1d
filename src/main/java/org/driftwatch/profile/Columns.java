package org.driftwatch.profile;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/** Column references that survive any name: spaces, dots, parentheses and backticks. */
final class Columns {
    private Columns() {
    }

    static Column named(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }
}
