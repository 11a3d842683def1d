package org.driftwatch.actions.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.driftwatch.CliRun;
import org.driftwatch.GoldenCase;
import org.driftwatch.TestSpark;
import org.driftwatch.cli.ExitCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.server.SMTPServer;

/**
 * Report emails through real SMTP servers on 127.0.0.1: GreenMail (plain SMTP and SMTPS) and
 * SubEthaSMTP (STARTTLS with authentication required).
 */
class EmailDeliveryTest {
    private static final String PASSWORD = "s3cr3t-Pa55";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @RegisterExtension
    static GreenMailExtension smtps = new GreenMailExtension(ServerSetupTest.SMTPS.dynamicPort())
        .withConfiguration(GreenMailConfiguration.aConfig().withUser("reports@example.com", "driftwatch", PASSWORD));

    @TempDir
    Path tmp;

    static Path seattle;

    @BeforeAll
    static void spark() {
        TestSpark.session();
        seattle = GoldenCase.load("seattle_2012_vs_2015").dir();
    }

    private Path rules(String actions) throws IOException {
        Path f = tmp.resolve("rules.yaml");
        Files.writeString(f, "monitor: seattle\n"
            + "reference: {path: \"" + seattle.resolve("reference.csv") + "\", format: csv}\n"
            + "current: {path: \"" + seattle.resolve("current.csv") + "\", format: csv}\n"
            + "columns: {numerical: [precipitation, temp_max, temp_min, wind], id: date, label: weather}\n" + actions);
        return f;
    }

    private static Map<String, String> env(int port, String tls) {
        Map<String, String> env = new HashMap<>();
        env.put("DRIFTWATCH_SMTP_HOST", "127.0.0.1");
        env.put("DRIFTWATCH_SMTP_PORT", String.valueOf(port));
        env.put("DRIFTWATCH_SMTP_TLS", tls);
        env.put("DRIFTWATCH_MAIL_FROM", "driftwatch@example.com");
        env.put("DRIFTWATCH_SMTP_ATTEMPTS", "2");
        env.put("DRIFTWATCH_SMTP_BACKOFF_MS", "50");
        return env;
    }

