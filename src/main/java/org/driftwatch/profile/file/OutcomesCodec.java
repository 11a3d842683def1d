package org.driftwatch.profile.file;

import java.util.Map;
import java.util.TreeMap;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.driftwatch.profile.model.ModelOutcomes;

/**
 * The reference's model outcomes in a saved profile ({@code profile.model_outcomes}, written only when the
 * rule file monitors a model, so older profiles read unchanged): counts, confusion counts, the finished
 * score ranking (not the score table) and the error facts — what a run against the profile needs to
 * report the reference's performance.
 */
final class OutcomesCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OutcomesCodec() {
    }

    static ObjectNode write(ModelOutcomes o) {
        ObjectNode out = JSON.createObjectNode();
        ModelOutcomes.Counts c = o.counts();
        out.putObject("counts").put("rows", c.rows()).put("label_null", c.labelNull()).put("prediction_null", c.predictionNull())
            .put("score_null", c.scoreNull()).put("predictions", c.predictions()).put("labelled", c.labelled())
            .put("evaluated", c.evaluated());
        if (o.confusion() != null) {
            ObjectNode cm = out.putObject("confusion");
            new TreeMap<>(o.confusion()).forEach((label, row) -> {
                ObjectNode r = cm.putObject(label);
                new TreeMap<>(row).forEach(r::put);
            });
        }
        if (o.scores() != null) {
            ModelOutcomes.Scores s = o.scores();
            ObjectNode so = out.putObject("scores");
            num(so, "min", s.min());
            num(so, "max", s.max());
            num(so, "mean", s.mean());
            num(so, "log_loss", s.logLoss());
            num(so, "brier", s.brier());
            ModelOutcomes.Ranking r = s.ranking();
            if (r != null) {
                ObjectNode ro = so.putObject("ranking");
                num(ro, "roc_auc", r.rocAuc());
                num(ro, "average_precision", r.averagePrecision());
                num(ro, "ks_separation", r.ksSeparation());
                ro.put("distinct_scores", r.distinctScores());
                if (r.rocPoints() != null) {
                    ArrayNode pts = ro.putArray("roc_points");
                    for (double[] p : r.rocPoints()) {
                        pts.addArray().add(p[0]).add(p[1]);
                    }
                }
            }
        }
        if (o.errors() != null) {
            ModelOutcomes.Errors e = o.errors();
            ObjectNode eo = out.putObject("errors");
            num(eo, "mean_error", e.meanError());
            num(eo, "mae", e.mae());
            num(eo, "mse", e.mse());
            num(eo, "max_error", e.maxError());
            num(eo, "mape", e.mape());
            eo.put("zero_labels", e.zeroLabels());
            num(eo, "label_mean", e.labelMean());
            num(eo, "prediction_mean", e.predictionMean());
            num(eo, "label_std", e.labelStdPop());
            num(eo, "median_absolute_error", e.medianAbsoluteError());
        }
        return out;
    }

    static ModelOutcomes read(JsonNode o, FieldReader r) {
        if (o == null || o.isNull()) {
            return null;
        }
        JsonNode c = r.object(o, "counts");
        ModelOutcomes.Counts counts = new ModelOutcomes.Counts(r.longValue(c, "rows"), r.longValue(c, "label_null"),
            r.longValue(c, "prediction_null"), r.longValue(c, "score_null"), r.longValue(c, "predictions"), r.longValue(c, "labelled"),
            r.longValue(c, "evaluated"));
        Map<String, Map<String, Long>> confusion = null;
        if (o.hasNonNull("confusion")) {
            confusion = new TreeMap<>();
            for (var e : (Iterable<Map.Entry<String, JsonNode>>) () -> o.get("confusion").fields()) {
                confusion.put(e.getKey(), new TreeMap<>(r.counts(e.getValue())));
            }
        }
        ModelOutcomes.Scores scores = null;
        if (o.hasNonNull("scores")) {
            JsonNode s = o.get("scores");
            ModelOutcomes.Ranking ranking = null;
            if (s.hasNonNull("ranking")) {
                JsonNode k = s.get("ranking");
                double[][] pts = null;
                if (k.hasNonNull("roc_points")) {
                    pts = new double[k.get("roc_points").size()][];
                    for (int i = 0; i < pts.length; i++) {
                        pts[i] = new double[] {k.get("roc_points").get(i).get(0).asDouble(), k.get("roc_points").get(i).get(1).asDouble()};
                    }
                }
                ranking = new ModelOutcomes.Ranking(r.numberOrNull(k, "roc_auc"), r.numberOrNull(k, "average_precision"),
                    r.numberOrNull(k, "ks_separation"), r.longValue(k, "distinct_scores"), pts);
            }
            scores = new ModelOutcomes.Scores(r.numberOrNull(s, "min"), r.numberOrNull(s, "max"), r.numberOrNull(s, "mean"),
                r.numberOrNull(s, "log_loss"), r.numberOrNull(s, "brier"), null, ranking);
        }
        ModelOutcomes.Errors errors = null;
        if (o.hasNonNull("errors")) {
            JsonNode e = o.get("errors");
            errors = new ModelOutcomes.Errors(r.numberOrNull(e, "mean_error"), r.numberOrNull(e, "mae"), r.numberOrNull(e, "mse"),
                r.numberOrNull(e, "max_error"), r.numberOrNull(e, "mape"), r.longValue(e, "zero_labels"), r.numberOrNull(e, "label_mean"),
                r.numberOrNull(e, "prediction_mean"), r.numberOrNull(e, "label_std"), r.numberOrNull(e, "median_absolute_error"));
        }
        return new ModelOutcomes(counts, confusion, scores, errors);
    }

    private static void num(ObjectNode o, String key, Double v) {
        if (v == null || !Double.isFinite(v)) {
            o.putNull(key);
        } else {
            o.put(key, v.doubleValue());
        }
    }
}
