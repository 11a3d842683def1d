package org.driftwatch.actions.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.driftwatch.actions.Backoff;
import org.driftwatch.actions.Secrets;

/**
 * POSTs JSON with java.net.http: timeouts, refused connections and 5xx answers are retried with
 * backoff; any other answer is returned to the caller. Secrets (tokens, header values) are scrubbed
 * from everything it says.
 */
public final class HttpDelivery {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER).build();

    private final Backoff backoff;
    private final Duration timeout;
    private final Consumer<String> log;
    private final Secrets secrets;

    public HttpDelivery(Backoff backoff, Duration timeout, Consumer<String> log, Secrets secrets) {
        this.backoff = backoff;
        this.timeout = timeout;
        this.log = log;
        this.secrets = secrets;
    }

    /** An answer that is not a 5xx: its status, body and the attempts it took. */
    public record Answer(int status, String body, int attempts) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public Answer post(String what, URI uri, Map<String, String> headers, String json) throws Backoff.Exhausted {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
            .header("Content-Type", "application/json").header("Accept", "application/json")
            .header("User-Agent", "driftwatch")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        HttpRequest request = b.build();
        return backoff.run(what, attempt -> {
            HttpResponse<String> response;
            try {
                response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new Backoff.Retryable(scrub(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Backoff.Retryable("interrupted");
            }
            if (response.statusCode() >= 500) {
                throw new Backoff.Retryable("HTTP " + response.statusCode() + " " + snippet(response.body()));
            }
            return new Answer(response.statusCode(), response.body(), attempt);
        }, line -> log.accept(scrub(line)));
    }

    /** The first 120 characters of a body, secrets removed, for messages. */
    public String snippet(String body) {
        String s = scrub(body == null ? "" : body).replaceAll("\\s+", " ").strip();
        return scrub(s.length() > 120 ? s.substring(0, 120) + "…" : s);
    }

    /** Every secret removed, in all its encoded forms. */
    public String scrub(String text) {
        return secrets.scrub(text);
    }
}
