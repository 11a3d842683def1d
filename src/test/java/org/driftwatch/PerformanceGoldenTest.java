package org.driftwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.driftwatch.checks.CheckCatalog;
import org.driftwatch.rules.RuleFileParser;
import org.driftwatch.rules.RuleSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole job reproduces scikit-learn's model performance for every case in
 * src/test/resources/golden-perf (copies of the shared golden-perf cases plus flights_late_binary, made
 * by its make_case.py), read from CSV and from Parquet: counts, confusion matrices and label orders
 * exactly, metrics and their change to 1e-9 relative, delayed-label counts exactly, prediction PSI.
 */
class PerformanceGoldenTest {
    static final List<String> CASES = List.of("seattle_temp_regression", "penguins_species_multiclass", "flights_late_binary");
    static final Map<String, List<String>> METRICS = Map.of(
        "binary", List.of("accuracy", "precision", "recall", "f1", "specificity", "balanced_accuracy", "positive_rate_labels",
            "positive_rate_predictions", "roc_auc", "pr_auc", "log_loss", "brier", "ks_separation"),
        "multiclass", List.of("accuracy", "balanced_accuracy", "macro_precision", "macro_recall", "macro_f1", "weighted_precision",
            "weighted_recall", "weighted_f1"),
        "regression", List.of("mae", "mse", "rmse", "r2", "mean_error", "median_absolute_error", "max_error", "mape"));

    @TempDir
    Path tmp;

