package org.driftwatch.report;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code label}: the label's class shares and counts on both sides, and their drift (null without a label). */
final class LabelSection implements ReportSection {
    @Override
    public String key() {
        return "label";
    }

    @Override
    public JsonNode json(DriftReport report) {
        return report.comparison().label().map(l -> (JsonNode) ColumnJson.label(l)).orElse(null);
    }
}
