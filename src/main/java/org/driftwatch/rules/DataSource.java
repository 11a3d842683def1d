package org.driftwatch.rules;

import java.util.Map;

/**
 * Where a dataset lives: a path (file, folder or URI such as {@code s3a://}) with a format, or a Spark
 * table name; optionally a Spark SQL predicate ({@code where}, so a nightly run reads one partition) and,
 * for a Delta or Iceberg table, the version it is read at ({@code asOf}: time travel). {@code {date}} in
 * the path and the predicate is filled in from the run date.
 */
public record DataSource(String path, String table, String format, Map<String, String> options, String profile, String where,
                         AsOf asOf) implements java.io.Serializable {
    /** File formats a path may have; {@code delta} reads a Delta Lake table by its path. */
    public static final java.util.List<String> FORMATS = java.util.List.of("parquet", "csv", "json", "orc", "delta");

    /**
     * The table as it was: at a version (Delta's version number, Iceberg's snapshot id) or at an instant
     * (the last commit at or before it). Exactly one is set.
     */
    public record AsOf(Long version, String timestamp) implements java.io.Serializable {
        /** As Spark's reader options name it. */
        public String option() {
            return version != null ? "versionAsOf" : "timestampAsOf";
        }

        public String value() {
            return version != null ? version.toString() : timestamp;
        }

        @Override
        public String toString() {
            return version != null ? "version " + version : timestamp;
        }
    }

    public DataSource {
        options = Map.copyOf(options);
    }

    public DataSource(String path, String table, String format, Map<String, String> options, String profile) {
        this(path, table, format, options, profile, null, null);
    }

    public DataSource(String path, String table, String format, Map<String, String> options) {
        this(path, table, format, options, null);
    }

    public DataSource withDate(String date) {
        return new DataSource(path == null ? null : path.replace("{date}", date), table, format, options, profile,
            where == null ? null : where.replace("{date}", date), asOf);
    }

    public DataSource withPath(String newPath, String newFormat) {
        return new DataSource(newPath, null, newFormat != null ? newFormat : format, options, profile, where, asOf);
    }

    /** Whether there is data to read (a reference may be given as a saved profile only). */
    public boolean hasData() {
        return path != null || table != null;
    }

    /** What to call it in messages: "table lake.db.orders as of version 12 where event_date = '2026-11-26'". */
    public String describe() {
        String what = table != null ? "table " + table : path != null ? path : "profile " + profile;
        return what + (asOf == null ? "" : " as of " + asOf) + (where == null ? "" : " where " + where);
    }
}
