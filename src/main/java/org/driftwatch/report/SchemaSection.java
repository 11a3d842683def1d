package org.driftwatch.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code schema}: columns missing in the current data, new there, and changed types. */
final class SchemaSection implements ReportSection {
    @Override
    public String key() {
        return "schema";
    }

    @Override
    public JsonNode json(DriftReport r) {
        var diff = r.comparison().plan().schema();
        ObjectNode schema = JsonValues.JSON.createObjectNode();
        JsonValues.strings(schema.putArray("missing_in_current"), diff.missingInCurrent());
        JsonValues.strings(schema.putArray("new_in_current"), diff.newInCurrent());
        ObjectNode types = schema.putObject("type_changes");
        diff.typeChanges().forEach((k, v) -> types.putObject(k).put("reference", v[0]).put("current", v[1]));
        return schema;
    }
}
