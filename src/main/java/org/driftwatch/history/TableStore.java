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
 * Delta, whatever the session's catalogs hold. Created when missing, partitioned by monitor and date, in
 * {@code history.format} (Parquet unless it says delta or iceberg); a table that exists is written in its own
 * format. A night replaces only its (monitor, date): a Parquet or Hive table by one {@code INSERT OVERWRITE}
 * in dynamic partition mode; a Delta or Iceberg table by the format's own atomic overwrite of the rows
 * matching {@code monitor = m AND date = d}, retried when a concurrent commit conflicts, and read back so a
 * night is never lost.
 */
final class TableStore implements HistoryStore {
    /** Commits tried before a conflict is the run's failure (exit 6): two monitors at once rarely need a second. */
    static final int ATTEMPTS = 8;

    private final SparkSession spark;
    private final String table;
    private final String name;
    private final String format;

    TableStore(SparkSession spark, String table, String format) {
        this.spark = spark;
        this.name = table;
        this.format = format;
        // validated as plain identifiers (HistorySettings.isTableName); quoted all the same wherever it meets SQL text
        this.table = java.util.Arrays.stream(table.split("\\.")).map(part -> "`" + part.replace("`", "``") + "`")
            .collect(java.util.stream.Collectors.joining("."));
    }

    TableStore(SparkSession spark, String table) {
        this(spark, table, "parquet");
    }

    @Override
    public String location() {
        return "table " + name;
    }

    @Override
    public void write(String monitor, String date, Dataset<Row> rows) {
        for (int attempt = 1; ; attempt++) {
            try {
                spark.sql("CREATE TABLE IF NOT EXISTS " + table + " (`column` STRING, metric STRING, value DOUBLE, text STRING,"
                    + " monitor STRING, `date` STRING) USING " + format + " PARTITIONED BY (monitor, `date`)");
                Dataset<Row> night = rows.withColumn("monitor", lit(monitor)).withColumn("date", lit(date))
                    .select("column", "metric", "value", "text", "monitor", "date");
                if (transactional()) {
                    try {
                        night.writeTo(table).overwrite(col("monitor").equalTo(monitor).and(col("date").equalTo(date)));
                    } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
                        throw new IllegalStateException("concurrent commit: table " + name + " vanished while writing", e);
                    }
                    long expected = rows.count();
                    // read back as rows, not count(): Delta answers a count from its file statistics, rebuilding its state (seconds)
                    long landed = spark.table(table).where(col("monitor").equalTo(monitor).and(col("date").equalTo(date))).select("metric")
                        .collectAsList().size();
                    if (landed != expected) {
                        throw new IllegalStateException("concurrent commit: " + landed + " of " + expected + " rows of " + date + " found after the write");
                    }
                } else {
                    insertOverwrite(night);
                }
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !conflict(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /** Whether the table is Delta or Iceberg, whose writes are atomic commits that may conflict. */
    private boolean transactional() {
        for (Row r : spark.sql("DESCRIBE TABLE EXTENDED " + table).collectAsList()) {
            if ("Provider".equals(r.getString(0)) && r.getString(1) != null) {
                String provider = r.getString(1).strip().toLowerCase(java.util.Locale.ROOT);
                return provider.equals("delta") || provider.equals("iceberg");
            }
        }
        return false;
    }

    private void insertOverwrite(Dataset<Row> night) {
        // Dynamic mode: overwrite only the partitions this night's rows fall in.
        spark.conf().set("spark.sql.sources.partitionOverwriteMode", "dynamic");
        spark.conf().set("hive.exec.dynamic.partition.mode", "nonstrict");
        String view = "driftwatch_history_" + UUID.randomUUID().toString().replace("-", "");
        night.createOrReplaceTempView(view);
        try {
            spark.sql("INSERT OVERWRITE TABLE " + table + " PARTITION (monitor, `date`) SELECT `column`, metric, value, text, monitor, `date` FROM "
                + view);
        } finally {
            spark.catalog().dropTempView(view);
        }
    }

    /**
     * A commit that lost a race with another writer: Delta's Concurrent*Exception and changed protocol or
     * metadata, Iceberg's CommitFailedException and conflict validation, a table created at the same moment
     * (Delta finds the other writer's folder not yet a table), or rows missing after the write.
     */
    static boolean conflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String n = t.getClass().getName();
            String m = String.valueOf(t.getMessage());
            if (n.contains("Concurrent") || n.contains("CommitFailed") || n.contains("ProtocolChanged") || n.contains("MetadataChanged")
                || n.contains("AlreadyExists") || n.endsWith("ValidationException") || m.startsWith("concurrent commit:")
                || m.contains("DELTA_CONCURRENT") || m.contains("conflicting") || m.contains("NON_EMPTY_LOCATION")) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt + java.util.concurrent.ThreadLocalRandom.current().nextLong(100));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying the history write", e);
        }
    }

    @Override
    public boolean drop(String monitor, String date) {
        if (!spark.catalog().tableExists(table) || !dates(monitor).contains(date)) {
            return false;
        }
        // monitor and date are validated names and YYYY-MM-DD; quoted as SQL literals all the same
        if (transactional()) {
            spark.sql("DELETE FROM " + table + " WHERE monitor = " + literal(monitor) + " AND `date` = " + literal(date));
        } else {
            spark.sql("ALTER TABLE " + table + " DROP IF EXISTS PARTITION (monitor = " + literal(monitor) + ", `date` = " + literal(date) + ")");
        }
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