    private CliRun runJob(Map<String, String> env, Path rules, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--rules", rules.toString(), "--date", "2026-11-26",
            "--out", tmp.resolve("out").toString()));
        args.addAll(List.of(extra));
        return CliRun.of(env, args.toArray(String[]::new));
    }

    private JsonNode report() throws IOException {
        return new ObjectMapper().readTree(tmp.resolve("out/seattle/2026-11-26/report.json").toFile());
    }

    @Test
    void reportEmailCarriesHtmlWithInlineChartsTextAndJson() throws Exception {
        Path rules = rules("actions:\n  email: {to: [ml-oncall@example.com], cc: [lead@example.com], when: [warn, fail, error]}\n");
        CliRun r = runJob(env(smtp.getSmtp().getPort(), "none"), rules);
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(2, received.length, "one delivery per recipient");
        MimeMessage m = received[0];
        // the one retrain reason is the label's drift, and the subject says so before the drifted features
        // the verdict and the monitor first, then what changed in people's terms, within 80 characters (#30 item 6)
        assertEquals("RETRAIN seattle 2026-11-26: label weather fog 1% → 14%, PSI 0.838", m.getSubject());
        assertTrue(m.getSubject().length() <= 80);
        assertEquals("ml-oncall@example.com", m.getRecipients(Message.RecipientType.TO)[0].toString());
        assertEquals("lead@example.com", m.getRecipients(Message.RecipientType.CC)[0].toString());
        assertEquals("driftwatch@example.com", m.getFrom()[0].toString());
        MailMessages parts = MailMessages.parse(m);
        assertNotNull(parts.html(), "HTML part");
        assertTrue(parts.text().lines().findFirst().orElse("").equals("driftwatch seattle 2026-11-26: RETRAIN") && parts.text().contains("What to do next"), parts.text());
        Matcher cid = Pattern.compile("src=\"cid:([^\"]+)\"").matcher(parts.html());
        int images = 0;
        while (cid.find()) {
            images++;
            byte[] png = parts.inline().get(cid.group(1));
            assertNotNull(png, "inline part for cid:" + cid.group(1));
            assertEquals((byte) 0x89, png[0], "a PNG");
        }
        assertEquals(6, images, "PSI overview and one chart per compared column");
        // the plain-text part (#30 item 11): worst first, where the page lives; parts named .png; a Message-ID of the sender's domain
        assertTrue(parts.inline().keySet().stream().allMatch(name -> name.endsWith(".png")), parts.inline().keySet().toString());
        assertTrue(m.getMessageID().matches("<[0-9a-f-]+\\.driftwatch@example\\.com>"), m.getMessageID());
        String text = parts.text();
        assertTrue(text.contains("Findings, worst first:"), text);
        int firstWarn = text.indexOf("\n  WARN ");
        int lastFail = text.lastIndexOf("\n  FAIL ");
        assertTrue(lastFail > 0 && firstWarn > lastFail, "every FAIL before any WARN:\n" + text);
        assertTrue(text.contains("The report with its charts: " + tmp.resolve("out/seattle/2026-11-26") + "/report.html"), text);
        assertFalse(parts.html().contains("data:image"), "no data URIs in mail");
        assertTrue(parts.html().getBytes(StandardCharsets.UTF_8).length < 100_000);
        JsonNode attached = new ObjectMapper().readTree(parts.attachments().get("report.json"));
        assertEquals("seattle", attached.get("monitor").asText());
        JsonNode actions = report().get("actions");
        assertEquals("sent", actions.get(0).get("outcome").asText());
        assertEquals(1, actions.get(0).get("attempts").asInt());
    }

    @Test
    void consecutiveWaitsForTheSecondBadNightInARow() throws Exception {
        Path rules = rules("actions:\n  email: {to: [ml-oncall@example.com], when: [warn, fail], consecutive: 2}\n");
        Map<String, String> env = env(smtp.getSmtp().getPort(), "none");
        CliRun first = CliRun.of(env, "run", "--rules", rules.toString(), "--date", "2026-11-24", "--out", tmp.resolve("out").toString());
        assertEquals(ExitCode.OK, first.exitCode(), first.err());
        assertEquals(0, smtp.getReceivedMessages().length, "one bad night sends nothing");
        JsonNode skipped = new ObjectMapper().readTree(tmp.resolve("out/seattle/2026-11-24/report.json").toFile()).get("actions").get(0);
        assertEquals("skipped", skipped.get("outcome").asText());
        assertTrue(skipped.get("message").asText().contains("for the 1 of 2 runs in a row actions.email.consecutive requires"), skipped.toString());
        CliRun second = CliRun.of(env, "run", "--rules", rules.toString(), "--date", "2026-11-25", "--out", tmp.resolve("out").toString());
        assertEquals(ExitCode.OK, second.exitCode(), second.err());
        assertEquals(1, smtp.getReceivedMessages().length, "the second bad night in a row sends the report");
        Files.writeString(tmp.resolve("off.yaml"), Files.readString(rules) + "history: {enabled: false}\n");
        CliRun off = CliRun.of(env, "run", "--rules", tmp.resolve("off.yaml").toString(), "--out", tmp.resolve("out").toString());
        assertEquals(ExitCode.BAD_RULES, off.exitCode(), off.err());
        assertTrue(off.errorLine().contains("actions.email.consecutive counts runs in the metrics history, which this rule file turns off"),
            off.err());
    }

    @Test
    void smtpsWithAuthentication() throws Exception {
        Map<String, String> env = env(smtps.getSmtps().getPort(), "smtps");
        env.put("DRIFTWATCH_SMTP_USER", "driftwatch");
        env.put("DRIFTWATCH_SMTP_PASSWORD", PASSWORD);
        env.put("DRIFTWATCH_SMTP_TRUST_HOSTS", "127.0.0.1");
        CliRun r = runJob(env, rules("actions:\n  email: {to: [reports@example.com]}\n"));
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        assertEquals(1, smtps.getReceivedMessages().length);
        assertFalse(r.err().contains(PASSWORD));
        assertFalse(Files.readString(tmp.resolve("out/seattle/2026-11-26/report.json")).contains(PASSWORD));
    }

    @Test
    void starttlsWithAuthenticationRequired() throws Exception {
        List<byte[]> delivered = new ArrayList<>();
        List<String> logins = new ArrayList<>();
        int port = freePort();
        SMTPServer server = SMTPServer.port(port).bindAddress(InetAddress.getLoopbackAddress())
            .requireTLS().requireAuth()
            .startTlsSocketFactory(greenMailCertificate())
            .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, context) -> {
                if (!PASSWORD.equals(password)) {
                    throw new org.subethamail.smtp.auth.LoginFailedException();
                }
                logins.add(user);
            }))
            .simpleMessageListener(new org.subethamail.smtp.helper.SimpleMessageListener() {
                @Override
                public boolean accept(String from, String recipient) {
                    return true;
                }

                @Override
                public void deliver(String from, String recipient, java.io.InputStream data) throws IOException {
                    delivered.add(data.readAllBytes());
                }
            })
            .build();
        server.start();
        try {
            Map<String, String> env = env(port, "starttls");
            env.put("DRIFTWATCH_SMTP_USER", "driftwatch");
            env.put("DRIFTWATCH_SMTP_PASSWORD", PASSWORD);
            env.put("DRIFTWATCH_SMTP_TRUST_HOSTS", "127.0.0.1");
            CliRun r = runJob(env, rules("actions:\n  email: {to: [reports@example.com]}\n"));
            assertEquals(ExitCode.OK, r.exitCode(), r.err());
            assertEquals(List.of("driftwatch"), logins);
            assertEquals(1, delivered.size());
            MailMessages parts = MailMessages.parse(delivered.get(0));
            assertTrue(parts.attachments().containsKey("report.json"));

            env.put("DRIFTWATCH_SMTP_PASSWORD", "wrong-" + PASSWORD);
            CliRun refused = runJob(env, rules("actions:\n  email: {to: [reports@example.com]}\n"));
            assertEquals(ExitCode.ACTION_FAILED, refused.exitCode(), refused.err());
            assertFalse(refused.err().contains(PASSWORD), "no password in the log:\n" + refused.err());
        } finally {
            server.stop();
        }
    }

    @Test
    void unreachableServerIsRetriedThenExitFourWithReportsIntact() throws Exception {
        Map<String, String> env = env(freePort(), "none");
        env.put("DRIFTWATCH_SMTP_USER", "driftwatch");
        env.put("DRIFTWATCH_SMTP_PASSWORD", PASSWORD);
        CliRun r = runJob(env, rules("actions:\n  email: {to: [reports@example.com]}\n"));
        assertEquals(ExitCode.ACTION_FAILED, r.exitCode(), r.err());
        assertTrue(r.err().contains("email attempt 1 of 2 failed") && r.err().contains("email attempt 2 of 2 failed"), r.err());
        JsonNode action = report().get("actions").get(0);
        assertEquals("failed", action.get("outcome").asText());
        assertEquals(2, action.get("attempts").asInt());
        assertTrue(Files.size(tmp.resolve("out/seattle/2026-11-26/report.html")) > 10_000);
        assertTrue(Files.exists(tmp.resolve("out/seattle/2026-11-26/summary.csv")));
        assertFalse(r.err().contains(PASSWORD));
        assertFalse(Files.readString(tmp.resolve("out/seattle/2026-11-26/report.json")).contains(PASSWORD));
    }

    @Test
    void whenDecidesAndCommandLineOverrides() throws Exception {
        Path rules = rules("actions:\n  email: {to: [ml-oncall@example.com], when: [ok]}\n");
        CliRun skipped = runJob(env(smtp.getSmtp().getPort(), "none"), rules);
        assertEquals(ExitCode.OK, skipped.exitCode(), skipped.err());
        assertEquals(0, smtp.getReceivedMessages().length, "status fail is not in when: [ok]");
        assertEquals("skipped", report().get("actions").get(0).get("outcome").asText());

        Path failing = rules("actions:\n  email: {to: [ml-oncall@example.com]}\n");
        assertEquals(ExitCode.OK, runJob(env(smtp.getSmtp().getPort(), "none"), failing, "--no-email").exitCode());
        assertEquals(0, smtp.getReceivedMessages().length, "--no-email");
        assertEquals(0, report().get("actions").size());

        assertEquals(ExitCode.OK, runJob(env(smtp.getSmtp().getPort(), "none"), failing, "--email-to", "me@example.com").exitCode());
        assertEquals(1, smtp.getReceivedMessages().length);
        assertEquals("me@example.com", smtp.getReceivedMessages()[0].getAllRecipients()[0].toString());
    }

    @Test
    void failedRunMailsTheErrorWhenAsked() throws Exception {
        Path rules = tmp.resolve("broken.yaml");
        Files.writeString(rules, "monitor: seattle\nreference: {path: " + tmp.resolve("missing.parquet") + "}\n"
            + "current: {path: " + tmp.resolve("missing2.parquet") + "}\nactions:\n  email: {to: [ml-oncall@example.com], when: [error]}\n");
        CliRun r = runJob(env(smtp.getSmtp().getPort(), "none"), rules);
        assertEquals(ExitCode.BAD_DATA, r.exitCode(), r.err());
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        assertTrue(received[0].getSubject().startsWith("ERROR seattle 2026-11-26: reference data not found"), received[0].getSubject());
        assertTrue(received[0].getSubject().length() <= 80, received[0].getSubject());

        CliRun badRules = runJob(env(smtp.getSmtp().getPort(), "none"), rules("checks: {psy: {}}\n"), "--email-to", "me@example.com");
        assertEquals(ExitCode.BAD_RULES, badRules.exitCode());
        assertEquals(2, smtp.getReceivedMessages().length, "bad rules mail the --email-to address");
    }

    @Test
    void missingSmtpSettingsFailTheActionNotTheReport() throws Exception {
        CliRun r = runJob(Map.of(), rules("actions:\n  email: {to: [ml-oncall@example.com]}\n"));
        assertEquals(ExitCode.ACTION_FAILED, r.exitCode());
        assertTrue(r.err().contains("DRIFTWATCH_SMTP_HOST is not set"), r.err());
        assertEquals("failed", report().get("actions").get(0).get("outcome").asText());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** GreenMail ships a self-signed key pair for its TLS servers; SubEthaSMTP's STARTTLS uses it too. */
    private static SSLContext greenMailCertificate() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = com.icegreen.greenmail.util.GreenMail.class.getClassLoader().getResourceAsStream("greenmail.p12")) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }
}
