package org.driftwatch.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads a rule file into a {@link RuleSet}, rejecting unknown keys and bad values with their position. */
public final class RuleFileParser {
    static final List<String> TOP_KEYS = List.of("monitor", "description", "reference", "current", "columns", "compare", "model",
        "history", "checks", "actions", "segments", "spark_conf");
    static final List<String> SOURCE_KEYS = List.of("path", "table", "format", "options", "where");
    /** A reference may also name a saved profile (driftwatch profile) that runs use instead of scanning it. */
    static final List<String> REFERENCE_KEYS = List.of("path", "table", "format", "options", "where", "as_of", "profile");
    static final List<String> COLUMN_KEYS = List.of("numerical", "categorical", "id", "label", "prediction", "score");
    /** Folder names are at most 255 bytes on common file systems; leave room for rotated names. */
    static final int MAX_MONITOR = 200;
    private static final Pattern MONITOR = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private RuleFileParser() {
    }

    @SuppressWarnings("unchecked")
    public static RuleSet parse(Path file) {
        YamlDocument doc = YamlDocument.read(file);
        if (!(doc.root() instanceof Map)) {
            throw new RuleException(doc.positionOf(""), "a rule file must be a mapping with keys " + String.join(", ", TOP_KEYS));
        }
        RuleSection top = new RuleSection(doc, "", (Map<String, Object>) doc.root());
        top.allowOnly(TOP_KEYS);
        String monitor = top.string("monitor").orElseThrow(() -> new RuleException(doc.file(), "missing key 'monitor'"));
        if (monitor.length() > MAX_MONITOR) {
            throw top.error("monitor", "monitor name is " + monitor.length() + " characters, at most " + MAX_MONITOR
                + " (it names the report folder)");
        }
        if (!MONITOR.matcher(monitor).matches()) {
            throw top.error("monitor", "monitor '" + monitor + "' must be lower-case letters, digits, '-' or '_' (it names the report folder)");
        }
        DataSource reference = source(top, "reference");
        DataSource current = source(top, "current");
        ColumnRoles columns = columns(top);
        Map<String, RuleSection> checks = new LinkedHashMap<>();
        top.section("checks").ifPresent(c -> {
            for (String name : c.keys()) {
                checks.put(name, c.isList(name) ? c.only(name) : c.section(name).orElseThrow());
            }
        });
        RuleSection compare = top.section("compare").orElse(RuleSection.absent(file.toString(), "compare"));
        RuleSection actions = top.section("actions").orElse(RuleSection.absent(file.toString(), "actions"));
        ModelRules model = model(top, columns);
        HistorySettings history = top.section("history").map(HistorySettings::fromRules).orElse(HistorySettings.DEFAULT);
        SegmentRules segments = top.section("segments").map(SegmentRules::fromRules).orElse(SegmentRules.NONE);
        return new RuleSet(file.toString(), sha256(file), monitor, reference, current, columns, compare, checks, actions, model, history,
            segments, sparkConf(top));
    }

    /**
     * {@code spark_conf:} the catalogs a run reads tables from or keeps its history in (an Iceberg catalog
     * on a warehouse folder, a REST catalog), as spark-submit's --conf would name them. Only catalog settings:
     * Spark reads them when a catalog is first used, so a running session takes them; anything else belongs
     * on spark-submit's command line.
     */
    private static Map<String, String> sparkConf(RuleSection top) {
        Map<String, String> conf = top.stringMap("spark_conf");
        for (String key : conf.keySet()) {
            if (!key.startsWith(RuleSet.SPARK_CONF_PREFIX) || key.length() == RuleSet.SPARK_CONF_PREFIX.length()) {
                throw top.error("spark_conf", "spark_conf." + key + ": a rule file sets catalogs only (" + RuleSet.SPARK_CONF_PREFIX
                    + "NAME...); give other Spark settings to spark-submit with --conf");
            }
        }
        return conf;
    }

