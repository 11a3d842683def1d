package org.driftwatch.report.html;

import java.util.List;
import java.util.Map;

/**
 * A report section's block of the HTML page: its Pebble template (on the classpath, escaping every
 * value as the page does), the model that template reads, and the charts it references through
 * {@code images[id]}.
 */
public record HtmlBlock(String template, Map<String, Object> model, List<ReportCharts.Chart> charts) {
    public HtmlBlock {
        model = Map.copyOf(model);
        charts = List.copyOf(charts);
    }
}
