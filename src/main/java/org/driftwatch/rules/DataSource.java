package org.driftwatch.rules;

import java.util.Map;

/**
 * Where a dataset lives: a path (file, folder or URI such as {@code s3a://}) with a format, or a Spark
 * table name. {@code {date}} in the path is filled in from the run date.
 */
public record DataSource(String path, String table, String format, Map<String, String> options, String profile)
    implements java.io.Serializable {
    public static final java.util.List<String> FORMATS = java.util.List.of("parquet", "csv", "json", "orc");

    public DataSource {
        options = Map.copyOf(options);
    }

    public DataSource(String path, String table, String format, Map<String, String> options) {
        this(path, table, format, options, null);
    }

    public DataSource withDate(String date) {
        return path == null ? this : new DataSource(path.replace("{date}", date), table, format, options, profile);
    }

    public DataSource withPath(String newPath, String newFormat) {
        return new DataSource(newPath, null, newFormat != null ? newFormat : format, options, profile);
    }

    /** Whether there is data to read (a reference may be given as a saved profile only). */
    public boolean hasData() {
        return path != null || table != null;
    }

    /** What to call it in messages. */
    public String describe() {
        return table != null ? "table " + table : path != null ? path : "profile " + profile;
    }
}
