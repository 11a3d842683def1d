package org.driftwatch.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.driftwatch.report.html.HtmlReport;

/**
 * The files of one run's report, {@code <root>/<monitor>/<date>/}: report.html, summary.csv and
 * report.json, written once before any action runs, as a set: all of them replace the earlier run's
 * files, or (a full disk while writing) none does. What happened after they were written — the outcome
 * of the actions, a metrics-history write that failed — is added by one final atomic rewrite of report.json
 * ({@link #recordActions}), which copies the judged report unchanged apart from {@code actions} and
 * {@code history.write_error}.
 */
public record ReportSet(Path directory, Path json, Path html, HtmlReport page, byte[] jsonBytes) {

    public static ReportSet write(DriftReport report, Path root) throws IOException {
        return write(report, root, ReportFiles.Writer.FILES);
    }

    /** As {@link #write(DriftReport, Path)}; all three files replace the earlier set, or none does. */
    public static ReportSet write(DriftReport report, Path root, ReportFiles.Writer writer) throws IOException {
        Path dir = ReportFiles.directory(root, report.monitor(), report.date());
        String earlier = ReportFiles.stampOf(dir.resolve("report.json"));   // an earlier run's files keep one stamp
        HtmlReport page = new HtmlReport(report);
        Path html = dir.resolve("report.html");
        byte[] json = JsonReportWriter.bytes(report);
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(html, page.renderStandalone().getBytes(StandardCharsets.UTF_8));
        files.put(dir.resolve("summary.csv"), SummaryCsvWriter.render(report).getBytes(StandardCharsets.UTF_8));
        files.put(dir.resolve("report.json"), json);
        ReportFiles.writeSet(files, earlier, writer);
        return new ReportSet(dir, dir.resolve("report.json"), html, page, json);
    }

    /** Rewrites report.json with what the actions did (and a failed history write). */
    public void recordActions(DriftReport withActions) throws IOException {
        JsonReportWriter.rewrite(withActions, json);
    }
}
