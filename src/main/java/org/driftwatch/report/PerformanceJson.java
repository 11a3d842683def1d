package org.driftwatch.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.ModelPerformance;
import org.driftwatch.compare.PerformanceMetrics;

/** The report's {@code performance} object (README "Report contract"): task, both sides' metrics, change, labels, prediction drift. */
final class PerformanceJson {
    private PerformanceJson() {
    }

    static ObjectNode of(ModelPerformance p) {
        ObjectNode o = JsonValues.JSON.createObjectNode();
        o.put("task", p.task().key());
        o.put("task_inferred", p.taskInferred());
        o.put("task_reason", p.taskReason());
        o.put("label", p.label());
        o.put("prediction", p.prediction());
        o.put("score", p.score());
        o.put("positive_class", p.positiveClass());
        o.set("reference", side(p.reference()));
        o.set("current", side(p.current()));
        ObjectNode change = o.putObject("change");
        p.change().forEach((k, v) -> number(change, k, v));
        if (!p.perClassChange().isEmpty()) {
            ObjectNode pc = change.putObject("per_class");
            p.perClassChange().forEach((cls, m) -> {
                if (m == null) {
                    pc.putNull(cls);
                } else {
                    ObjectNode c = pc.putObject(cls);
                    m.forEach((k, v) -> number(c, k, v));
                }
            });
        }
        o.set("labels", labels(p.labels()));
        o.put("enough_labels", p.enoughLabels());
        o.put("min_label_coverage", p.minLabelCoverage());
        o.set("prediction_drift", drift(p.predictionDrift()));
        JsonValues.strings(o.putArray("notes"), p.notes());
        return o;
    }

    /** A segment's performance: the task, both sides' metrics and the change (the columns are the whole model's). */
    static ObjectNode segment(ModelPerformance p) {
        ObjectNode o = JsonValues.JSON.createObjectNode();
        o.put("task", p.task().key());
        o.set("reference", side(p.reference()));
        o.set("current", side(p.current()));
        ObjectNode change = o.putObject("change");
        p.change().forEach((k, v) -> number(change, k, v));
        JsonValues.strings(o.putArray("notes"), p.notes());
        return o;
    }

    private static ObjectNode side(PerformanceMetrics m) {
        if (m == null) {
            return null;
        }
        ObjectNode o = JsonValues.JSON.createObjectNode();
        o.put("rows", m.rows());
        o.put("n", m.n());
        m.metrics().forEach((k, v) -> JsonValues.num(o, k, v));
        if (m.labelsOrder() != null) {
            JsonValues.strings(o.putArray("labels_order"), m.labelsOrder());
        }
        if (m.confusionMatrix() != null) {
            ArrayNode cm = o.putArray("confusion_matrix");
            for (long[] row : m.confusionMatrix()) {
                JsonValues.longs(cm.addArray(), row);
            }
        }
        if (!m.perClass().isEmpty()) {
            ObjectNode pc = o.putObject("per_class");
            m.perClass().forEach((cls, c) -> pc.putObject(cls).put("precision", c.precision()).put("recall", c.recall())
                .put("f1", c.f1()).put("support", c.support()));
        }
        JsonValues.strings(o.putArray("notes"), m.notes());
        return o;
    }

    private static ObjectNode labels(ModelPerformance.LabelCoverage l) {
        if (l == null) {
            return null;
        }
        ObjectNode o = JsonValues.JSON.createObjectNode();
        o.put("source", l.source());
        o.put("key", l.key());
        o.put("predictions", l.predictions());
        o.put("predictions_with_label", l.predictionsWithLabel());
        JsonValues.num(o, "label_coverage", l.labelCoverage());
        o.put("unmatched_label_rows", l.unmatchedLabelRows());
        o.put("null_key_label_rows", l.nullKeyLabelRows());
        o.put("duplicate_label_rows", l.duplicateLabelRows());
        o.put("conflicting_label_ids", l.conflictingLabelIds());
        return o;
    }

    private static ObjectNode drift(ColumnComparison c) {
        ObjectNode o = JsonValues.JSON.createObjectNode();
        o.put("column", c.name());
        o.put("kind", c.type());
        JsonValues.num(o, "psi", c.psi());
        ColumnComparison.DriftResult d = c.drift();
        o.put("test", d == null ? null : d.test());
        JsonValues.num(o, "score", d == null ? null : d.score());
        JsonValues.num(o, "threshold", d == null ? null : d.threshold());
        o.put("detected", d != null && d.detected());
        JsonValues.strings(o.putArray("notes"), c.notes());
        return o;
    }

    private static void number(ObjectNode o, String key, Number v) {
        if (v == null) {
            o.putNull(key);
        } else if (v instanceof Long || v instanceof Integer) {
            o.put(key, v.longValue());
        } else {
            JsonValues.num(o, key, v.doubleValue());
        }
    }
}
