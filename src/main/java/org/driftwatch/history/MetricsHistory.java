package org.driftwatch.history;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.driftwatch.judge.PastNights;
import org.driftwatch.report.DriftReport;
import org.driftwatch.report.Trends;

/**
 * The metrics history: a Parquet dataset written through Spark under {@code <reports>/_history/}, one
 * folder per monitor and date ({@code monitor=M/date=D/}, Hive-style partitions any SQL engine reads). A
 * run writes its rows into a hidden folder beside its partition and then swaps it in, so a rerun of a date
 * replaces that date's rows (no duplicates, no loss), and monitors writing at the same time touch only
 * their own folders.
 */
public final class MetricsHistory {
    public static final StructType SCHEMA = new StructType()
        .add("column", DataTypes.StringType, false)
        .add("metric", DataTypes.StringType, false)
        .add("value", DataTypes.DoubleType, true)
        .add("text", DataTypes.StringType, true);
    private final SparkSession spark;
    private final String root;

    public MetricsHistory(SparkSession spark, String reportRoot) {
        this.spark = spark;
        this.root = reportRoot.replaceAll("/+$", "") + "/_history";
    }

    public String location() {
        return root;
    }

    /** Replaces the rows of one monitor and date. */
    public void write(String monitor, String date, List<HistoryRow> rows) {
        List<Row> data = new ArrayList<>();
        for (HistoryRow r : rows) {
            data.add(RowFactory.create(r.column(), r.metric(), r.value(), r.text()));
        }
        String partition = root + "/monitor=" + monitor + "/date=" + date;
        String staging = root + "/monitor=" + monitor + "/_staging-" + date + "-" + java.util.UUID.randomUUID();
        spark.createDataFrame(data, SCHEMA).coalesce(1).write().parquet(staging);
        try {
            org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(partition);
            FileSystem fs = target.getFileSystem(hadoopConf());
            if (fs.exists(target) && !fs.delete(target, true)) {
                throw new IOException("cannot replace " + partition);
            }
            if (!fs.rename(new org.apache.hadoop.fs.Path(staging), target)) {
                throw new IOException("cannot move " + staging + " to " + partition);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metrics history at " + partition + ": " + e.getMessage(), e);
        }
    }

    /** Every row of a monitor with its date, or null when there is no history yet. */
    public Dataset<Row> read(String monitor) {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(root + "/monitor=" + monitor);
        try {
            if (!dir.getFileSystem(hadoopConf()).exists(dir)) {
                return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the metrics history at " + dir + ": " + e.getMessage(), e);
        }
        return spark.read().option("basePath", root).schema(SCHEMA.add("monitor", DataTypes.StringType).add("date", DataTypes.StringType))
            .parquet(dir.toString()).where(col("monitor").equalTo(monitor));
    }

    /** The run rows of the nights before {@code tonight}, for look-back rules. */
    public PastNights pastNights(String monitor, LocalDate tonight) {
        Dataset<Row> all = read(monitor);
        if (all == null) {
            return PastNights.NONE;
        }
        List<Row> runs = all.where(col("column").equalTo(HistoryRow.RUN).and(col("metric").isin("breached", "verdict"))
            .and(col("date").lt(tonight.toString()))).select("date", "metric", "value", "text").collectAsList();
        TreeMap<String, boolean[]> nights = new TreeMap<>();
        for (Row r : runs) {
            boolean[] n = nights.computeIfAbsent(r.getString(0), d -> new boolean[2]);
            if (r.getString(1).equals("breached")) {
                n[0] = !r.isNullAt(2) && r.getDouble(2) > 0;
            } else {
                n[1] = "retrain".equals(r.getString(3));
            }
        }
        List<PastNights.Night> out = new ArrayList<>();
        nights.forEach((d, n) -> out.add(new PastNights.Night(LocalDate.parse(d), n[0], n[1])));
        return new PastNights(out);
    }

    /**
     * The last {@link Trends#RUNS} runs before {@code tonight} (PSI and drift score per column, verdicts),
     * with tonight's report appended: what the report's sparklines and verdict row show.
     */
    public Trends trends(DriftReport tonight) {
        Dataset<Row> all = read(tonight.monitor());
        Map<String, TreeMap<String, Double[]>> byColumn = new LinkedHashMap<>();
        TreeMap<String, String> verdicts = new TreeMap<>();
        if (all != null) {
            List<String> dates = all.where(col("date").lt(tonight.date())).select("date").distinct().orderBy(col("date").desc())
                .limit(Trends.RUNS).collectAsList().stream().map(r -> r.getString(0)).toList();
            if (!dates.isEmpty()) {
                List<Row> rows = all.where(col("date").isin(dates.toArray()).and(col("metric").isin("psi", "drift_score", "verdict")))
                    .select("date", "column", "metric", "value", "text").collectAsList();
                for (Row r : rows) {
                    if (r.getString(2).equals("verdict")) {
                        verdicts.put(r.getString(0), r.getString(4));
                    } else if (!r.isNullAt(3)) {
                        Double[] p = byColumn.computeIfAbsent(r.getString(1), c -> new TreeMap<>())
                            .computeIfAbsent(r.getString(0), d -> new Double[2]);
                        p[r.getString(2).equals("psi") ? 0 : 1] = r.getDouble(3);
                    }
                }
            }
        }
        Map<String, List<Trends.Point>> columns = new LinkedHashMap<>();
        for (var c : tonight.comparison().allColumns()) {
            List<Trends.Point> points = new ArrayList<>();
            byColumn.getOrDefault(c.name(), new TreeMap<>()).forEach((d, p) -> points.add(new Trends.Point(d, p[0], p[1])));
            points.add(new Trends.Point(tonight.date(), c.psi(), c.drift() == null ? null : c.drift().score()));
            columns.put(c.name(), points);
        }
        verdicts.put(tonight.date(), tonight.decision().verdict().json());
        List<Trends.Night> nights = new ArrayList<>();
        verdicts.forEach((d, v) -> nights.add(new Trends.Night(d, v)));
        return new Trends(columns, nights.subList(Math.max(0, nights.size() - Trends.NIGHTS), nights.size()));
    }

    private Configuration hadoopConf() {
        return spark.sparkContext().hadoopConfiguration();
    }
}
