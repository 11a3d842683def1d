package org.driftwatch.data;

import java.io.File;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.driftwatch.rules.DataSource;

/**
 * Opens a dataset described by the rules as a Spark DataFrame: Parquet, CSV (header, RFC 4180
 * quoting, UTF-8, empty field = null), JSON lines, ORC or a catalog table. Nothing is read yet
 * except what Spark needs for the schema.
 */
public final class DatasetReader {
    private final SparkSession spark;

    public DatasetReader(SparkSession spark) {
        this.spark = spark;
    }

    public Dataset<Row> open(String role, DataSource source) {
        if ("delta".equals(source.format()) && !Lakehouse.delta()) {
            throw new DataException(role + " data " + source.describe() + ": " + Lakehouse.missing("Delta Lake", Lakehouse.DELTA_PACKAGE));
        }
        try {
            Dataset<Row> data;
            if (source.table() != null) {
                DataFrameReader reader = spark.read().options(source.options());
                if (source.asOf() != null) {
                    reader = reader.option(source.asOf().option(), source.asOf().value());   // Delta and Iceberg both read these
                }
                data = reader.table(source.table());
            } else {
                checkLocalPathExists(role, source.path());
                DataFrameReader reader = spark.read().format(source.format()).options(defaults(source));
                if (source.asOf() != null) {
                    reader = reader.option(source.asOf().option(), source.asOf().value());
                }
                data = reader.load(source.path());
                if (data.schema().fields().length == 0) {
                    // an empty file: bad data, not a rule-file mistake about missing columns
                    throw new DataException(role + " data " + source.describe() + ": no columns (the file is empty)");
                }
            }
            // the predicate Spark pushes into the scan: a partitioned table or folder reads only the partitions it names
            return source.where() == null ? data : data.where(org.apache.spark.sql.functions.expr(source.where()));
        } catch (DataException e) {
            throw e;
        } catch (Exception e) {
            String why = ReadErrors.describe(e);
            String tooWide = tooManyColumns(e, source);
            if (tooWide != null) {
                throw new DataException(role + " data " + source.describe() + ": " + tooWide);
            }
            if (why.startsWith("Unable to infer schema")) {
                // Spark's words for a folder without data files (only markers, hidden files, or nothing)
                throw new DataException(role + " data " + source.describe() + ": no data files under " + source.path());
            }
            throw new DataException(role + " data " + source.describe() + ": " + why);
        }
    }

    /**
     * The CSV parser's column limit (Spark's {@code maxColumns}, 20,480) shows as a bare "Index 20480 out of
     * bounds": say what it is and how to raise it.
     */
    private static String tooManyColumns(Throwable e, DataSource source) {
        if (!"csv".equals(source.format())) {
            return null;
        }
        String limit = source.options().entrySet().stream().filter(o -> o.getKey().equalsIgnoreCase("maxColumns")).map(Map.Entry::getValue)
            .findFirst().orElse("20480");   // Spark's options ignore case
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).startsWith("Index " + limit.strip() + " out of bounds")) {
                return "a line has more than " + limit + " columns, the CSV reader's limit (Spark option maxColumns); check the delimiter,"
                    + " or raise the limit with options: {maxColumns: \"100000\"}";
            }
        }
        return null;
    }

    private static Map<String, String> defaults(DataSource source) {
        Map<String, String> o = new HashMap<>();
        if (source.format().equals("csv")) {
            o.put("header", "true");
            o.put("inferSchema", "true");
            o.put("encoding", "UTF-8");
            o.put("multiLine", "true");
            o.put("escape", "\"");
            o.put("mode", "FAILFAST");
        } else if (source.format().equals("json")) {
            o.put("mode", "FAILFAST");
        }
        o.putAll(source.options());
        return o;
    }

    /** A local path (no scheme, or file:) that does not exist is "role data not found: path"; others are left to Spark. */
    public static void checkLocalPathExists(String role, String path) {
        URI uri;
        try {
            uri = new URI(path.replace(" ", "%20"));
        } catch (Exception e) {
            uri = null;
        }
        boolean local = uri == null || uri.getScheme() == null || uri.getScheme().equals("file");
        if (!local || path.contains("*") || path.contains("?")) {
            return;
        }
        File f = uri != null && "file".equals(uri.getScheme()) ? new File(uri.getPath()) : new File(path);
        if (!f.exists()) {
            throw new DataException(role + " data not found: " + path);
        }
        String[] names = f.isDirectory() ? f.list() : null;
        if (names != null && java.util.Arrays.stream(names).allMatch(n -> n.startsWith("_") || n.startsWith("."))) {
            throw new DataException(role + " data " + path + ": no data files under " + path);
        }
    }

    /** The first line of an exception's message, without Spark's stack-trace noise. */
    public static String firstLine(Throwable e) {
        Throwable t = e;
        String msg = t.getMessage();
        while ((msg == null || msg.isBlank()) && t.getCause() != null) {
            t = t.getCause();
            msg = t.getMessage();
        }
        if (msg == null) {
            return e.getClass().getSimpleName();
        }
        return msg.strip().split("\n")[0];
    }
}
