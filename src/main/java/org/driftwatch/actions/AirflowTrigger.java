package org.driftwatch.actions;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.driftwatch.actions.http.HttpDelivery;
import org.driftwatch.report.DriftReport;
import org.driftwatch.rules.RuleSection;
import org.driftwatch.rules.RuleSet;

/**
 * Starts the model's retraining DAG through Airflow's REST API: {@code POST /api/v2/dags/{dag_id}/dagRuns}
 * (Airflow 3) or {@code /api/v1/...} (Airflow 2), with the run id {@code driftwatch__<monitor>__<date>}
 * so Airflow itself refuses a second run for the same date (409, counted as already triggered).
 * Credentials from the environment: {@code DRIFTWATCH_AIRFLOW_TOKEN} (bearer), or
 * {@code DRIFTWATCH_AIRFLOW_USER}/{@code _PASSWORD} (basic auth on v1; exchanged for a token at
 * {@code /auth/token} on v2).
 */
public record AirflowTrigger(String url, String dagId, String api) implements Action {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> APIS = List.of("v2", "v1");

    /**
     * {@code actions.retrain}: the judge's retrain policy (when, min_columns, consecutive, cooldown_days,
     * read by {@code judge.RetrainPolicy}) and its {@code airflow} trigger, whose dag_id defaults to
     * {@code retrain.dag_id}.
     */
    static final class Kind implements ActionKind {
        @Override
        public String key() {
            return "retrain";
        }

        @Override
        public List<Action> fromRules(RuleSet rules, CommandLine cli) {
            Optional<RuleSection> retrain = rules.actions().section("retrain").filter(RuleSection::enabled);
            if (retrain.isEmpty()) {
                return List.of();
            }
            RuleSection r = retrain.get();
            r.allowOnly(List.of("when", "min_columns", "consecutive", "cooldown_days", "dag_id", "airflow"));
            return r.section("airflow").filter(RuleSection::enabled).<Action>map(a -> AirflowTrigger.fromRules(withDefaultDag(a, r))).stream().toList();
        }

        private static RuleSection withDefaultDag(RuleSection airflow, RuleSection retrain) {
            if (airflow.has("dag_id") || retrain.string("dag_id").isEmpty()) {
                return airflow;
            }
            return airflow.with("dag_id", retrain.string("dag_id").get());
        }
    }

    /** Triggers the retraining DAG once per monitor and date, when the verdict is retrain. */
    @Override
    public List<ActionResult> onReport(Judged judged, ActionContext context) {
        if (!judged.report().decision().retrain()) {
            return List.of();
        }
        return List.of(context.once(judged.ledger(), List.of(ledgerKey()), "airflow", List.of(url + " " + dagId),
            () -> trigger(judged.report(), judged.reportPath(), context.env(), context.httpBackoff(), context.log())));
    }

    static AirflowTrigger fromRules(RuleSection s) {
        s.allowOnly(List.of("url", "dag_id", "api"));
        String url = s.string("url").orElseThrow(() -> s.error("actions.retrain.airflow needs 'url' (the Airflow API server)"));
        if (!url.matches("https?://.+")) {
            throw s.error("url", "actions.retrain.airflow.url must start with http:// or https://, not '" + url + "'");
        }
        String dag = s.string("dag_id").orElseThrow(() -> s.error("actions.retrain.airflow needs 'dag_id' (the retraining DAG)"));
        String api = s.string("api").orElse("v2");
        if (!APIS.contains(api)) {
            throw s.error("api", "actions.retrain.airflow.api must be v2 (Airflow 3) or v1 (Airflow 2), not '" + api + "'");
        }
        return new AirflowTrigger(url.replaceAll("/+$", ""), dag, api);
    }

    static String runId(String monitor, String date) {
        return "driftwatch__" + monitor + "__" + date;
    }

    String ledgerKey() {
        return "airflow:" + url + ":" + dagId;
    }

