package org.driftwatch.rules;

/**
 * The rule file's {@code history:} section: whether runs remember their numbers ({@code enabled}, default
 * true) and where — a Parquet folder under the report root, or a Spark catalog table ({@code table:
 * db.drift_metrics}) that any engine of the cluster reads.
 */
public record HistorySettings(boolean enabled, String table) {
    public static final HistorySettings DEFAULT = new HistorySettings(true, null);

    /** The same settings writing to {@code table} instead (the command line's --history-table). */
    public HistorySettings withTable(String table) {
        return table == null ? this : new HistorySettings(true, table);
    }

    /** Whether the text is a table name the history accepts: catalog.db.table, db.table or table, each a plain identifier. */
    public static boolean isTableName(String table) {
        return table.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*){0,2}");
    }

    static HistorySettings fromRules(RuleSection h) {
        h.allowOnly(java.util.List.of("enabled", "table"));
        String table = h.string("table").orElse(null);
        if (table != null && !isTableName(table)) {
            throw h.error("table", "history.table '" + table + "' is not a table name (catalog.db.table, db.table or table)");
        }
        return new HistorySettings(h.enabled(), table);
    }
}
