package org.driftwatch.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Strict JSON values for the report writers: an undefined or non-finite number is null. */
final class JsonValues {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonValues() {
    }

    static void num(ObjectNode o, String key, Double v) {
        if (v == null || !Double.isFinite(v)) {
            o.putNull(key);
        } else {
            o.put(key, v.doubleValue());
        }
    }

    static void lng(ObjectNode o, String key, Long v) {
        if (v == null) {
            o.putNull(key);
        } else {
            o.put(key, v.longValue());
        }
    }

    static void strings(ArrayNode a, List<String> xs) {
        xs.forEach(a::add);
    }

    static void doubles(ArrayNode a, double[] xs) {
        for (double x : xs) {
            if (Double.isFinite(x)) {
                a.add(x);
            } else {
                a.addNull();
            }
        }
    }

    static void longs(ArrayNode a, long[] xs) {
        for (long x : xs) {
            a.add(x);
        }
    }
}
