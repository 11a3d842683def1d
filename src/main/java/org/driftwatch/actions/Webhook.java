package org.driftwatch.actions;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.driftwatch.actions.http.HttpDelivery;
import org.driftwatch.judge.Explanation;
import org.driftwatch.report.DriftReport;
import org.driftwatch.rules.RuleSection;
import org.driftwatch.rules.RuleSet;
import org.driftwatch.rules.Suggestions;

/**
 * A generic JSON webhook ({@code actions.webhooks[]}) for chat tools and other systems: a compact
 * summary with a {@code text} field (so Slack-compatible endpoints show it as is), posted for the
 * verdicts in {@code when}. Header values come from environment variables named in
 * {@code headers_from_env}, never from the rule file.
 */
public record Webhook(String url, Set<String> when, Map<String, String> headersFromEnv) implements Action {
    static final List<String> EVENTS = List.of("retrain", "alert", "ok", "error");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code actions.webhooks}: a list, one webhook per item. */
    static final class Kind implements ActionKind {
        @Override
        public String key() {
            return "webhooks";
        }

        @Override
        public List<Action> fromRules(RuleSet rules, CommandLine cli) {
            return rules.actions().sections("webhooks").stream().filter(RuleSection::enabled).<Action>map(Webhook::fromRules).toList();
        }
    }

    /** Posts the verdict when it is in {@code when}; a retrain is posted once per monitor and date. */
    @Override
    public List<ActionResult> onReport(Judged judged, ActionContext context) {
        String event = judged.report().decision().verdict().json();
        if (!when.contains(event)) {
            return List.of();
        }
        String summary = summary(judged.report(), judged.reportPath());
        if (event.equals("retrain")) {
            return List.of(context.once(judged.ledger(), List.of(ledgerKey(event), legacyLedgerKey(event)), "webhook", List.of(display()),
                () -> post(event, summary, context.env(), context.httpBackoff(), context.log())));
        }
        return List.of(context.logged(post(event, summary, context.env(), context.httpBackoff(), context.log())));
    }

    @Override
    public List<ActionResult> onError(String monitor, String date, String message, ActionContext context) {
        if (!when.contains("error")) {
            return List.of();
        }
        return List.of(context.logged(post("error", errorSummary(monitor, date, message), context.env(), context.httpBackoff(), context.log())));
    }

    static Webhook fromRules(RuleSection s) {
        s.allowOnly(List.of("url", "when", "headers_from_env"));
        String url = s.string("url").orElseThrow(() -> s.error("each of actions.webhooks needs a 'url'"));
        if (!url.matches("https?://.+")) {
            throw s.error("url", s.name() + ".url must start with http:// or https://, not '" + url + "'");
        }
        Set<String> when = new LinkedHashSet<>();
        for (String w : s.strings("when").orElse(List.of("retrain", "alert", "error"))) {
            if (!EVENTS.contains(w)) {
                throw s.error("when", s.name() + ".when: unknown event '" + w + "'" + Suggestions.hint(w, EVENTS)
                    + "; use " + String.join(", ", EVENTS));
            }
            when.add(w);
        }
        Map<String, String> headers = s.stringMap("headers_from_env");
        headers.forEach((header, variable) -> {
            if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw s.error("headers_from_env", "header " + header + " must name an environment variable, not a value");
            }
        });
        return new Webhook(url, when, headers);
    }

    /**
     * The URL as people may see it: scheme, host and port, the path redacted (Slack-style URLs carry
     * their token in the path, and the query may carry one too).
     */
    public String display() {
        URI u = URI.create(url);
        boolean more = (u.getRawPath() != null && u.getRawPath().length() > 1) || u.getRawQuery() != null;
        return u.getScheme() + "://" + u.getRawAuthority().replaceAll("^.*@", "") + (more ? "/…" : "");
    }

    /** Keyed by a digest of the URL: the ledger lies beside the reports and must not hold the token. */
    String ledgerKey(String event) {
        return "webhook:" + digest(url) + ":" + event;
    }

    /** The key driftwatch 0.1 wrote (the URL itself), still honoured so an upgrade does not repeat a post. */
    String legacyLedgerKey(String event) {
        return "webhook:" + url + ":" + event;
    }

    /** Path segments and query long enough to be tokens. */
    private List<String> pathSegments() {
        URI u = URI.create(url);
        List<String> out = new ArrayList<>();
        for (String part : (u.getRawPath() == null ? "" : u.getRawPath()).split("/")) {
            if (part.length() >= 8) {
                out.add(part);
            }
        }
        if (u.getRawQuery() != null) {
            out.add(u.getRawQuery());
        }
        return out;
    }

    private static String digest(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    ActionResult post(String event, String json, Map<String, String> env, Backoff backoff, Consumer<String> log) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> secrets = new ArrayList<>();
        for (Map.Entry<String, String> h : headersFromEnv.entrySet()) {
            String value = env.get(h.getValue());
            if (value == null || value.isBlank()) {
                return new ActionResult("webhook", ActionResult.Outcome.FAILED, List.of(display()), 0,
                    "environment variable " + h.getValue() + " is not set (header " + h.getKey() + ")");
            }
            headers.put(h.getKey(), value);
            secrets.add(value);
        }
        secrets.add(url);   // an exception message may quote the whole URL
        secrets.addAll(pathSegments());
        HttpDelivery http = new HttpDelivery(backoff, Duration.ofSeconds(20), log, Secrets.of(secrets));
        try {
            HttpDelivery.Answer a = http.post("webhook " + display(), URI.create(url), headers, json);
            if (a.ok()) {
                return new ActionResult("webhook", ActionResult.Outcome.SENT, List.of(display()), a.attempts(), "posted " + event + " summary");
            }
            return new ActionResult("webhook", ActionResult.Outcome.FAILED, List.of(display()), a.attempts(),
                "webhook refused the " + event + " summary: HTTP " + a.status() + " " + http.snippet(a.body()));
        } catch (Backoff.Exhausted e) {
            return new ActionResult("webhook", ActionResult.Outcome.FAILED, List.of(display()), e.attempts(),
                "webhook did not answer after " + e.attempts() + " attempts: " + e.getMessage());
        }
    }

    /** The compact summary of a finished run. */
    static String summary(DriftReport r, String reportPath) {
        Explanation v = r.explanation();
        ObjectNode o = JSON.createObjectNode();
        o.put("text", "driftwatch " + r.monitor() + " " + r.date() + ": " + v.banner() + " — " + v.headline()
            + (r.decision().retrain() ? ". " + String.join("; ", r.decision().reasons().stream().map(x -> x.message()).toList()) : ""));
        o.put("monitor", r.monitor());
        o.put("date", r.date());
        o.put("verdict", r.decision().verdict().json());
        o.put("outcome", r.judgement().outcome().json());
        o.put("status", r.status().json());
        o.put("headline", v.headline());
        r.decision().retrainColumns().forEach(o.putArray("retrain_columns")::add);
        v.drifted().forEach(o.putArray("drifted_columns")::add);
        o.put("report", reportPath);
        return org.driftwatch.report.BoundedText.tree(o).toString();
    }

    /** The summary of a run that ended in an error. */
    static String errorSummary(String monitor, String date, String message) {
        ObjectNode o = JSON.createObjectNode();
        o.put("text", "driftwatch " + (monitor == null ? "" : monitor + " ") + date + ": ERROR — " + message);
        o.put("monitor", monitor);
        o.put("date", date);
        o.put("verdict", "error");
        o.put("error", message);
        return org.driftwatch.report.BoundedText.tree(o).toString();
    }
}