    private static ModelRules model(RuleSection top, ColumnRoles columns) {
        RuleSection m = top.section("model").orElse(null);
        if (m == null) {
            return ModelRules.NONE;
        }
        m.allowOnly(ModelRules.KEYS);
        if (columns.label() == null || columns.prediction() == null) {
            throw m.error("model: needs columns.label and columns.prediction (the true label and the model's prediction)");
        }
        String task = m.string("task").map(String::toLowerCase).orElse(null);
        if (task != null && !ModelRules.TASKS.contains(task)) {
            throw m.error("task", "unknown model.task '" + task + "'" + Suggestions.hint(task, ModelRules.TASKS)
                + "; use one of " + String.join(", ", ModelRules.TASKS));
        }
        if (columns.score() != null && task != null && !task.equals("binary")) {
            throw m.error("task", "columns.score is the positive-class probability of a binary task, but model.task is " + task
                + "; remove columns.score or set model.task: binary");
        }
        String positive = m.string("positive_class").orElse(null);
        if (positive != null && task != null && !task.equals("binary")) {
            throw m.error("positive_class", "model.positive_class applies to a binary task only, not " + task);
        }
        double coverage = m.number("min_label_coverage", ModelRules.DEFAULT_MIN_COVERAGE, 0, 1);
        DataSource labels = null;
        String key = null;
        RuleSection l = m.section("labels").orElse(null);
        if (l != null) {
            l.allowOnly(ModelRules.LABELS_KEYS);
            key = l.string("key").orElseThrow(() -> l.error("model.labels needs 'key': the column that joins a label to its prediction"));
            labels = source(m, "labels", ModelRules.LABELS_KEYS);
        }
        int pairs = m.integer("max_class_pairs", ModelRules.DEFAULT_MAX_CLASS_PAIRS, 100, ModelRules.MOST_CLASS_PAIRS);
        return new ModelRules(task, positive, labels, key, coverage, pairs);
    }

    /** Position and message for an unknown check or action name, used by their catalogues. */
    public static RuleException unknownEntry(RuleSection entry, String kind, List<String> known) {
        String name = entry.name().substring(entry.name().indexOf('.') + 1);
        return entry.error("unknown " + kind + " '" + name + "'" + Suggestions.hint(name, known) + "; known " + kind + "s: " + String.join(", ", known));
    }

    /**
     * A table a rule refers to (as {@code checks.quality[].exists_in}): path or table, format (told from the
     * path when omitted) and options, like the reference and current data, plus {@code extra} keys.
     */
    public static DataSource table(RuleSection parent, String key, List<String> extra) {
        List<String> allowed = new java.util.ArrayList<>(SOURCE_KEYS);
        allowed.addAll(extra);
        return source(parent, key, allowed);
    }

    private static DataSource source(RuleSection top, String key) {
        return source(top, key, key.equals("reference") ? REFERENCE_KEYS : SOURCE_KEYS);
    }

    private static DataSource source(RuleSection top, String key, List<String> allowed) {
        RuleSection s = top.section(key).orElseThrow(() -> top.error(key, "missing key '" + key + "' (path and format of the " + key + " data)"));
        boolean reference = key.equals("reference");
        s.allowOnly(allowed);
        String path = s.string("path").orElse(null);
        String table = s.string("table").orElse(null);
        String profile = reference ? s.string("profile").orElse(null) : null;
        if (path == null && table == null && profile != null) {
            return new DataSource(null, null, null, s.stringMap("options"), profile);
        }
        if ((path == null) == (table == null)) {
            throw s.error(path == null ? "path" : "table", key + " needs exactly one of 'path' or 'table'");
        }
        String format = s.string("format").map(String::toLowerCase).orElse(null);
        if (path != null) {
            if (format == null) {
                format = guessFormat(path);
                if (format == null) {
                    throw s.error("path", key + ".format is missing and cannot be told from the path; use one of " + String.join(", ", DataSource.FORMATS));
                }
            }
            if (format.equals("jsonl")) {
                format = "json";
            }
            if (!DataSource.FORMATS.contains(format)) {
                throw s.error("format", "unknown format '" + format + "' for " + key + Suggestions.hint(format, DataSource.FORMATS)
                    + "; use one of " + String.join(", ", DataSource.FORMATS));
            }
        } else if (format != null) {
            throw s.error("format", key + ".format does not apply to a table");
        }
        String where = s.string("where").orElse(null);
        if (where != null) {
            // checked with a sample date in place of {date}: the run date is not known yet
            String error = SqlCondition.syntaxError(where.replace("{date}", "2026-01-01"));
            if (error != null) {
                throw s.error("where", key + ".where is not a Spark SQL condition: " + error);
            }
        }
        DataSource.AsOf asOf = reference ? asOf(s, key, path != null && !"delta".equals(format)) : null;
        return new DataSource(path, table, format, s.stringMap("options"), profile, where, asOf);
    }

