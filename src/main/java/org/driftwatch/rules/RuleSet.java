package org.driftwatch.rules;

import java.util.Map;

/**
 * One monitored dataset's rules, as read from {@code rules/<monitor>.yaml}. Check settings stay as
 * located sections: each check reads and validates its own, as the comparison reads {@code compare:}.
 */
public record RuleSet(String file, String sha256, String monitor, DataSource reference, DataSource current,
                      ColumnRoles columns, RuleSection compare, Map<String, RuleSection> checks,
                      RuleSection actions, ModelRules model, HistorySettings history, SegmentRules segments, Map<String, String> sparkConf) {
    /** Spark settings a rule file may make: catalogs (spark.sql.catalog.NAME...), which Spark loads on first use. */
    public static final String SPARK_CONF_PREFIX = "spark.sql.catalog.";

    public RuleSet {
        segments = segments == null ? SegmentRules.NONE : segments;
        sparkConf = sparkConf == null ? Map.of() : Map.copyOf(sparkConf);
        checks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(checks));
    }

    public RuleSet(String file, String sha256, String monitor, DataSource reference, DataSource current, ColumnRoles columns,
                   RuleSection compare, Map<String, RuleSection> checks, RuleSection actions) {
        this(file, sha256, monitor, reference, current, columns, compare, checks, actions, ModelRules.NONE, HistorySettings.DEFAULT,
            SegmentRules.NONE, Map.of());
    }

    /** The same rules with the delayed labels' {@code {date}} filled in. */
    public RuleSet forDate(String date) {
        if (model.labels() == null || date == null) {
            return this;
        }
        return new RuleSet(file, sha256, monitor, reference, current, columns, compare, checks, actions,
            model.withLabels(model.labels().withDate(date)), history, segments, sparkConf);
    }

    /** Whether runs write and read the metrics history. */
    public boolean keepsHistory() {
        return history.enabled();
    }

    /** The same rules with the history in a catalog table (the command line's --history-table; null keeps them). */
    public RuleSet withHistoryTable(String table) {
        if (table != null && !HistorySettings.isTableName(table)) {
            throw new RuleException("--history-table", "'" + table + "' is not a table name (catalog.db.table, db.table or table)");
        }
        return table == null ? this : new RuleSet(file, sha256, monitor, reference, current, columns, compare, checks, actions, model,
            history.withTable(table), segments, sparkConf);
    }

    /** Whether the rule file monitors a model: a label and a prediction column. */
    public boolean monitorsModel() {
        return columns.label() != null && columns.prediction() != null;
    }

    /** The settings of a check: its section of the rule file, or an empty one taking every default. */
    public RuleSection checkSettings(String name) {
        RuleSection s = checks.get(name);
        return s != null ? s : RuleSection.absent(file, "checks." + name);
    }
}
