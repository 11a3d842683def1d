package org.driftwatch.history;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The history as a Spark catalog table ({@code history.table}, {@code --history-table}): Hive, Iceberg or
 * Delta, whatever the session's catalogs hold. Created as a Parquet table partitioned by monitor and date
 * when missing (create it beforehand for another format, with the same columns). A night is written by
 * one {@code INSERT OVERWRITE} in dynamic partition mode, which replaces only the (monitor, date)
 * written: a rerun replaces its date, and monitors writing at the same time keep each other's rows.
 */
final class TableStore implements HistoryStore {
    private final SparkSession spark;
    private final String table;
    private final String name;

    TableStore(SparkSession spark, String table) {
        this.spark = spark;
        this.name = table;
        // validated as plain identifiers (HistorySettings.isTableName); quoted all the same wherever it meets SQL text
        this.table = java.util.Arrays.stream(table.split("\\.")).map(part -> "`" + part.replace("`", "``") + "`")
            .collect(java.util.stream.Collectors.joining("."));
    }

    @Override
    public String location() {
        return "table " + name;
    }

    @Override
    public void write(String monitor, String date, Dataset<Row> rows) {
        spark.sql("CREATE TABLE IF NOT EXISTS " + table + " (`column` STRING, metric STRING, value DOUBLE, text STRING,"
            + " monitor STRING, `date` STRING) USING parquet PARTITIONED BY (monitor, `date`)");
        // Dynamic mode: overwrite only the partitions this night's rows fall in (Spark, Hive, Delta and Iceberg agree).
        spark.conf().set("spark.sql.sources.partitionOverwriteMode", "dynamic");
        spark.conf().set("hive.exec.dynamic.partition.mode", "nonstrict");
        String view = "driftwatch_history_" + UUID.randomUUID().toString().replace("-", "");
        rows.withColumn("monitor", lit(monitor)).withColumn("date", lit(date)).createOrReplaceTempView(view);
        try {
            spark.sql("INSERT OVERWRITE TABLE " + table + " PARTITION (monitor, `date`) SELECT `column`, metric, value, text, monitor, `date` FROM "
                + view);
        } finally {
            spark.catalog().dropTempView(view);
        }
    }

    @Override
    public boolean drop(String monitor, String date) {
        if (!spark.catalog().tableExists(table) || !dates(monitor).contains(date)) {
            return false;
        }
        // monitor and date are validated names and YYYY-MM-DD; quoted as SQL literals all the same
        spark.sql("ALTER TABLE " + table + " DROP IF EXISTS PARTITION (monitor = " + literal(monitor) + ", `date` = " + literal(date) + ")");
        return true;
    }

    private static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Override
    public List<String> dates(String monitor) {
        if (!spark.catalog().tableExists(table)) {
            return List.of();
        }
        return spark.table(table).where(col("monitor").equalTo(monitor)).select("date").distinct().orderBy("date")
            .collectAsList().stream().map(r -> r.getString(0)).toList();
    }

    @Override
    public Dataset<Row> read(String monitor, List<String> dates) {
        if (!spark.catalog().tableExists(table)) {
            return null;
        }
        Dataset<Row> rows = spark.table(table).where(col("monitor").equalTo(monitor));
        if (dates != null) {
            if (dates.isEmpty()) {
                return null;
            }
            rows = rows.where(col("date").isin(dates.toArray()));
        }
        return rows.select("date", "column", "metric", "value", "text");
    }
}
