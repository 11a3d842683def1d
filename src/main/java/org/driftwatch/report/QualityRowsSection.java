package org.driftwatch.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.driftwatch.compare.QualityMeasures;

/**
 * {@code quality_rows}: per side, the rows failing at least one row-level data-quality constraint (every
 * kind but freshness, whatever its severity or status); null without {@code checks.quality}.
 */
final class QualityRowsSection implements ReportSection {
    @Override
    public String key() {
        return "quality_rows";
    }

    @Override
    public JsonNode json(DriftReport report) {
        QualityMeasures q = report.comparison().quality();
        if (q.current().measures().isEmpty()) {
            return null;
        }
        ObjectNode o = JsonValues.JSON.createObjectNode();
        JsonValues.lng(o, "reference", q.reference().measures().isEmpty() ? null : q.reference().failingRows());
        JsonValues.lng(o, "current", q.current().failingRows());
        return o;
    }
}