    ActionResult trigger(DriftReport report, String reportPath, Map<String, String> env, Backoff backoff, Consumer<String> log) {
        String runId = runId(report.monitor(), report.date());
        List<String> secrets = new ArrayList<>();
        secrets.add(env.get("DRIFTWATCH_AIRFLOW_TOKEN"));
        secrets.add(env.get("DRIFTWATCH_AIRFLOW_PASSWORD"));
        HttpDelivery http = new HttpDelivery(backoff, Duration.ofSeconds(30), log,
            Secrets.of(env.get("DRIFTWATCH_AIRFLOW_USER"), secrets));
        List<String> target = List.of(url + " " + dagId);
        try {
            Map<String, String> headers = authorization(env, http, log);
            URI uri = URI.create(url + "/api/" + api + "/dags/" + URLEncoder.encode(dagId, StandardCharsets.UTF_8) + "/dagRuns");
            HttpDelivery.Answer a = http.post("airflow trigger", uri, headers, body(report, runId, reportPath));
            if (a.ok()) {
                return new ActionResult("airflow", ActionResult.Outcome.TRIGGERED, target, a.attempts(),
                    "started DAG run " + runId + " of " + dagId);
            }
            if (a.status() == 409) {
                return new ActionResult("airflow", ActionResult.Outcome.ALREADY_DONE, target, a.attempts(),
                    "DAG run " + runId + " of " + dagId + " already exists (HTTP 409)");
            }
            return new ActionResult("airflow", ActionResult.Outcome.FAILED, target, a.attempts(),
                "Airflow refused the trigger: HTTP " + a.status() + " " + http.snippet(a.body()));
        } catch (Backoff.Exhausted e) {
            return new ActionResult("airflow", ActionResult.Outcome.FAILED, target, e.attempts(),
                "Airflow did not answer after " + e.attempts() + " attempts: " + e.getMessage());
        } catch (CredentialsRefused e) {
            return new ActionResult("airflow", ActionResult.Outcome.FAILED, target, 1, e.getMessage());
        }
    }

    private String body(DriftReport report, String runId, String reportPath) {
        ObjectNode body = JSON.createObjectNode();
        body.put("dag_run_id", runId);
        if (api.equals("v2")) {
            body.putNull("logical_date");
        }
        ObjectNode conf = body.putObject("conf");
        conf.put("monitor", report.monitor());
        conf.put("date", report.date());
        conf.put("report_path", reportPath);
        conf.put("verdict", report.decision().verdict().json());
        conf.put("outcome", report.judgement().outcome().json());
        report.decision().retrainColumns().forEach(conf.putArray("drifted_columns")::add);
        report.decision().reasons().forEach(r -> conf.withArray("reasons").add(r.message()));
        report.decision().reasons().stream().map(r -> r.kind()).distinct().forEach(k -> conf.withArray("reason_kinds").add(k));
        report.judgement().explanation().driftTypes().forEach(t -> conf.withArray("drift_types").add(t));
        body.put("note", "triggered by driftwatch: " + String.join("; ", report.decision().reasons().stream().map(r -> r.message()).toList()));
        return org.driftwatch.report.BoundedText.tree(body).toString();
    }

    /** Bearer token, basic auth (v1) or a token from /auth/token (v2); none when nothing is set. */
    private Map<String, String> authorization(Map<String, String> env, HttpDelivery http, Consumer<String> log)
        throws Backoff.Exhausted, CredentialsRefused {
        Map<String, String> h = new LinkedHashMap<>();
        String token = env.get("DRIFTWATCH_AIRFLOW_TOKEN");
        String user = env.get("DRIFTWATCH_AIRFLOW_USER");
        String password = env.get("DRIFTWATCH_AIRFLOW_PASSWORD");
        if (token != null && !token.isBlank()) {
            h.put("Authorization", "Bearer " + token.strip());
        } else if (user != null && password != null) {
            if (api.equals("v1")) {
                h.put("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            } else {
                ObjectNode login = JSON.createObjectNode().put("username", user).put("password", password);
                HttpDelivery.Answer a = http.post("airflow login", URI.create(url + "/auth/token"), Map.of(), login.toString());
                String access = null;
                try {
                    JsonNode answer = JSON.readTree(a.body());
                    access = answer.path("access_token").asText(null);
                } catch (Exception e) {
                    // handled below
                }
                if (!a.ok() || access == null) {
                    throw new CredentialsRefused("Airflow refused DRIFTWATCH_AIRFLOW_USER's login at " + url + "/auth/token: HTTP " + a.status());
                }
                h.put("Authorization", "Bearer " + access);
            }
        }
        return h;
    }

    private static final class CredentialsRefused extends Exception {
        private static final long serialVersionUID = 1L;

        CredentialsRefused(String message) {
            super(message);
        }
    }
}
