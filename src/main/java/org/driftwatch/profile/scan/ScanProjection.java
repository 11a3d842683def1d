package org.driftwatch.profile.scan;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.driftwatch.data.SchemaColumns;

/**
 * The scans' row layout: numeric columns as double, categorical as string, then the id — as long when
 * it is an integer (for the id bitmap), else as "is not null".
 */
public final class ScanProjection {
    private ScanProjection() {
    }

    public static Dataset<Row> of(Dataset<Row> data, List<String> numeric, List<String> categorical, List<String> others,
                           boolean integerId) {
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
        return data.select(cols.toArray(Column[]::new));
    }
}
