package org.driftwatch.profile.file;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.driftwatch.data.DataException;

/**
 * Reads typed fields of a saved profile's JSON, refusing a missing or mistyped field with one line that
 * names the file and the field.
 */
final class FieldReader {
    private final Path file;

    FieldReader(Path file) {
        this.file = file;
    }

    DataException bad(String what) {
        return new DataException(file + ": not a valid reference profile: " + what + "; write it again with driftwatch profile");
    }

    JsonNode object(JsonNode parent, String key) {
        JsonNode v = parent.get(key);
        if (v == null || !v.isObject()) {
            throw bad("'" + key + "' must be an object");
        }
        return v;
    }

    String text(JsonNode parent, String key) {
        String s = textOrNull(parent, key);
        if (s == null) {
            throw bad("'" + key + "' is missing");
        }
        return s;
    }

    String textOrNull(JsonNode parent, String key) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw bad("'" + key + "' must be text");
        }
        return v.asText();
    }

    int integer(JsonNode parent, String key) {
        long v = longValue(parent, key);
        if (v != (int) v) {
            throw bad("'" + key + "' is out of range");
        }
        return (int) v;
    }

    long longValue(JsonNode parent, String key) {
        JsonNode v = parent.get(key);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw bad("'" + key + "' must be a whole number");
        }
        return v.asLong();
    }

    double number(JsonNode parent, String key) {
        Double d = numberOrNull(parent, key);
        if (d == null) {
            throw bad("'" + key + "' is missing");
        }
        return d;
    }

    Double numberOrNull(JsonNode parent, String key) {
        JsonNode v = parent.get(key);
        return v == null || v.isNull() ? null : toDouble(v, key);
    }

    double[] doubles(JsonNode parent, String key) {
        double[] d = doublesOrNull(parent, key);
        if (d == null) {
            throw bad("'" + key + "' is missing");
        }
        return d;
    }

    double[] doublesOrNull(JsonNode parent, String key) {
        JsonNode v = array(parent, key);
        if (v == null) {
            return null;
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toDouble(v.get(i), key);
        }
        return out;
    }

    long[] longs(JsonNode parent, String key) {
        long[] l = longsOrNull(parent, key);
        if (l == null) {
            throw bad("'" + key + "' is missing");
        }
        return l;
    }

    long[] longsOrNull(JsonNode parent, String key) {
        JsonNode v = array(parent, key);
        if (v == null) {
            return null;
        }
        long[] out = new long[v.size()];
        for (int i = 0; i < out.length; i++) {
            if (!v.get(i).isIntegralNumber()) {
                throw bad("'" + key + "' must hold whole numbers");
            }
            out[i] = v.get(i).asLong();
        }
        return out;
    }

    List<String> strings(JsonNode parent, String key) {
        JsonNode v = array(parent, key);
        List<String> out = new ArrayList<>();
        if (v != null) {
            v.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    /** An object of whole numbers, in file order. */
    Map<String, Long> counts(JsonNode o) {
        Map<String, Long> out = new LinkedHashMap<>();
        o.fields().forEachRemaining(e -> {
            if (!e.getValue().isIntegralNumber()) {
                throw bad("count of '" + e.getKey() + "' must be a whole number");
            }
            out.put(e.getKey(), e.getValue().asLong());
        });
        return out;
    }

    private JsonNode array(JsonNode parent, String key) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw bad("'" + key + "' must be a list");
        }
        return v;
    }

    private double toDouble(JsonNode v, String key) {
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            switch (v.asText()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw bad("'" + key + "' must hold numbers");
    }
}
