package org.driftwatch.actions.email;

import java.nio.charset.StandardCharsets;
import org.driftwatch.judge.Explanation;
import org.driftwatch.report.DriftReport;
import org.driftwatch.report.TextReport;
import org.driftwatch.report.html.HtmlReport;
import org.driftwatch.report.html.ReportCharts;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.email.EmailPopulatingBuilder;
import org.simplejavamail.email.EmailBuilder;

/**
 * Composes report emails: the HTML report as body with its charts as inline parts named by their
 * {@code cid:}, the same content in words as the text alternative, and report.json attached.
 */
public final class ReportEmail {
    private ReportEmail() {
    }

    public static String subject(DriftReport r, Explanation v) {
        return "[driftwatch] " + v.word() + " " + r.monitor() + " " + r.date() + ": " + v.headline();
    }

    public static Email report(EmailAction action, String from, DriftReport r, HtmlReport html, byte[] reportJson) {
        EmailPopulatingBuilder b = addressed(action, from)
            .withSubject(subject(r, r.explanation()))
            .withHTMLText(html.renderForEmail())
            .withPlainText(TextReport.render(r));
        for (ReportCharts.Chart c : html.charts()) {
            b.withEmbeddedImage(c.id(), c.png(), "image/png");
        }
        b.withAttachment("report.json", reportJson, "application/json");
        return b.buildEmail();
    }

    /** A run that ended in an error: the message in words; there is no report to attach. */
    public static Email error(EmailAction action, String from, String monitor, String date, String message) {
        String text = "driftwatch " + (monitor == null ? "" : monitor + " ") + date + " did not complete:\n\n" + message
            + "\n\nNo report was written for this run. Fix the cause and rerun the job for " + date + ".\n";
        return addressed(action, from)
            .withSubject("[driftwatch] ERROR " + (monitor == null ? "" : monitor + " ") + date + ": " + firstWords(message))
            .withPlainText(text)
            .withAttachment("error.txt", text.getBytes(StandardCharsets.UTF_8), "text/plain")
            .buildEmail();
    }

    private static EmailPopulatingBuilder addressed(EmailAction action, String from) {
        EmailPopulatingBuilder b = EmailBuilder.startingBlank().from(from).toMultiple(action.to());
        if (!action.cc().isEmpty()) {
            b.ccMultiple(action.cc().toArray(String[]::new));
        }
        return b;
    }

    private static String firstWords(String message) {
        return message.length() <= 90 ? message : message.substring(0, 89) + "…";
    }
}
