package org.driftwatch.data;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.driftwatch.rules.DataSource;

/**
 * The version of a Delta or Iceberg table a read sees — Delta's version number, Iceberg's snapshot id — so
 * report.json and a saved profile can say which state of the table was compared. Read through Spark SQL
 * (Delta's {@code DESCRIBE HISTORY}, Iceberg's {@code snapshots} and {@code history} metadata tables), so
 * neither format's classes are needed to compile or to run without them.
 */
public final class TableVersions {
    private TableVersions() {
    }

    /** "delta version 12", "iceberg snapshot 6166257631871237971"; null for files and tables of other formats. */
    public static String resolve(SparkSession spark, String role, DataSource source) {
        if (source == null || !source.hasData()) {
            return null;
        }
        String provider = provider(spark, source);
        try {
            if ("delta".equals(provider)) {
                return "delta version " + delta(spark, source);
            }
            if ("iceberg".equals(provider)) {
                return "iceberg snapshot " + iceberg(spark, source);
            }
        } catch (DataException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DataException(role + " data " + source.describe() + ": " + DatasetReader.firstLine(e));
        }
        return null;
    }

    /** The table format: {@code format: delta} for a path, the catalog's "Provider" for a table. */
    private static String provider(SparkSession spark, DataSource source) {
        if (source.table() == null) {
            return source.format();
        }
        try {
            for (Row r : spark.sql("DESCRIBE TABLE EXTENDED " + quoted(source.table())).collectAsList()) {
                if ("Provider".equals(r.getString(0))) {
                    return r.getString(1) == null ? null : r.getString(1).strip().toLowerCase(java.util.Locale.ROOT);
                }
            }
        } catch (RuntimeException e) {
            return null;   // the read itself says what is wrong with the table
        }
        return null;
    }

    private static long delta(SparkSession spark, DataSource source) {
        String id = source.table() != null ? quoted(source.table()) : "delta.`" + qualified(spark, source.path()).replace("`", "``") + "`";
        List<Row> history = spark.sql("DESCRIBE HISTORY " + id).select("version", "timestamp").collectAsList();
        return pick(source, history.stream().map(r -> new Commit(r.getLong(0), r.getTimestamp(1).toInstant())).toList(), "version");
    }

    private static long iceberg(SparkSession spark, DataSource source) {
        String id = quoted(source.table());
        if (source.asOf() == null) {
            // the current snapshot: the last one made current among the table's current ancestors (a rollback included)
            List<Row> current = spark.sql("SELECT snapshot_id FROM " + id + ".history WHERE is_current_ancestor ORDER BY made_current_at DESC LIMIT 1")
                .collectAsList();
            if (current.isEmpty()) {
                throw new DataException("table " + source.table() + " has no snapshot yet (no data was ever committed)");
            }
            return current.get(0).getLong(0);
        }
        List<Row> snapshots = spark.sql("SELECT snapshot_id, committed_at FROM " + id + ".snapshots").collectAsList();
        return pick(source, snapshots.stream().map(r -> new Commit(r.getLong(0), r.getTimestamp(1).toInstant())).toList(), "snapshot");
    }

    private record Commit(long version, Instant at) {
    }

    /** The commit a read with the source's as_of sees: that version, or the last commit at or before the instant; else the latest. */
    private static long pick(DataSource source, List<Commit> commits, String word) {
        if (commits.isEmpty()) {
            throw new DataException("table " + source.describe() + " has no commits");
        }
        if (source.asOf() == null) {
            return commits.stream().max(java.util.Comparator.comparing(Commit::at).thenComparing(Commit::version)).orElseThrow().version();
        }
        if (source.asOf().version() != null) {
            long v = source.asOf().version();
            if (commits.stream().noneMatch(c -> c.version() == v)) {
                throw new DataException(source.describe() + ": there is no " + word + " " + v + " (the table has "
                    + commits.size() + " " + word + "s, the first " + commits.stream().min(java.util.Comparator.comparing(Commit::at)).orElseThrow()
                    .version() + ", the last " + pick(new DataSource(source.path(), source.table(), source.format(), source.options()), commits, word) + ")");
            }
            return v;
        }
        Instant at = OffsetDateTime.parse(source.asOf().timestamp()).toInstant();
        return commits.stream().filter(c -> !c.at().isAfter(at)).max(java.util.Comparator.comparing(Commit::at).thenComparing(Commit::version))
            .orElseThrow(() -> new DataException(source.describe() + ": the table's first commit is at "
                + commits.stream().map(Commit::at).min(Instant::compareTo).orElseThrow() + ", after " + source.asOf().timestamp()))
            .version();
    }

    /** A path as Delta's path identifiers want it: absolute, with its scheme (a relative one is no table to them). */
    private static String qualified(SparkSession spark, String path) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
            return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(p).toString();
        } catch (java.io.IOException e) {
            return path;
        }
    }

    /** A table name as SQL text: each part back-quoted. */
    static String quoted(String table) {
        return java.util.Arrays.stream(table.split("\\.")).map(p -> "`" + p.replace("`", "``") + "`")
            .collect(java.util.stream.Collectors.joining("."));
    }

    /** A fingerprint of the version a read sees, in place of a file listing (Iceberg lists no input files to Spark). */
    public static String fingerprint(String version) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(version.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
