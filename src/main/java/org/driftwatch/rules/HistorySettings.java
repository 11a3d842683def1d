package org.driftwatch.rules;

/**
 * The rule file's {@code history:} section: whether runs remember their numbers ({@code enabled}, default
 * true) and where — a Parquet folder under the report root, or a Spark catalog table ({@code table:
 * db.drift_metrics}) that any engine of the cluster reads, created if missing in {@code format}: Parquet
 * (the default), Delta Lake or Iceberg.
 */
public record HistorySettings(boolean enabled, String table, String format) {
    public static final HistorySettings DEFAULT = new HistorySettings(true, null, null);
    /** The table formats a history table is created in; a table that exists is written in its own. */
    public static final java.util.List<String> FORMATS = java.util.List.of("parquet", "delta", "iceberg");

    public HistorySettings(boolean enabled, String table) {
        this(enabled, table, null);
    }

    /** The same settings writing to {@code table} instead (the command line's --history-table). */
    public HistorySettings withTable(String table) {
        return table == null ? this : new HistorySettings(true, table, format);
    }

    /** The format a missing table is created in. */
    public String formatOrDefault() {
        return format == null ? "parquet" : format;
    }

    /** Whether the text is a table name the history accepts: catalog.db.table, db.table or table, each a plain identifier. */
    public static boolean isTableName(String table) {
        return table.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*){0,2}");
    }

    static HistorySettings fromRules(RuleSection h) {
        h.allowOnly(java.util.List.of("enabled", "table", "format"));
        String table = h.string("table").orElse(null);
        if (table != null && !isTableName(table)) {
            throw h.error("table", "history.table '" + table + "' is not a table name (catalog.db.table, db.table or table)");
        }
        String format = h.string("format").map(f -> f.strip().toLowerCase(java.util.Locale.ROOT)).orElse(null);
        if (format != null && !FORMATS.contains(format)) {
            throw h.error("format", "unknown history.format '" + format + "'" + Suggestions.hint(format, FORMATS) + "; use one of "
                + String.join(", ", FORMATS));
        }
        if (format != null && table == null) {
            throw h.error("format", "history.format applies to a history table: add history.table (catalog.db.table)");
        }
        return new HistorySettings(h.enabled(), table, format);
    }
}
