package org.driftwatch.actions.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.driftwatch.CliRun;
import org.driftwatch.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One absurd value (three categories of 2 MB each, failing a constraint too) must not make huge reports or
 * an email no server accepts: every output is bounded, the value is cut with its full length, and the email
 * leaves out report.json, then the HTML, to stay within its size.
 */
class OutputBoundsTest {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @TempDir
    static Path dir;
    static Path rules;
    static final int HUGE = 2_000_000;

    @BeforeAll
    static void data() throws Exception {
        TestSpark.session();
        String huge = "Z".repeat(HUGE);
        StringBuilder ref = new StringBuilder("id,x,cat\n");
        StringBuilder cur = new StringBuilder("id,x,cat\n");
        for (int i = 0; i < 600; i++) {
            String c = new String[] {"a", "b", "c"}[i % 3];
            ref.append(i).append(',').append(i % 17).append(',').append(c).append('\n');
            cur.append(i).append(',').append(i % 19).append(',').append(i < 3 ? huge + i : c).append('\n');
        }
        Files.writeString(dir.resolve("ref.csv"), ref);
        Files.writeString(dir.resolve("cur.csv"), cur);
        rules = dir.resolve("big.yaml");
        Files.writeString(rules, "monitor: big\nreference: {path: \"" + dir.resolve("ref.csv") + "\"}\n"
            + "current: {path: \"" + dir.resolve("cur.csv") + "\"}\ncolumns: {numerical: [x], categorical: [cat]}\n"
            + "checks: {quality: [{name: cat_len, column: cat, length: {max: 10}}]}\n"
            + "actions: {email: {to: [oncall@example.com], when: [ok, warn, fail]}}\n");
    }

    private static Map<String, String> env(Integer maxBytes) {
        Map<String, String> env = new HashMap<>();
        env.put("DRIFTWATCH_SMTP_HOST", "127.0.0.1");
        env.put("DRIFTWATCH_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()));
        env.put("DRIFTWATCH_SMTP_TLS", "none");
        env.put("DRIFTWATCH_MAIL_FROM", "driftwatch@example.com");
        if (maxBytes != null) {
            env.put("DRIFTWATCH_MAIL_MAX_BYTES", maxBytes.toString());
        }
        return env;
    }

    private static MimeMessage run(String date, Integer maxBytes) {
        smtp.reset();
        CliRun r = CliRun.of(env(maxBytes), "run", "--rules", rules.toString(), "--date", date, "--out", dir.resolve("out").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().length() < 20_000, "the console is bounded too: " + r.err().length());
        MimeMessage[] got = smtp.getReceivedMessages();
        assertEquals(1, got.length);
        return got[0];
    }

    private static long size(MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.size();
    }

    @Test
    void everyOutputIsBoundedAndSaysTheFullLength() throws Exception {
        MimeMessage mail = run("2026-10-01", null);
        Path reports = dir.resolve("out/big/2026-10-01");
        assertTrue(Files.size(reports.resolve("report.json")) < 100_000, "report.json " + Files.size(reports.resolve("report.json")));
        assertTrue(Files.size(reports.resolve("report.html")) < 200_000, "report.html " + Files.size(reports.resolve("report.html")));
        assertTrue(Files.size(reports.resolve("summary.csv")) < 20_000, "summary.csv " + Files.size(reports.resolve("summary.csv")));
        String cut = "Z".repeat(20) + "… (2,000,001 characters)";
        JsonNode json = new ObjectMapper().readTree(reports.resolve("report.json").toFile());
        assertTrue(json.get("columns").get("cat").get("unseen_categories").get(1).asText().endsWith(cut));
        assertEquals(3, json.get("quality").get(0).get("current").get("failed").asInt(), "the statistics saw the whole values");
        assertTrue(json.get("columns").get("cat").get("shares").get("current").size() == 6, "three cut names stay three keys");
        assertTrue(Files.readString(reports.resolve("report.html")).contains(cut));
        assertTrue(Files.readString(reports.resolve("summary.csv")).contains(cut));
        assertTrue(size(mail) < 1_000_000, "email " + size(mail));
        MailMessages parts = MailMessages.parse(mail);
        assertTrue(parts.attachments().containsKey("report.json"));
        assertTrue(parts.html().contains(cut) && parts.text().length() < 20_000);
    }

    @Test
    void theEmailLeavesOutReportJsonThenTheHtmlToStayWithinItsSize() throws Exception {
        // a limit the page and its charts fit under, but not with report.json as well
        MailMessages whole = MailMessages.parse(run("2026-10-02", null));
        long page = whole.html().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + whole.text().length()
            + whole.inline().values().stream().mapToLong(b -> b.length).sum();
        long json = whole.attachments().get("report.json").length;
        assertTrue(json > 10_000, "report.json " + json);
        MimeMessage noJson = run("2026-10-02", (int) (page + json / 2));
        MailMessages parts = MailMessages.parse(noJson);
        assertFalse(parts.attachments().containsKey("report.json"));
        assertTrue(parts.html() != null && parts.html().contains("report.json (") && parts.html().contains("is not attached"), "said in the page");
        assertTrue(parts.text().startsWith("report.json ("), parts.text());
        assertTrue(parts.text().contains(dir.resolve("out/big/2026-10-02").toString()), "says where the reports are");

        MimeMessage wordsOnly = run("2026-10-03", 10_000);
        MailMessages words = MailMessages.parse(wordsOnly);
        assertNull(words.html(), "no HTML part");
        assertTrue(words.inline().isEmpty() && words.attachments().isEmpty());
        assertTrue(words.text().startsWith("The HTML report (") && words.text().contains("too large for an email, and so is report.json"),
            words.text());
        assertTrue(size(wordsOnly) < 20_000, "email " + size(wordsOnly));
    }
}
