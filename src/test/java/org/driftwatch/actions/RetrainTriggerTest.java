package org.driftwatch.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.driftwatch.CliRun;
import org.driftwatch.GoldenCase;
import org.driftwatch.TestSpark;
import org.driftwatch.cli.ExitCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retrain triggers and webhooks against a real HTTP server on 127.0.0.1 that records what it gets. */
class RetrainTriggerTest {
    private static final String TOKEN = "tok-9f8e7d6c5b4a";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    RecordingHttpServer http;
    static Path synthetic;
    static Path seattle;

    @BeforeAll
    static void spark() {
        TestSpark.session();
        synthetic = GoldenCase.load("synthetic_injected_drift").dir();
        seattle = GoldenCase.load("seattle_2012_vs_2015").dir();
    }

    @BeforeEach
    void server() throws IOException {
        http = new RecordingHttpServer()
            .on("/api/", r -> new RecordingHttpServer.Answer(200, "{\"dag_run_id\":\"x\",\"state\":\"queued\"}"))
            .on("/hook", r -> new RecordingHttpServer.Answer(200, "ok"));
    }

    @AfterEach
    void stop() {
        http.close();
    }

    private Path drifted(String actions) throws IOException {
        Path f = tmp.resolve("drifted.yaml");
        Files.writeString(f, "monitor: synthetic\n"
            + "reference: {path: \"" + synthetic.resolve("reference.parquet") + "\"}\n"
            + "current: {path: \"" + synthetic.resolve("current.parquet") + "\"}\n"
            + "columns: {numerical: [x_stable, x_shift, x_scale], categorical: [cat_drift], id: id, label: label}\n"
            + "actions:\n" + actions);
        return f;
    }

    private Path stable(String actions) throws IOException {
        Path f = tmp.resolve("stable.yaml");
        Files.writeString(f, "monitor: stable\n"
            + "reference: {path: \"" + seattle.resolve("reference.csv") + "\"}\n"
            + "current: {path: \"" + seattle.resolve("reference.csv") + "\"}\n"
            + "columns: {numerical: [temp_max, wind], label: weather}\n"
            + "checks: {identical_rows: {enabled: false}}\n"
            + "actions:\n" + actions);
        return f;
    }

    private String airflow(String extra) {
        return "  retrain:\n    when: [psi_fail, label_drift]\n    dag_id: fraud_retrain\n    airflow: {url: \"" + http.url() + "\"" + extra + "}\n";
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("DRIFTWATCH_AIRFLOW_TOKEN", TOKEN);
        env.put("DRIFTWATCH_HTTP_ATTEMPTS", "3");
        env.put("DRIFTWATCH_HTTP_BACKOFF_MS", "20");
        return env;
    }

