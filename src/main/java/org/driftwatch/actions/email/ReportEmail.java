package org.driftwatch.actions.email;

import java.nio.charset.StandardCharsets;
import org.driftwatch.judge.Explanation;
import java.util.List;
import org.driftwatch.report.BoundedText;
import org.driftwatch.report.DriftReport;
import org.driftwatch.report.TextReport;
import org.driftwatch.report.html.HtmlReport;
import org.driftwatch.report.html.ReportCharts;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.email.EmailPopulatingBuilder;
import org.simplejavamail.email.EmailBuilder;

/**
 * Composes report emails: the HTML report as body with its charts as inline parts named by their
 * {@code cid:}, the same content in words as the text alternative, and report.json attached — within
 * {@link #MOST_BYTES}, so mail servers accept it: report.json is left out first, then the HTML body
 * and its images, each time saying so and where the reports are.
 */
public final class ReportEmail {
    /**
     * The most the parts may weigh before MIME encoding: base64 adds a third, and 7 MB becomes about
     * 9.5 MB on the wire, under the 10 MB many servers (Exchange's default) accept.
     */
    public static final long MOST_BYTES = 7_000_000;

    private ReportEmail() {
    }

    /** The most characters of a subject: mail clients show about this much, and cut the rest. */
    public static final int SUBJECT_CHARS = 80;

    /**
     * The verdict and the monitor first, then what changed in people's terms, at most {@link #SUBJECT_CHARS}:
     * "RETRAIN nightly-orders 2026-11-11: basket_value mean 39.7 → 62.4, PSI 0.89".
     */
    public static String subject(DriftReport r, Explanation v) {
        String s = v.word() + " " + r.monitor() + " " + r.date() + ": ";
        List<String> parts = v.changes();
        if (parts.isEmpty()) {
            return cut(s + "nothing changed");
        }
        String subject = cut(s + parts.get(0));   // the first change always, cut if it must be
        for (String part : parts.subList(1, parts.size())) {
            if ((subject + "; " + part).length() > SUBJECT_CHARS) {
                break;   // whole changes only: a half-said one misleads
            }
            subject += "; " + part;
        }
        return subject;
    }

    /** @param maxBytes the most the parts may weigh before encoding ({@link #MOST_BYTES} unless the environment says) */
    public static Email report(EmailAction action, String from, DriftReport r, HtmlReport html, byte[] reportJson, String reportPath,
                               long maxBytes) {
        String page = html.renderForEmail();
        // the folder of report.json, where report.html and summary.csv are too
        String folder = reportPath == null ? null : java.util.Optional.ofNullable(java.nio.file.Path.of(reportPath).getParent())
            .map(Object::toString).orElse(reportPath);
        String text = TextReport.render(r, folder);
        long images = html.charts().stream().mapToLong(c -> c.png().length).sum();
        long words = text.getBytes(StandardCharsets.UTF_8).length;
        long body = page.getBytes(StandardCharsets.UTF_8).length + images + words;
        boolean rich = body <= maxBytes;
        boolean attach = (rich ? body : words) + reportJson.length <= maxBytes;
        String where = "The reports are in " + (folder == null ? "the report folder" : folder) + ".";
        if (!attach && rich) {
            String why = String.format("report.json (%,d bytes) is not attached: with it this email would exceed %,d bytes, more than"
                + " mail servers accept. %s", reportJson.length, maxBytes, where);
            text = why + "\n\n" + text.replace("The full report is attached as report.json.\n", "");
            page = page.replaceFirst("(<body[^>]*>)", "$1<p style=\"font-family:Arial,sans-serif;font-size:13px;color:#7a4a00\">"
                + java.util.regex.Matcher.quoteReplacement(HtmlReport.escape(why)) + "</p>");
        }
        EmailPopulatingBuilder b = addressed(action, from).withSubject(subject(r, r.explanation())).fixingMessageId(messageId(from));
        if (rich) {
            b.withHTMLText(page).withPlainText(text);
            for (ReportCharts.Chart c : html.charts()) {
                b.withEmbeddedImage(HtmlReport.inlineName(c), c.png(), "image/png");   // a .png name: clients that save it open it
            }
        } else {
            // the page itself is too large (thousands of columns): the words alone, and where the page is
            b.withPlainText(String.format("The HTML report (%,d bytes with its charts) is too large for an email%s. %s%n%n", body - words,
                attach ? "" : ", and so is report.json", where) + text.replace("The full report is attached as report.json.\n", ""));
        }
        if (attach) {
            b.withAttachment("report.json", reportJson, "application/json");
        }
        return b.buildEmail();
    }

    /** A run that ended in an error: the message in words; there is no report to attach. */
    public static Email error(EmailAction action, String from, String monitor, String date, String message) {
        String text = "driftwatch " + (monitor == null ? "" : monitor + " ") + date + " did not complete:\n\n" + BoundedText.of(message)
            + "\n\nNo report was written for this run. Fix the cause and rerun the job for " + date + ".\n";
        return addressed(action, from)
            .withSubject(cut("ERROR " + (monitor == null ? "" : monitor + " ") + date + ": " + message))
            .fixingMessageId(messageId(from))
            .withPlainText(text)
            .withAttachment("error.txt", text.getBytes(StandardCharsets.UTF_8), "text/plain")
            .buildEmail();
    }

    /** A Message-ID in the sender's domain, as RFC 5322 asks and spam filters check. */
    static String messageId(String from) {
        String address = from.replaceAll(".*<([^>]*)>.*", "$1").strip();
        String domain = address.contains("@") ? address.substring(address.lastIndexOf('@') + 1) : "driftwatch.invalid";
        return "<" + java.util.UUID.randomUUID() + ".driftwatch@" + domain + ">";
    }

    private static EmailPopulatingBuilder addressed(EmailAction action, String from) {
        EmailPopulatingBuilder b = EmailBuilder.startingBlank().from(from).toMultiple(action.to());
        if (!action.cc().isEmpty()) {
            b.ccMultiple(action.cc().toArray(String[]::new));
        }
        return b;
    }

    private static String cut(String subject) {
        String line = subject.lines().findFirst().orElse("");
        return line.length() <= SUBJECT_CHARS ? line : line.substring(0, SUBJECT_CHARS - 1) + "…";
    }
}
