package org.driftwatch.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One mapping of a rule file (for example {@code checks.psi}) with typed accessors whose errors name
 * file:line:column and the dotted key. Checks read their own settings through it, so adding a check
 * never touches the parser.
 */
public final class RuleSection {
    private final YamlDocument doc;
    private final String path;
    private final Map<String, Object> values;

    RuleSection(YamlDocument doc, String path, Map<String, Object> values) {
        this.doc = doc;
        this.path = path;
        this.values = values;
    }

    /** An empty section (a check configured with no keys). */
    static RuleSection empty(YamlDocument doc, String path) {
        return new RuleSection(doc, path, new LinkedHashMap<>());
    }

    /** A section the rule file does not have: every setting takes its default. */
    public static RuleSection absent(String file, String dottedName) {
        return new RuleSection(YamlDocument.empty(file), "/" + dottedName.replace('.', '/'), new LinkedHashMap<>());
    }

    /** Dotted name such as {@code checks.psi}. */
    public String name() {
        return path.isEmpty() ? "" : path.substring(1).replace('/', '.');
    }

    /** Every check section may say {@code enabled: false}. */
    public static final String ENABLED = "enabled";

    public boolean enabled() {
        return bool(ENABLED, true);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public java.util.Set<String> keys() {
        return values.keySet();
    }

    /** Rejects keys outside {@code allowed}, suggesting the nearest allowed key. */
    public void allowOnly(Collection<String> allowed) {
        for (String key : values.keySet()) {
            if (!allowed.contains(key) && !(key.equals(ENABLED) && (path.startsWith("/checks/") || path.startsWith("/actions/")))) {
                throw error(key, true, "unknown key '" + key + "'" + (path.isEmpty() ? " at the top level" : " under " + name())
                    + Suggestions.hint(key, allowed)
                    + "; allowed: " + String.join(", ", allowed));
            }
        }
    }

    /** An error placed at this section's own key. */
    public RuleException error(String message) {
        return new RuleException(doc.positionOfKey(path), message);
    }

    public RuleException error(String key, String message) {
        return error(key, false, message);
    }

    /** An error placed at a key ({@code atKey}) or at its value. */
    public RuleException error(String key, boolean atKey, String message) {
        String p = path + "/" + key;
        return new RuleException(atKey ? doc.positionOfKey(p) : doc.positionOf(p), message);
    }

    private String dotted(String key) {
        return path.isEmpty() ? key : name() + "." + key;
    }

    public double number(String key, double fallback, double min, double max) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n)) {
            throw error(key, dotted(key) + " must be a number, not '" + v + "'");
        }
        double d = n.doubleValue();
        if (!(d >= min && d <= max)) {
            throw error(key, dotted(key) + " must be between " + fmt(min) + " and " + fmt(max) + ", not " + fmt(d));
        }
        return d;
    }

    public Optional<Double> optionalNumber(String key, double min, double max) {
        return values.get(key) == null ? Optional.empty() : Optional.of(number(key, 0, min, max));
    }

    public int integer(String key, int fallback, int min, int max) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Long || v instanceof Integer)) {
            throw error(key, dotted(key) + " must be a whole number, not '" + v + "'");
        }
        long l = ((Number) v).longValue();
        if (l < min || l > max) {
            throw error(key, dotted(key) + " must be between " + min + " and " + max + ", not " + l);
        }
        return (int) l;
    }

    public boolean bool(String key, boolean fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw error(key, dotted(key) + " must be true or false, not '" + v + "'");
        }
        return b;
    }

    public Optional<String> string(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map || v instanceof List) {
            throw error(key, dotted(key) + " must be a single value");
        }
        String s = String.valueOf(v);
        if (s.isBlank()) {
            throw error(key, dotted(key) + " must not be empty");
        }
        return Optional.of(s);
    }

    /** A list of scalars as the file spells them ({@code 3} is "3", {@code 3.10} is "3.10"); a single scalar is a list of one. */
    public Optional<List<String>> texts(String key) {
        Object v = values.get(key);
        if (v == null) {
            return values.containsKey(key) ? Optional.of(List.of()) : Optional.empty();
        }
        if (v instanceof Map) {
            throw error(key, dotted(key) + " must be a list of values");
        }
        List<?> list = v instanceof List<?> l ? l : List.of(v);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object o = list.get(i);
            if (o == null || o instanceof Map || o instanceof List) {
                throw error(key, dotted(key) + " must be a list of single values");
            }
            out.add(doc.textOf(path + "/" + key + (v instanceof List ? "/" + i : ""), o));
        }
        return Optional.of(List.copyOf(out));
    }

    /**
     * A number that may be written as text in scientific notation ({@code 1e-05}, which YAML 1.1 reads as a
     * string); null when absent.
     */
    public Double decimal(String key, double min, double max) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        double d;
        try {
            d = v instanceof Number n ? n.doubleValue() : v instanceof String s ? Double.parseDouble(s.strip()) : Double.NaN;
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (Double.isNaN(d)) {
            throw error(key, dotted(key) + " must be a number, not '" + v + "'");
        }
        if (!(d >= min && d <= max)) {
            throw error(key, dotted(key) + " must be between " + fmt(min) + " and " + fmt(max) + ", not " + fmt(d));
        }
        return d;
    }

    /** A section holding only this key of this one (a list under {@code checks}, such as {@code checks.quality}). */
    public RuleSection only(String key) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(key, values.get(key));
        return new RuleSection(doc, path, one);
    }

    /** Whether the value at {@code key} is a list. */
    public boolean isList(String key) {
        return values.get(key) instanceof List;
    }

    /** A list of names; a single scalar is accepted as a one-element list. */
    public Optional<List<String>> strings(String key) {
        Object v = values.get(key);
        if (v == null) {
            return values.containsKey(key) ? Optional.of(List.of()) : Optional.empty();
        }
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                if (o == null || o instanceof Map || o instanceof List) {
                    throw error(key, dotted(key) + " must be a list of names");
                }
                out.add(String.valueOf(o));
            }
        } else if (v instanceof Map) {
            throw error(key, dotted(key) + " must be a list of names");
        } else {
            out.add(String.valueOf(v));
        }
        return Optional.of(List.copyOf(out));
    }

    @SuppressWarnings("unchecked")
    public Optional<RuleSection> section(String key) {
        Object v = values.get(key);
        if (v == null) {
            return values.containsKey(key) ? Optional.of(empty(doc, path + "/" + key)) : Optional.empty();
        }
        if (!(v instanceof Map)) {
            throw error(key, dotted(key) + " must be a mapping of keys to values");
        }
        return Optional.of(new RuleSection(doc, path + "/" + key, (Map<String, Object>) v));
    }

    /** A copy of this section with one more value (a default taken from elsewhere in the file). */
    public RuleSection with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new RuleSection(doc, path, copy);
    }

    /** A list of mappings, such as {@code actions.webhooks}; a single mapping counts as a list of one. */
    @SuppressWarnings("unchecked")
    public List<RuleSection> sections(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof Map) {
            return List.of(section(key).orElseThrow());
        }
        if (!(v instanceof List<?> list)) {
            throw error(key, dotted(key) + " must be a list of mappings");
        }
        List<RuleSection> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map)) {
                throw error(key + "/" + i, dotted(key) + "[" + i + "] must be a mapping of keys to values");
            }
            out.add(new RuleSection(doc, path + "/" + key + "/" + i, (Map<String, Object>) list.get(i)));
        }
        return out;
    }

    /** A mapping of plain string values (data source options, headers). */
    public Map<String, String> stringMap(String key) {
        Optional<RuleSection> s = section(key);
        Map<String, String> out = new LinkedHashMap<>();
        s.ifPresent(sec -> sec.values.forEach((k, v) -> {
            if (v instanceof Map || v instanceof List) {
                throw sec.error(k, sec.dotted(k) + " must be a single value");
            }
            out.put(k, v == null ? "" : String.valueOf(v));
        }));
        return Map.copyOf(out);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
