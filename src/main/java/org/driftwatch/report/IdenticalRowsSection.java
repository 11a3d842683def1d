package org.driftwatch.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code identical_rows}: current rows identical to a reference row (null when not checked). */
final class IdenticalRowsSection implements ReportSection {
    @Override
    public String key() {
        return "identical_rows";
    }

    @Override
    public JsonNode json(DriftReport report) {
        return report.comparison().identicalRows().map(i -> {
            ObjectNode o = JsonValues.JSON.createObjectNode();
            o.put("current_rows_in_reference", i.currentRows());
            o.put("distinct_rows_in_both", i.distinctRows());
            JsonValues.strings(o.putArray("compared_columns"), i.columns());
            return (JsonNode) o;
        }).orElse(null);
    }
}