    /** {@code as_of: {version: 12}} or {@code {timestamp: "2026-11-01T00:00:00Z"}}: a Delta or Iceberg table as it was. */
    private static DataSource.AsOf asOf(RuleSection s, String key, boolean files) {
        var a = s.section("as_of").orElse(null);
        if (a == null) {
            return null;
        }
        if (files) {
            throw s.error("as_of", key + ".as_of needs a Delta or Iceberg table: a table name, or a path with format: delta");
        }
        a.allowOnly(List.of("version", "timestamp"));
        String version = a.string("version").orElse(null);
        String timestamp = a.string("timestamp").orElse(null);
        if ((version == null) == (timestamp == null)) {
            throw a.error(version == null ? "version" : "timestamp", key + ".as_of needs exactly one of 'version' or 'timestamp'");
        }
        if (version != null) {
            try {
                long v = Long.parseLong(version.strip());
                if (v < 0) {
                    throw new NumberFormatException();
                }
                return new DataSource.AsOf(v, null);
            } catch (NumberFormatException e) {
                throw a.error("version", key + ".as_of.version '" + version + "' is not a version number (Delta) or snapshot id (Iceberg)");
            }
        }
        try {
            java.time.OffsetDateTime.parse(timestamp.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw a.error("timestamp", key + ".as_of.timestamp '" + timestamp + "' is not an ISO-8601 instant with its offset, such as"
                + " 2026-11-01T00:00:00Z");
        }
        return new DataSource.AsOf(null, timestamp.strip());
    }

    static String guessFormat(String path) {
        String p = path.toLowerCase().replaceAll("/+$", "");
        for (String f : List.of("parquet", "csv", "orc", "json", "jsonl")) {
            if (p.endsWith("." + f)) {
                return f;
            }
        }
        return null;
    }

    private static ColumnRoles columns(RuleSection top) {
        RuleSection c = top.section("columns").orElse(null);
        if (c == null) {
            return new ColumnRoles(null, null, null, null, null, null);
        }
        c.allowOnly(COLUMN_KEYS);
        List<String> numerical = c.strings("numerical").orElse(null);
        List<String> categorical = c.strings("categorical").orElse(null);
        String id = c.string("id").orElse(null);
        String label = c.string("label").orElse(null);
        String prediction = c.string("prediction").orElse(null);
        String score = c.string("score").orElse(null);
        if (score != null && prediction == null) {
            throw c.error("score", "columns.score needs columns.prediction too (the model's hard prediction beside its score)");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String key : List.of("numerical", "categorical")) {
            for (String name : c.strings(key).orElse(List.of())) {
                if (!seen.add(name)) {
                    throw c.error(key, "column '" + name + "' is listed twice under columns");
                }
            }
        }
        String[][] roles = {{"id", id}, {"label", label}, {"prediction", prediction}, {"score", score}};
        java.util.Map<String, String> roleOf = new java.util.HashMap<>();
        for (String[] role : roles) {
            if (role[1] == null) {
                continue;
            }
            if (seen.contains(role[1])) {
                throw c.error(role[0], "column '" + role[1] + "' is the " + role[0] + " column and must not also be listed as a feature");
            }
            String before = roleOf.putIfAbsent(role[1], role[0]);
            if (before != null && !(before.equals("id") || role[0].equals("id"))) {
                throw c.error(role[0], "column '" + role[1] + "' is both columns." + before + " and columns." + role[0]);
            }
        }
        return new ColumnRoles(numerical, categorical, id, label, prediction, score);
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new RuleException(file.toString(), "cannot read rule file: " + e.getMessage());
        }
    }
}
