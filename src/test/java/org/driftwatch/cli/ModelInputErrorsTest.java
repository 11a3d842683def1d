package org.driftwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.driftwatch.CliRun;
import org.driftwatch.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad model input on real files through the command line: each is one line naming the column, key or
 * file, with exit 2 (the rule file asks for something the data cannot give) or 3 (the data is wrong).
 */
class ModelInputErrorsTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void data() throws IOException {
        TestSpark.session();
        StringBuilder good = new StringBuilder("id,x,label,pred,score,amount,kind\n");
        StringBuilder high = new StringBuilder("id,x,label,pred,score,amount,kind\n");
        for (int i = 0; i < 60; i++) {
            good.append(i).append(',').append(i % 7).append(',').append(i % 2).append(',').append(i % 3 == 0 ? 1 : 0).append(',')
                .append((i % 10) / 10.0).append(',').append(i * 1.5).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
            high.append(i).append(',').append(i % 7).append(',').append(i % 2).append(',').append(i % 3 == 0 ? 1 : 0).append(',')
                .append(i == 5 ? 1.7 : 0.2).append(',').append(i * 1.5).append(',').append("a").append('\n');
        }
        Files.writeString(dir.resolve("good.csv"), good);
        Files.writeString(dir.resolve("high.csv"), high);
        Files.writeString(dir.resolve("labels.csv"), "flight,label\n1,0\n2,1\n");
        Files.writeString(dir.resolve("text-labels.csv"), "id,label\nk1,0\nk2,1\n");
        Files.writeString(dir.resolve("keyless-labels.csv"), "id,label\n1,0\n,1\n,0\n3,1\n999,1\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "prediction column missing|good|label: label, prediction: predicted||2|columns.prediction names column 'predicted', which the reference data does not have; its columns: id, x, label, pred, score, amount, kind",
        "score outside [0, 1]|high|label: label, prediction: pred, score: score|task: binary|3|current column 'score' (columns.score) holds 1.7, outside [0, 1]",
        "regression label that is text|good|label: kind, prediction: amount|task: regression|2|model.task is regression, but the label column 'kind' is of type string",
        "multiclass task with a score|good|label: label, prediction: pred, score: score|task: multiclass|2|columns.score is the positive-class probability of a binary task, but model.task is multiclass",
        "labels file without the key|good|label: label, prediction: pred, id: id|'labels: {path: LABELS, format: csv, key: id}'|3|labels data LABELS has no key column 'id' (model.labels.key); its columns: flight, label",
        "labels key of another type|good|label: label, prediction: pred, id: id|'labels: {path: TEXTLABELS, format: csv, key: id}'|3|labels data TEXTLABELS: key column 'id' (model.labels.key) is string there but int in the current data; the keys must both be numbers, both text or both dates",
        "unknown task|good|label: label, prediction: pred|task: multiclas|2|unknown model.task 'multiclas' (did you mean 'multiclass'?); use one of binary, multiclass, regression",
        "model without a prediction|good|label: label|task: binary|2|model: needs columns.label and columns.prediction"})
    void oneLineAndTheDocumentedExitCode(String what, String current, String columns, String model, int exit, String message) throws IOException {
        String labels = dir.resolve("labels.csv").toString();
        model = model == null ? null : model.replace("TEXTLABELS", "\"" + dir.resolve("text-labels.csv") + "\"");
        message = message.replace("TEXTLABELS", dir.resolve("text-labels.csv").toString());
        String yaml = "monitor: bad-model\n"
            + "reference: {path: \"" + dir.resolve("good.csv") + "\", format: csv}\n"
            + "current: {path: \"" + dir.resolve(current + ".csv") + "\", format: csv}\n"
            + "columns: {numerical: [x], " + columns + "}\n"
            + (model == null ? "" : "model: {" + model.replace("LABELS", "\"" + labels + "\"").replaceAll("^'|'$", "") + "}\n");
        Path rules = dir.resolve(what.replaceAll("\\W+", "-") + ".yaml");
        Files.writeString(rules, yaml);
        CliRun r = CliRun.of("run", "--rules", rules.toString(), "--out", dir.resolve("out").toString(), "--date", "2026-11-26");
        assertEquals(exit, r.exitCode(), r.err());
        String line = r.errorLine();
        assertFalse(r.hasStackTrace(), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("driftwatch: error:")).count(), r.err());
        String want = message.replace("LABELS", labels);
        assertEquals(true, line.contains(want), "expected «" + want + "» in «" + line + "»");
    }

    /** Beyond the confusion table's limit the notes say the limit and the key that raises it; no WARN as if the model changed (#31 item 11). */
    @org.junit.jupiter.api.Test
    void aClassLimitIsSaidWithHowToRaiseIt() throws Exception {
        StringBuilder many = new StringBuilder("x,label,pred\n");
        for (int i = 0; i < 3000; i++) {
            many.append(i % 7).append(",k").append(i % 300).append(",k").append((i * 7) % 300).append('\n');
        }
        Files.writeString(dir.resolve("many.csv"), many);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int limit : new int[] {100, 1000}) {
            Path rules = dir.resolve("many-" + limit + ".yaml");
            Files.writeString(rules, "monitor: many" + limit + "\n"
                + "reference: {path: \"" + dir.resolve("many.csv") + "\", format: csv}\n"
                + "current: {path: \"" + dir.resolve("many.csv") + "\", format: csv}\n"
                + "columns: {numerical: [x], label: label, prediction: pred}\n"
                + "model: {task: multiclass, max_class_pairs: " + limit + "}\n");
            CliRun r = CliRun.of("run", "--rules", rules.toString(), "--out", dir.resolve("out").toString(), "--date", "2026-11-26");
            assertEquals(0, r.exitCode(), r.err());
            com.fasterxml.jackson.databind.JsonNode report = json.readTree(dir.resolve("out/many" + limit + "/2026-11-26/report.json").toFile());
            com.fasterxml.jackson.databind.JsonNode perf = report.get("performance");
            com.fasterxml.jackson.databind.JsonNode finding = null;
            for (com.fasterxml.jackson.databind.JsonNode c : report.get("checks")) {
                if (c.get("name").asText().equals("performance")) {
                    finding = c;
                }
            }
            if (limit == 100) {
                String note = perf.get("reference").get("notes").get(0).asText();
                assertEquals("more than 100 distinct (label, prediction) pairs, the confusion table's limit: the classification metrics are not"
                    + " computed; raise model.max_class_pairs (up to 1,000,000) for a model with this many classes", note);
                assertFalse(note.contains("regression"));
                assertEquals("ok", finding.get("status").asText(), finding.toString());
                assertEquals(true, finding.get("message").asText().startsWith("macro_f1 not judged: not computed on either side"));
            } else {
                assertEquals(300, perf.get("reference").get("labels_order").size(), "raised: every class counted");
                assertEquals("ok", finding.get("status").asText());
            }
        }
    }

    @org.junit.jupiter.api.Test
    void labelRowsWithoutAKeyAreCountedBesideTheUnmatched() throws Exception {
        Path rules = dir.resolve("keyless.yaml");
        Files.writeString(rules, "monitor: keyless\n"
            + "reference: {path: \"" + dir.resolve("good.csv") + "\", format: csv}\n"
            + "current: {path: \"" + dir.resolve("good.csv") + "\", format: csv}\n"
            + "columns: {numerical: [x], label: label, prediction: pred, id: id}\n"
            + "model: {task: binary, labels: {path: \"" + dir.resolve("keyless-labels.csv") + "\", format: csv, key: id}}\n");
        CliRun r = CliRun.of("run", "--rules", rules.toString(), "--out", dir.resolve("out").toString(), "--date", "2026-11-26");
        assertEquals(0, r.exitCode(), r.err());
        com.fasterxml.jackson.databind.JsonNode labels = new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(dir.resolve("out/keyless/2026-11-26/report.json").toFile()).get("performance").get("labels");
        assertEquals(2, labels.get("null_key_label_rows").asInt(), labels.toString());
        assertEquals(1, labels.get("unmatched_label_rows").asInt(), "999 only; the keyless rows are not counted twice");
        assertEquals(2, labels.get("predictions_with_label").asInt());
    }
}
