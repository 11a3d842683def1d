package org.driftwatch.profile.file;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.driftwatch.profile.model.NumericSummary;
import org.driftwatch.profile.model.ReferenceProfile;
import org.driftwatch.profile.model.ValueCounts;
import org.driftwatch.profile.sketch.CellLayout;

/**
 * Reads {@code format_version} 1 profiles, as driftwatch 0.1 wrote them (camelCase keys of its records
 * of the time), so the profiles users keep on disk go on working. Frozen: it reads that layout and no other.
 */
final class ProfileV1Reader {
    static final int FORMAT_VERSION = 1;

    private ProfileV1Reader() {
    }

    static ReferenceProfileFile read(JsonNode root, FieldReader r) {
        return new ReferenceProfileFile(ProfileCodec.FORMAT_VERSION, r.text(root, "driftwatchVersion"), r.text(root, "createdAt"),
            r.textOrNull(root, "rulesFile"), r.text(root, "monitor"), r.text(root, "referenceSource"), r.text(root, "schemaJson"),
            r.text(root, "schemaFingerprint"), r.textOrNull(root, "filesFingerprint"), r.strings(root, "numerical"),
            r.strings(root, "categorical"), r.textOrNull(root, "id"), r.integer(root, "psiBins"), r.integer(root, "valueTableLimit"),
            r.number(root, "insideShare"), profile(r.object(root, "profile"), r));
    }

    private static ReferenceProfile profile(JsonNode p, FieldReader r) {
        Map<String, ReferenceProfile.NumericReference> numeric = new LinkedHashMap<>();
        r.object(p, "numeric").fields().forEachRemaining(e -> numeric.put(e.getKey(), numeric(e.getValue(), r)));
        Map<String, Map<String, Long>> categorical = new LinkedHashMap<>();
        r.object(p, "categorical").fields().forEachRemaining(e -> categorical.put(e.getKey(), r.counts(e.getValue())));
        return new ReferenceProfile(r.longValue(p, "rows"), numeric, categorical, r.counts(r.object(p, "nonNull")),
            r.textOrNull(p, "idBitmap"), r.strings(p, "manyValued"));
    }

    private static ReferenceProfile.NumericReference numeric(JsonNode n, FieldReader r) {
        JsonNode s = r.object(n, "summary");
        NumericSummary summary = new NumericSummary(r.longValue(s, "count"), r.longValue(s, "nullCount"), r.longValue(s, "nanCount"),
            r.longValue(s, "infiniteCount"), r.numberOrNull(s, "mean"), r.numberOrNull(s, "stdPop"), r.numberOrNull(s, "stdSample"),
            r.numberOrNull(s, "min"), r.numberOrNull(s, "max"));
        JsonNode l = r.object(n, "layout");
        CellLayout layout = new CellLayout(r.doubles(l, "min"), r.doubles(l, "max"), r.longs(l, "count"), r.longs(l, "minCount"),
            r.longs(l, "maxCount"), r.doubles(l, "insideOffsetSum"));
        double[] fewValues = r.doublesOrNull(n, "fewValues");
        ValueCounts few = fewValues == null ? null : new ValueCounts(fewValues, r.longs(n, "fewCounts"));
        return new ReferenceProfile.NumericReference(summary, r.doublesOrNull(n, "innerEdges"), r.longsOrNull(n, "bins"),
            r.numberOrNull(n, "median"), layout, few, null);
    }
}
