package org.driftwatch.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code leakage}: the current data's ids found in the reference (null without an id column). */
final class LeakageSection implements ReportSection {
    @Override
    public String key() {
        return "leakage";
    }

    @Override
    public JsonNode json(DriftReport report) {
        return report.comparison().leakage().map(l -> {
            ObjectNode o = JsonValues.JSON.createObjectNode();
            o.put("key", l.column());
            o.put("overlapping_ids", l.overlappingIds());
            o.put("current_rows_with_reference_id", l.currentRowsWithReferenceId());
            o.put("reference_rows_with_current_id", l.referenceRowsWithCurrentId());
            o.put("reference_distinct_ids", l.referenceDistinctIds());
            o.put("current_distinct_ids", l.currentDistinctIds());
            JsonValues.strings(o.putArray("example_ids"), l.exampleIds());
            return (JsonNode) o;
        }).orElse(null);
    }
}