    private CliRun run(Map<String, String> env, Path rules, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--rules", rules.toString(), "--date", "2026-11-26",
            "--out", tmp.resolve("out").toString()));
        args.addAll(List.of(extra));
        return CliRun.of(env, args.toArray(String[]::new));
    }

    private JsonNode report(String monitor) throws IOException {
        return JSON.readTree(tmp.resolve("out/" + monitor + "/2026-11-26/report.json").toFile());
    }

    @Test
    void driftTriggersExactlyOnceAndARerunDoesNot() throws Exception {
        Path rules = drifted(airflow(""));
        CliRun first = run(env(), rules);
        assertEquals(ExitCode.OK, first.exitCode(), first.err());
        List<RecordingHttpServer.Request> calls = http.requests();
        assertEquals(1, calls.size());
        RecordingHttpServer.Request call = calls.get(0);
        assertEquals("POST", call.method());
        assertEquals("/api/v2/dags/fraud_retrain/dagRuns", call.path());
        assertEquals("Bearer " + TOKEN, call.header("Authorization"));
        JsonNode body = JSON.readTree(call.body());
        assertEquals("driftwatch__synthetic__2026-11-26", body.get("dag_run_id").asText());
        assertTrue(body.has("logical_date") && body.get("logical_date").isNull(), "Airflow 3 requires logical_date");
        assertEquals("synthetic", body.get("conf").get("monitor").asText());
        assertEquals("[\"cat_drift\"]", body.get("conf").get("drifted_columns").toString());
        assertTrue(body.get("conf").get("report_path").asText().endsWith("out/synthetic/2026-11-26/report.json"));

        JsonNode report = report("synthetic");
        assertEquals("retrain", report.get("decision").get("verdict").asText());
        assertEquals("psi_fail", report.get("decision").get("reasons").get(0).get("kind").asText());
        assertEquals("triggered", report.get("actions").get(0).get("outcome").asText());

        CliRun again = run(env(), rules);
        assertEquals(ExitCode.OK, again.exitCode(), again.err());
        assertEquals(1, http.requests().size(), "a rerun of the same monitor and date does not trigger again");
        assertEquals("already_done", report("synthetic").get("actions").get(0).get("outcome").asText());
        assertFalse(first.err().contains(TOKEN) || again.err().contains(TOKEN));
        assertFalse(Files.readString(tmp.resolve("out/synthetic/2026-11-26/report.json")).contains(TOKEN));
    }

    @Test
    void theConceptDriftExampleTriggersRetrainingWithItsReason() throws Exception {
        // the bundled example as a user runs it, with its commented-out airflow line pointed at the test server
        String example = Files.readString(Path.of("rules/late-flights.yaml")).replace("rules/data/", Path.of("rules/data").toAbsolutePath() + "/")
            .replace("# airflow: {url: \"http://airflow:8080\"}", "airflow: {url: \"" + http.url() + "\"}");
        Path rules = tmp.resolve("late-flights.yaml");
        Files.writeString(rules, example);
        CliRun r = run(env(), rules);
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        assertTrue(r.err().contains("RETRAIN: performance dropped: binary roc_auc") && r.err().contains("[concept drift P(Y|X)]"),
            r.err());
        assertEquals(1, http.requests().size());
        JsonNode conf = JSON.readTree(http.requests().get(0).body()).get("conf");
        assertEquals("/api/v2/dags/late_flights_retrain/dagRuns", http.requests().get(0).path());
        assertEquals("[\"performance_drop\"]", conf.get("reason_kinds").toString());
        assertEquals("retrain", conf.get("outcome").asText());
        assertEquals("[\"concept drift P(Y|X)\"]", conf.get("drift_types").toString());
        assertTrue(conf.get("reasons").get(0).asText().startsWith("performance dropped: binary roc_auc 0.7926 → 0.2896"));
        JsonNode report = report("late-flights");
        assertEquals("performance_drop", report.get("decision").get("reasons").get(0).get("kind").asText());
        assertEquals("[]", report.get("dataset_drift").get("drifted_columns").toString(), "no feature drifted");
        assertEquals("triggered", report.get("actions").get(0).get("outcome").asText());
        String html = Files.readString(tmp.resolve("out/late-flights/2026-11-26/report.html"));
        assertTrue(html.contains("Drift tonight: concept drift P(Y|X)") && html.contains("Model performance: binary"));
        // worse than chance: said, and the labels are to be checked before retraining (#30 item 4)
        assertTrue(conf.get("reasons").get(0).asText().contains("ROC AUC 0.29 is below 0.5: the ranking is reversed"), conf.toString());
        assertTrue(html.contains("Before retraining, check the labels for inversion (positive_class) or a mis-joined key"), "next step");
        // say each thing once (#30 item 9): the headline and the findings list, not five times
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
        String text = page.text();
        int said = text.split("roc_auc 0.7926 → 0.2896", -1).length - 1;
        assertTrue(said <= 2, "the performance sentence " + said + " times");
        assertTrue(text.contains("Retrain the model. "), "the retrain step does not repeat the headline");
        // the judged metric stands out and every change says which way is worse; no all-low PSI chart above the model
        org.jsoup.nodes.Element judged = page.select("td").stream().filter(td -> td.ownText().equals("roc_auc (judged)")).findFirst()
            .orElseThrow().parent();
        assertTrue(judged != null && judged.attr("style").contains("font-weight:bold"), "the judged row is bold");
        assertTrue(judged.text().endsWith("-0.5030 worse"), judged.text());
        java.util.function.Function<String, String> row = name -> page.select("td").stream().filter(td -> td.ownText().equals(name))
            .findFirst().orElseThrow().parent().text();
        assertTrue(row.apply("log_loss").endsWith("worse"), "lower is better for log_loss: up is worse");
        assertTrue(row.apply("mean_score").endsWith("+0.0008562"), "a neutral metric says neither");
        assertTrue(page.select("img[alt^=Bar chart of PSI per column]").isEmpty(),
            "every PSI is below the warn level: no PSI overview chart");
    }

    @Test
    void consecutiveNightsAndCooldownLookBackThroughTheHistory() throws Exception {
        Path rules = drifted("  retrain:\n    when: [psi_fail, label_drift]\n    consecutive: 3\n    cooldown_days: 7\n    dag_id: fraud_retrain\n"
            + "    airflow: {url: \"" + http.url() + "\"}\n");
        String[] dates = {"2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04"};
        List<String> verdicts = new ArrayList<>();
        List<String> first = new ArrayList<>();
        for (String d : dates) {
            CliRun r = runOn(rules, d);
            assertEquals(ExitCode.OK, r.exitCode(), r.err());
            JsonNode decision = JSON.readTree(tmp.resolve("out/synthetic/" + d + "/report.json").toFile()).get("decision");
            verdicts.add(decision.get("verdict").asText());
            first.add(decision.get("reasons").get(0).get("message").asText());
        }
        assertEquals(List.of("alert", "alert", "retrain", "alert"), verdicts);
        assertEquals("retrain reasons hold for the 1st of 3 required nights in a row", first.get(0));
        assertEquals("retrain reasons hold for the 2nd of 3 required nights in a row", first.get(1));
        assertEquals("retrain reasons hold, but retraining is in cooldown until 2026-11-10 (last retrain 2026-11-03, cooldown_days 7)",
            first.get(3));
        assertEquals(1, http.requests().size(), "triggered on the third breaching night only, once");
        assertTrue(http.requests().get(0).body().contains("driftwatch__synthetic__2026-11-03"));

        CliRun table = CliRun.of(env(), "history", "--rules", rules.toString(), "--out", tmp.resolve("out").toString(), "--format", "csv");
        assertEquals(ExitCode.OK, table.exitCode(), table.err());
        List<String> rows = table.out().lines().skip(1).toList();
        assertEquals(rows.size(), rows.stream().map(l -> String.join(",", java.util.Arrays.copyOf(l.split(","), 3))).distinct().count(),
            "one row per date, column and metric");
        assertEquals(4, rows.stream().filter(l -> l.contains(",_run,verdict,")).count());

        // a rerun of night 2 replaces its rows and decides as before: no duplicates, no new trigger
        assertEquals(ExitCode.OK, runOn(rules, "2026-11-02").exitCode());
        CliRun again = CliRun.of(env(), "history", "--rules", rules.toString(), "--out", tmp.resolve("out").toString(), "--format", "csv");
        java.util.function.Function<String, List<String>> withoutTimings = out -> out.lines().filter(l -> !l.contains(",duration_seconds,")).toList();
        assertEquals(withoutTimings.apply(table.out()), withoutTimings.apply(again.out()));
        assertEquals(1, http.requests().size());
        CliRun psi = CliRun.of(env(), "history", "--rules", rules.toString(), "--out", tmp.resolve("out").toString(), "--column", "x_shift",
            "--metric", "psi", "--since", "2026-11-03");
        assertEquals(3, psi.out().lines().count(), "a header and two nights: " + psi.out());
    }

    private CliRun runOn(Path rules, String date) {
        return CliRun.of(env(), "run", "--rules", rules.toString(), "--date", date, "--out", tmp.resolve("out").toString());
    }

    @Test
    void stableDataTriggersNothing() throws Exception {
        CliRun r = run(env(), stable(airflow("") + "  webhooks:\n    - {url: \"" + http.url() + "/hook\", when: [retrain]}\n"));
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        assertEquals("ok", report("stable").get("decision").get("verdict").asText());
        assertEquals(0, http.requests().size());
    }

    @Test
    void conflictMeansAlreadyTriggered() throws Exception {
        http.on("/api/", r -> new RecordingHttpServer.Answer(409, "{\"detail\":\"DAG run already exists\"}"));
        CliRun r = run(env(), drifted(airflow("")));
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        assertEquals("already_done", report("synthetic").get("actions").get(0).get("outcome").asText());
        assertEquals(1, http.requests().size());
    }

    @Test
    void serverErrorsAreRetriedThenExitFourWithReportsIntact() throws Exception {
        http.on("/api/", r -> new RecordingHttpServer.Answer(503, "{\"detail\":\"scheduler busy " + TOKEN + "\"}"));
        CliRun r = run(env(), drifted(airflow("")));
        assertEquals(ExitCode.ACTION_FAILED, r.exitCode(), r.err());
        assertEquals(3, http.requests().size(), "bounded retries");
        JsonNode action = report("synthetic").get("actions").get(0);
        assertEquals("failed", action.get("outcome").asText());
        assertEquals(3, action.get("attempts").asInt());
        assertTrue(Files.exists(tmp.resolve("out/synthetic/2026-11-26/report.html")));
        assertFalse(r.err().contains(TOKEN), "the token echoed by the server is scrubbed:\n" + r.err());
        assertFalse(Files.readString(tmp.resolve("out/synthetic/2026-11-26/report.json")).contains(TOKEN));

        http.on("/api/", req -> new RecordingHttpServer.Answer(200, "{}"));
        assertEquals(ExitCode.OK, run(env(), drifted(airflow(""))).exitCode(), "a failed trigger is retried by the next run");
        assertEquals(4, http.requests().size());
    }

    @Test
    void airflowThreeLogsInForATokenAndAirflowTwoUsesBasicAuth() throws Exception {
        Map<String, String> env = env();
        env.remove("DRIFTWATCH_AIRFLOW_TOKEN");
        env.put("DRIFTWATCH_AIRFLOW_USER", "admin");
        env.put("DRIFTWATCH_AIRFLOW_PASSWORD", "pw-123456");
        http.on("/auth/token", r -> new RecordingHttpServer.Answer(201, "{\"access_token\":\"jwt-abc\"}"));
        assertEquals(ExitCode.OK, run(env, drifted(airflow(""))).exitCode());
        assertEquals("/auth/token", http.requests().get(0).path());
        assertEquals("{\"username\":\"admin\",\"password\":\"pw-123456\"}", http.requests().get(0).body());
        assertEquals("Bearer jwt-abc", http.requests().get(1).header("Authorization"));

        Path v1 = drifted(airflow(", api: v1"));
        Files.delete(tmp.resolve("out/synthetic/2026-11-26/actions-done.json"));
        assertEquals(ExitCode.OK, run(env, v1).exitCode());
        RecordingHttpServer.Request call = http.requests().get(2);
        assertEquals("/api/v1/dags/fraud_retrain/dagRuns", call.path());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("admin:pw-123456".getBytes(StandardCharsets.UTF_8)),
            call.header("Authorization"));
        assertNull(JSON.readTree(call.body()).get("logical_date"));
    }

    @Test
    void webhooksPostSummariesWithHeadersFromTheEnvironment() throws Exception {
        Map<String, String> env = env();
        env.put("HOOK_TOKEN", "hook-secret-42");
        Path rules = drifted("  webhooks:\n    - {url: \"" + http.url() + "/hook/slack\", when: [retrain, alert], headers_from_env: {X-Hook-Token: HOOK_TOKEN}}\n"
            + "    - {url: \"" + http.url() + "/hook/ok-only\", when: [ok]}\n");
        CliRun r = run(env, rules);
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        List<RecordingHttpServer.Request> hooks = http.requests("/hook");
        assertEquals(1, hooks.size(), "only the webhook that wants retrain");
        assertEquals("hook-secret-42", hooks.get(0).header("X-Hook-Token"));
        JsonNode body = JSON.readTree(hooks.get(0).body());
        assertTrue(body.get("text").asText().startsWith("driftwatch synthetic 2026-11-26: RETRAIN — "), body.toString());
        assertEquals("retrain", body.get("verdict").asText());
        assertEquals("retrain", body.get("outcome").asText(), "the outcome in the one vocabulary");
        assertEquals(1, run(env, rules).exitCode() == 0 ? http.requests("/hook").size() : -1, "the retrain summary is not repeated");
        assertFalse(r.err().contains("hook-secret-42"));

        CliRun missing = run(Map.of(), drifted("  webhooks:\n    - {url: \"" + http.url() + "/hook\", headers_from_env: {X-Hook-Token: NOT_SET_ANYWHERE}}\n"));
        assertEquals(ExitCode.ACTION_FAILED, missing.exitCode());
        assertTrue(missing.err().contains("environment variable NOT_SET_ANYWHERE is not set"), missing.err());
    }

    @Test
    void serversThatEchoCredentialsLeakNothingInAnyEncoding() throws Exception {
        Map<String, String> env = env();
        env.remove("DRIFTWATCH_AIRFLOW_TOKEN");
        env.put("DRIFTWATCH_AIRFLOW_USER", "admin");
        env.put("DRIFTWATCH_AIRFLOW_PASSWORD", "pw-secret-987");
        env.put("HOOK_TOKEN", "hook-secret-42");
        // both servers refuse and echo what they were sent: the Authorization header, the token header
        http.on("/api/v1/", r -> new RecordingHttpServer.Answer(400, "{\"detail\":\"bad auth " + r.header("Authorization") + "\"}"));
        http.on("/services/", r -> new RecordingHttpServer.Answer(403, "token " + r.header("X-Hook-Token") + " as "
            + Base64.getEncoder().encodeToString(r.header("X-Hook-Token").getBytes(StandardCharsets.UTF_8)) + " at " + r.path()));
        String slack = http.url() + "/services/T000/B000/XXXXSECRETPATH";
        CliRun r = run(env, drifted(airflow(", api: v1") + "  webhooks:\n    - {url: \"" + slack + "\", when: [retrain]}\n"));
        assertEquals(ExitCode.ACTION_FAILED, r.exitCode(), r.err());
        String json = Files.readString(tmp.resolve("out/synthetic/2026-11-26/report.json"));
        String basic = Base64.getEncoder().encodeToString("admin:pw-secret-987".getBytes(StandardCharsets.UTF_8));
        for (String leak : List.of("pw-secret-987", basic, basic.replace("=", ""), "hook-secret-42",
            Base64.getEncoder().encodeToString("hook-secret-42".getBytes(StandardCharsets.UTF_8)), "XXXXSECRETPATH")) {
            assertFalse(r.err().contains(leak), "stderr leaks " + leak + ": " + r.err());
            assertFalse(json.contains(leak), "report.json leaks " + leak);
        }
        JsonNode hook = null;
        for (JsonNode a : report("synthetic").get("actions")) {
            if (a.get("action").asText().equals("webhook")) {
                hook = a;
            }
        }
        assertEquals(http.url() + "/…", hook.get("recipients").get(0).asText(), "scheme and host, the path redacted");
        http.on("/services/", req -> new RecordingHttpServer.Answer(200, "ok"));
        run(env, drifted(airflow(", api: v1") + "  webhooks:\n    - {url: \"" + slack + "\", when: [retrain]}\n"));
        String ledger = Files.readString(tmp.resolve("out/synthetic/2026-11-26/actions-done.json"));
        assertTrue(ledger.contains("webhook:"), ledger);
        assertFalse(ledger.contains("XXXXSECRETPATH"), "the ledger beside the reports keys webhooks by a digest: " + ledger);
    }

    @Test
    void failedRunsPostTheErrorToWebhooks() throws Exception {
        Path rules = tmp.resolve("broken.yaml");
        Files.writeString(rules, "monitor: broken\nreference: {path: " + tmp.resolve("none.parquet") + "}\ncurrent: {path: "
            + tmp.resolve("none2.parquet") + "}\nactions:\n  webhooks:\n    - {url: \"" + http.url() + "/hook\", when: [error]}\n");
        assertEquals(ExitCode.BAD_DATA, run(env(), rules).exitCode());
        JsonNode body = JSON.readTree(http.requests("/hook").get(0).body());
        assertEquals("error", body.get("verdict").asText());
        assertTrue(body.get("text").asText().contains("reference data not found"));
    }

    @Test
    void failOnMakesTheVerdictTheExitCode() throws Exception {
        Path noActions = drifted("  retrain: {when: [psi_fail]}\n");
        assertEquals(ExitCode.OK, run(Map.of(), noActions).exitCode(), "by default a completed run exits 0");
        assertEquals(ExitCode.FAIL_ON, run(Map.of(), noActions, "--fail-on", "drift").exitCode());
        Path stable = stable("  retrain: {when: [psi_fail]}\n");
        assertEquals(ExitCode.OK, run(Map.of(), stable, "--fail-on", "drift").exitCode());
        assertEquals(ExitCode.OK, run(Map.of(), stable, "--fail-on", "warn").exitCode(), "verdict ok");
        assertEquals(ExitCode.BAD_RULES, run(Map.of(), stable, "--fail-on", "sometimes").exitCode());
    }
}
