package org.driftwatch.profile.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.driftwatch.profile.model.QualityMeasure;
import org.driftwatch.profile.model.QualitySide;

/**
 * The reference's data-quality measures in a saved profile ({@code profile.quality}, written only when the
 * rule file has constraints, so older profiles read unchanged): per constraint, in rule-file order, its
 * counts, failing values and latest instant, and the rows failing any constraint — what a run against the
 * profile compares tonight's rates with.
 */
final class QualityCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private QualityCodec() {
    }

    static ObjectNode write(QualitySide side) {
        ObjectNode out = JSON.createObjectNode();
        if (side.failingRows() == null) {
            out.putNull("failing_rows");
        } else {
            out.put("failing_rows", side.failingRows());
        }
        ArrayNode measures = out.putArray("constraints");
        side.measures().forEach((name, m) -> {
            ObjectNode o = measures.addObject();
            o.put("name", name);
            o.put("kind", m.kind());
            o.put("column", m.column());
            o.put("rows", m.rows());
            o.put("checked", m.checked());
            put(o, "failed", m.failed());
            put(o, "distinct", m.distinct());
            put(o, "duplicated_values", m.duplicatedValues());
            put(o, "latest_micros", m.latestMicros());
            ArrayNode samples = o.putArray("samples");
            m.samples().forEach(v -> samples.add(value(v)));
            o.put("error", m.error());
        });
        return out;
    }

    private static void put(ObjectNode o, String key, Long v) {
        if (v == null) {
            o.putNull(key);
        } else {
            o.put(key, v.longValue());
        }
    }

    /** A failing value: a whole number, a double (non-finite as its text), a text, or a failing row's object. */
    private static JsonNode value(Object v) {
        if (v == null) {
            return JSON.nullNode();
        }
        if (v instanceof Long l) {
            return JSON.getNodeFactory().numberNode(l);
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? JSON.getNodeFactory().numberNode(d) : JSON.getNodeFactory().textNode(Double.toString(d));
        }
        if (v instanceof Map<?, ?> row) {
            ObjectNode o = JSON.createObjectNode();
            row.forEach((k, x) -> o.set(String.valueOf(k), value(x)));
            return o;
        }
        return JSON.getNodeFactory().textNode(String.valueOf(v));
    }

    static QualitySide read(JsonNode q, FieldReader r) {
        if (q == null || q.isNull()) {
            return QualitySide.NONE;
        }
        Map<String, QualityMeasure> measures = new LinkedHashMap<>();
        for (JsonNode o : q.get("constraints")) {
            List<Object> samples = new ArrayList<>();
            o.get("samples").forEach(v -> samples.add(read(v)));
            measures.put(r.text(o, "name"), new QualityMeasure(r.text(o, "kind"), r.textOrNull(o, "column"), r.longValue(o, "rows"),
                r.longValue(o, "checked"), longOrNull(o, "failed"), longOrNull(o, "distinct"), longOrNull(o, "duplicated_values"),
                longOrNull(o, "latest_micros"), samples, r.textOrNull(o, "error")));
        }
        return new QualitySide(measures, longOrNull(q, "failing_rows"), null);
    }

    private static Object read(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isObject()) {
            Map<String, Object> row = new LinkedHashMap<>();
            v.fields().forEachRemaining(e -> row.put(e.getKey(), read(e.getValue())));
            return java.util.Collections.unmodifiableMap(row);
        }
        return v.asText();
    }

    private static Long longOrNull(JsonNode o, String key) {
        JsonNode v = o.get(key);
        return v == null || v.isNull() ? null : v.asLong();
    }
}
