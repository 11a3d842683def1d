package org.driftwatch.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code dataset_drift}: the share of tested columns that drifted against its threshold. */
final class DatasetDriftSection implements ReportSection {
    @Override
    public String key() {
        return "dataset_drift";
    }

    @Override
    public JsonNode json(DriftReport r) {
        ObjectNode dd = JsonValues.JSON.createObjectNode();
        JsonValues.num(dd, "share", r.datasetDrift().share());
        dd.put("threshold", r.datasetDrift().threshold());
        dd.put("detected", r.datasetDrift().detected());
        dd.put("tested_columns", r.datasetDrift().testedColumns());
        JsonValues.strings(dd.putArray("drifted_columns"), r.datasetDrift().driftedColumns());
        return dd;
    }
}
