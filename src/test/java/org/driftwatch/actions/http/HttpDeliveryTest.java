package org.driftwatch.actions.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.driftwatch.actions.Backoff;
import org.driftwatch.actions.RecordingHttpServer;
import org.driftwatch.actions.Secrets;
import org.junit.jupiter.api.Test;

/** JSON posts to a real HTTP server on 127.0.0.1: retried on 5xx and refused connections, never on 4xx, secrets never logged. */
class HttpDeliveryTest {
    private static final String TOKEN = "s3cr3t-token-value";

    @Test
    void aServerErrorIsRetriedUntilItAnswers() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> log = new ArrayList<>();
        try (RecordingHttpServer server = new RecordingHttpServer()) {
            server.on("/hook", r -> calls.incrementAndGet() < 3 ? new RecordingHttpServer.Answer(503, "busy, token " + TOKEN)
                : new RecordingHttpServer.Answer(200, "{\"ok\":true}"));
            HttpDelivery http = new HttpDelivery(new Backoff(4, Duration.ZERO), Duration.ofSeconds(5), log::add, Secrets.of(List.of(TOKEN)));
            HttpDelivery.Answer a = http.post("webhook", URI.create(server.url() + "/hook"), Map.of("Authorization", "Bearer " + TOKEN),
                "{\"text\":\"hi\"}");
            assertTrue(a.ok());
            assertEquals(3, a.attempts());
            assertEquals(3, server.requests("/hook").size());
            RecordingHttpServer.Request r = server.requests("/hook").get(2);
            assertEquals("POST", r.method());
            assertEquals("{\"text\":\"hi\"}", r.body());
            assertEquals("application/json", r.header("Content-Type"));
            assertEquals("Bearer " + TOKEN, r.header("Authorization"), "headers reach the server");
        }
        assertFalse(log.isEmpty(), "the retries are logged");
        assertTrue(log.stream().noneMatch(l -> l.contains(TOKEN)), "no secret in the log: " + log);
    }

    @Test
    void aClientErrorIsAnAnswerNotARetry() throws Exception {
        try (RecordingHttpServer server = new RecordingHttpServer()) {
            server.on("/hook", r -> new RecordingHttpServer.Answer(401, "{\"detail\":\"bad token " + TOKEN + "\"}"));
            HttpDelivery http = new HttpDelivery(new Backoff(4, Duration.ZERO), Duration.ofSeconds(5), l -> { }, Secrets.of(List.of(TOKEN)));
            HttpDelivery.Answer a = http.post("webhook", URI.create(server.url() + "/hook"), Map.of(), "{}");
            assertFalse(a.ok());
            assertEquals(401, a.status());
            assertEquals(1, server.requests().size());
            assertFalse(http.snippet(a.body()).contains(TOKEN), "a body quoted in messages has the secret removed");
        }
    }

    @Test
    void everyAttemptFailingIsExhaustedWithTheLastReason() throws Exception {
        try (RecordingHttpServer server = new RecordingHttpServer()) {
            server.on("/hook", r -> new RecordingHttpServer.Answer(500, "down"));
            HttpDelivery http = new HttpDelivery(new Backoff(2, Duration.ZERO), Duration.ofSeconds(5), l -> { }, Secrets.none());
            Backoff.Exhausted e = assertThrows(Backoff.Exhausted.class,
                () -> http.post("webhook", URI.create(server.url() + "/hook"), Map.of(), "{}"));
            assertEquals(2, e.attempts());
            assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
            assertEquals(2, server.requests().size());
        }
    }
}
