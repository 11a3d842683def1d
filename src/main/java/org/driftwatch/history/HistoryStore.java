package org.driftwatch.history;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Where the history's rows live: a Parquet folder ({@link FolderStore}) or a catalog table
 * ({@link TableStore}). Both keep the same schema, partitioned by monitor and date, and both replace a
 * (monitor, date) as a whole, so a rerun leaves no duplicates and concurrent monitors touch only their own.
 */
interface HistoryStore {
    /** The stored columns besides the partitions (monitor, date), in this order. */
    StructType SCHEMA = new StructType()
        .add("column", DataTypes.StringType, false)
        .add("metric", DataTypes.StringType, false)
        .add("value", DataTypes.DoubleType, true)
        .add("text", DataTypes.StringType, true);

    String location();

    /** Replaces every row of one monitor and date with {@code rows} (columns as {@link #SCHEMA}). */
    void write(String monitor, String date, Dataset<Row> rows);

    /** The dates a monitor has rows for, oldest first. */
    List<String> dates(String monitor);

    /** Removes every row of one monitor and date; false when it had none. */
    boolean drop(String monitor, String date);

    /** A monitor's rows of these dates (all dates when null), with columns date, column, metric, value, text; null when none. */
    Dataset<Row> read(String monitor, List<String> dates);
}