    static Stream<Arguments> cases() {
        return CASES.stream().flatMap(c -> Stream.of(Arguments.of(c, "csv"), Arguments.of(c, "parquet")));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("cases")
    void performanceMatchesScikitLearn(String name, String format) throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("/golden-perf/" + name + "/expected.json").toURI()).getParent();
        ObjectMapper json = new ObjectMapper();
        JsonNode exp = json.readTree(dir.resolve("expected.json").toFile());
        JsonNode schema = json.readTree(dir.resolve("schema.json").toFile());
        JsonNode perf = run(dir, schema, format).get("performance");
        String task = schema.get("task").asText();
        assertEquals(task, perf.get("task").asText());
        assertFalse(perf.get("task_inferred").asBoolean());
        assertEquals(schema.get("label_column").asText(), perf.get("label").asText());
        assertEquals(schema.get("prediction_column").asText(), perf.get("prediction").asText());
        for (String side : List.of("reference", "current")) {
            JsonNode e = exp.get(side);
            JsonNode r = perf.get(side);
            assertEquals(e.get("n").asLong(), r.get("n").asLong(), side + " n");
            for (String m : METRICS.get(task)) {
                if (e.has(m)) {
                    close(e.get(m).asDouble(), r.get(m), side + " " + m);
                }
            }
            if (e.has("confusion_matrix")) {
                assertEquals(e.get("confusion_matrix").toString(), r.get("confusion_matrix").toString(), side + " confusion matrix");
            }
            if (e.has("labels_order")) {
                assertEquals(e.get("labels_order").toString(), r.get("labels_order").toString(), side + " labels order");
            }
            if (e.has("per_class")) {
                List<String> want = names(e.get("per_class"));
                assertEquals(want, names(r.get("per_class")), side + " classes");
                for (String cls : want) {
                    for (String m : List.of("precision", "recall", "f1")) {
                        close(e.get("per_class").get(cls).get(m).asDouble(), r.get("per_class").get(cls).get(m), side + " " + cls + " " + m);
                    }
                    assertEquals(e.get("per_class").get(cls).get("support").asLong(), r.get("per_class").get(cls).get("support").asLong());
                }
            }
        }
        exp.get("change").fields().forEachRemaining(f -> {
            if (f.getValue().isNumber()) {
                close(f.getValue().asDouble(), perf.get("change").get(f.getKey()), "change " + f.getKey());
            }
        });
        if (exp.has("delayed_labels")) {
            JsonNode d = exp.get("delayed_labels");
            JsonNode l = perf.get("labels");
            for (String k : List.of("predictions", "predictions_with_label", "unmatched_label_rows", "duplicate_label_rows")) {
                assertEquals(d.get(k).asLong(), l.get(k).asLong(), k);
            }
            assertEquals(d.get("conflicting_duplicate_ids").asLong(), l.get("conflicting_label_ids").asLong());
            close(d.get("label_coverage").asDouble(), l.get("label_coverage"), "label coverage");
        } else {
            assertTrue(perf.get("labels").isNull());
        }
        JsonNode pd = exp.get("prediction_drift");
        assertEquals(pd.get("psi_is_of").asText(), perf.get("prediction_drift").get("column").asText());
        close(pd.get("psi").asDouble(), perf.get("prediction_drift").get("psi"), "prediction psi");
    }

    @org.junit.jupiter.api.Test
    void aSavedReferenceProfileKeepsTheReferencePerformance() throws IOException, URISyntaxException {
        for (String name : List.of("flights_late_binary", "seattle_temp_regression", "penguins_species_multiclass")) {
            Path dir = Path.of(getClass().getResource("/golden-perf/" + name + "/expected.json").toURI()).getParent();
            JsonNode schema = new ObjectMapper().readTree(dir.resolve("schema.json").toFile());
            JsonNode raw = run(dir, schema, "parquet").get("performance");
            profile = tmp.resolve(name + "-profile.json");
            JsonNode first = run(dir, schema, "parquet").get("performance");   // writes the profile, then uses it
            JsonNode saved = run(dir, schema, "parquet").get("performance");   // reads it
            profile = null;
            assertTrue(Files.exists(tmp.resolve(name + "-profile.json")));
            assertTrue(new String(Files.readAllBytes(tmp.resolve(name + "-profile.json"))).contains("model_outcomes"));
            for (JsonNode p : List.of(first, saved)) {
                assertEquals(raw.get("reference").toString(), p.get("reference").toString(), name);
                assertEquals(raw.get("current").toString(), p.get("current").toString(), name);
                assertEquals(raw.get("change").toString(), p.get("change").toString(), name);
            }
        }
    }

    private Path profile;

    private static void close(double want, JsonNode got, String what) {
        assertTrue(got != null && got.isNumber(), what + ": missing or not a number: " + got);
        assertEquals(want, got.asDouble(), Math.max(1e-12, 1e-9 * Math.abs(want)), what);
    }

    private static List<String> names(JsonNode o) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        out.sort(null);
        return out;
    }

    private JsonNode run(Path dir, JsonNode schema, String format) throws IOException {
        List<String> numeric = new ArrayList<>();
        List<String> categorical = new ArrayList<>();
        for (JsonNode c : schema.get("columns")) {
            (c.get("role").asText().equals("numeric") ? numeric : c.get("role").asText().equals("categorical") ? categorical
                : new ArrayList<String>()).add(c.get("name").asText());
        }
        StringBuilder y = new StringBuilder("monitor: golden-perf\n");
        y.append("reference: {path: \"").append(dir.resolve("reference." + format)).append("\", format: ").append(format)
            .append(profile == null ? "" : ", profile: \"" + profile + "\"").append("}\n");
        y.append("current: {path: \"").append(dir.resolve("current." + format)).append("\", format: ").append(format).append("}\n");
        y.append("columns:\n  numerical: ").append(quoted(numeric)).append("\n  categorical: ").append(quoted(categorical)).append('\n');
        y.append("  id: \"").append(schema.get("id_column").asText()).append("\"\n");
        y.append("  label: \"").append(schema.get("label_column").asText()).append("\"\n");
        y.append("  prediction: \"").append(schema.get("prediction_column").asText()).append("\"\n");
        if (!schema.path("score_column").isNull() && schema.has("score_column")) {
            y.append("  score: \"").append(schema.get("score_column").asText()).append("\"\n");
        }
        String task = schema.get("task").asText();
        y.append("model:\n  task: ").append(task).append('\n');
        if (task.equals("binary")) {
            y.append("  positive_class: ").append(schema.get("positive_label").asText()).append('\n');
        }
        if (schema.has("label_join")) {
            y.append("  labels: {path: \"").append(dir.resolve(schema.get("label_join").get("labels_file").asText() + "." + format))
                .append("\", format: ").append(format).append(", key: ").append(schema.get("label_join").get("key").asText()).append("}\n");
        }
        y.append("checks:\n  performance: {metric: ").append(task.equals("regression") ? "rmse" : "f1").append(", max_drop: 0.05}\n");
        Path rulesFile = tmp.resolve("rules.yaml");
        Files.writeString(rulesFile, y);
        RuleSet rules = RuleFileParser.parse(rulesFile);
        DriftJob.Outcome out = new DriftJob(TestSpark.session(), line -> { })
            .run(rules, CheckCatalog.checksFor(rules), new DriftJob.Inputs(rules.reference(), rules.current(), "2026-11-26", tmp,
                profile, profile != null));
        return new ObjectMapper().readTree(out.reportJson().toFile());
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "\"" + n + "\"").toList().toString();
    }
}
