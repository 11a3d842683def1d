package org.driftwatch.history;

import static org.apache.spark.sql.functions.col;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * The history as a Parquet folder ({@code <reports>/_history/monitor=M/date=D/}, Hive-style partitions any
 * SQL engine reads). A run writes its rows into a hidden folder beside its partition and then swaps it in,
 * so readers never see half a night, and monitors writing at the same time touch only their own folders.
 */
final class FolderStore implements HistoryStore {
    private final SparkSession spark;
    private final String root;

    FolderStore(SparkSession spark, String reportRoot) {
        this.spark = spark;
        this.root = reportRoot.replaceAll("/+$", "") + "/_history";
    }

    @Override
    public String location() {
        return root;
    }

    @Override
    public void write(String monitor, String date, Dataset<Row> rows) {
        String partition = root + "/monitor=" + monitor + "/date=" + date;
        String staging = root + "/monitor=" + monitor + "/_staging-" + date + "-" + UUID.randomUUID();
        rows.coalesce(1).write().parquet(staging);
        try {
            Path target = new Path(partition);
            FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.exists(target) && !fs.delete(target, true)) {
                throw new IOException("cannot replace " + partition);
            }
            if (!fs.rename(new Path(staging), target)) {
                throw new IOException("cannot move " + staging + " to " + partition);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metrics history at " + partition + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean drop(String monitor, String date) {
        Path night = new Path(root + "/monitor=" + monitor + "/date=" + date);
        try {
            FileSystem fs = night.getFileSystem(spark.sparkContext().hadoopConfiguration());
            return fs.exists(night) && fs.delete(night, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + night + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> dates(String monitor) {
        Path dir = new Path(root + "/monitor=" + monitor);
        List<String> out = new ArrayList<>();
        try {
            FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
            for (FileStatus s : fs.listStatus(dir)) {
                String name = s.getPath().getName();
                if (s.isDirectory() && name.startsWith("date=")) {
                    out.add(name.substring("date=".length()));
                }
            }
        } catch (FileNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the metrics history at " + dir + ": " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }

    @Override
    public Dataset<Row> read(String monitor, List<String> dates) {
        List<String> present = dates(monitor);
        List<String> wanted = dates == null ? present : present.stream().filter(dates::contains).toList();
        if (wanted.isEmpty()) {
            return null;
        }
        String[] paths = wanted.stream().map(d -> root + "/monitor=" + monitor + "/date=" + d).toArray(String[]::new);
        return spark.read().option("basePath", root)
            .schema(SCHEMA.add("monitor", DataTypes.StringType).add("date", DataTypes.StringType))
            .parquet(paths).where(col("monitor").equalTo(monitor)).select("date", "column", "metric", "value", "text");
    }
}
