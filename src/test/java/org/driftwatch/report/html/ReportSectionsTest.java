package org.driftwatch.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.driftwatch.report.DriftReport;
import org.driftwatch.report.JsonReportWriter;
import org.driftwatch.report.ReportSection;
import org.driftwatch.report.ReportSections;
import org.driftwatch.report.SummaryCsvWriter;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writers iterate the registered sections: each owns its key in report.json, in registry order; the
 * model's section also renders its block of the page (its own template, its chart inline) and its rows of
 * summary.csv.
 */
class ReportSectionsTest {
    @TempDir
    Path tmp;

    @Test
    void everySectionRendersItsJsonInOrderAndTheModelsSectionAllThree() throws Exception {
        DriftReport report = ReportFixtures.wideReport(tmp);
        ObjectNode json = JsonReportWriter.toJson(report);
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        int last = -1;
        for (ReportSection s : ReportSections.ALL) {
            int at = keys.indexOf(s.key());
            assertTrue(at > last, s.key() + " after the sections before it: " + keys);
            last = at;
            assertEquals(s.json(report) == null, json.get(s.key()).isNull(), s.key());
        }
        assertFalse(json.get("performance").isNull(), "the fixture monitors a model");

        HtmlReport page = new HtmlReport(report);
        String html = page.renderStandalone();
        assertTrue(Jsoup.parse(html).text().contains("Model performance: binary"), "the section's block is on the page");
        assertTrue(page.charts().stream().anyMatch(c -> c.id().equals("performance")), "with its chart among the page's images");

        long performanceRows = SummaryCsvWriter.render(report).lines().filter(l -> l.contains(",performance,")).count();
        assertEquals(ReportSections.ALL.stream().mapToLong(s -> s.csvRows(report, 30).size()).sum(), performanceRows);
        assertTrue(performanceRows > 0);
    }
}
