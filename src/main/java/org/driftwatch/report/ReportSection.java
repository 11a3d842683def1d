package org.driftwatch.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.driftwatch.report.html.HtmlBlock;

/**
 * One part of the report, rendered beside its data (Evidently's metric with its renderer): the JSON
 * fragment it owns under its key in report.json, its block of the HTML page and its rows of
 * summary.csv. The writers iterate {@link ReportSections}; a new section is one class, its HTML template
 * when it has a block, and its line there.
 */
public interface ReportSection {
    /** Its top-level key in report.json. */
    String key();

    /** Its fragment of report.json; null when the report has nothing for it (written as null). */
    JsonNode json(DriftReport report);

    /** Its block of the HTML page, or null for none. */
    default HtmlBlock html(DriftReport report) {
        return null;
    }

    /** Its rows of summary.csv, each as wide as the header; none by default. */
    default List<List<Object>> csvRows(DriftReport report, int width) {
        return List.of();
    }
}
