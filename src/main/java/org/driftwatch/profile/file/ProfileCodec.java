package org.driftwatch.profile.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.driftwatch.profile.model.NumericSummary;
import org.driftwatch.profile.model.ReferenceProfile;
import org.driftwatch.profile.model.SelfCheck;
import org.driftwatch.profile.model.ValueCounts;
import org.driftwatch.profile.sketch.CellLayout;

/**
 * The saved reference profile's on-disk form, {@code format_version} 2, written and read field by field
 * (never by reflection over the records, so renaming a field in the code cannot break a file on disk).
 * Keys are snake_case; non-finite doubles are the strings "NaN", "Infinity", "-Infinity"; doubles are
 * written in their shortest round-trip form, so a profile reads back bit for bit. See README
 * "Reference profiles" for the layout.
 */
final class ProfileCodec {
    static final int FORMAT_VERSION = 2;
    static final String CHECKSUM = "content_sha256";
    /** HMAC-SHA256 of the content with the team's key ({@code DRIFTWATCH_PROFILE_KEY}): present only when the writer had one. */
    static final String SIGNATURE = "content_hmac_sha256";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProfileCodec() {
    }

    /** @param key the signing key, or null to write no keyed signature */
    static byte[] write(ReferenceProfileFile f, byte[] key) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("driftwatch_version", f.driftwatchVersion());
        root.put("created_at", f.createdAt());
        root.put("rules_file", f.rulesFile());
        root.put("monitor", f.monitor());
        ObjectNode ref = root.putObject("reference");
        ref.put("source", f.referenceSource());
        ref.put("schema", f.schemaJson());
        ref.put("schema_sha256", f.schemaFingerprint());
        ref.put("files_fingerprint", f.filesFingerprint());
        ObjectNode settings = root.putObject("settings");
        strings(settings.putArray("numerical"), f.numerical());
        strings(settings.putArray("categorical"), f.categorical());
        settings.put("id", f.id());
        settings.put("psi_bins", f.psiBins());
        settings.put("value_table_limit", f.valueTableLimit());
        settings.put("inside_share", f.insideShare());
        root.set("profile", profile(f.profile()));
        if (key != null) {
            root.put(SIGNATURE, hmac(key, JSON.writeValueAsBytes(root)));
        }
        root.put(CHECKSUM, sha256(JSON.writeValueAsBytes(root)));
        return JSON.writeValueAsBytes(root);
    }

    /**
     * Verifies {@value #CHECKSUM}, the SHA-256 of the document without it as this codec writes it: a
     * hand-edited or damaged profile is refused before any of it is trusted.
     */
    static void verify(JsonNode root, FieldReader r, byte[] key) {
        String stated = r.text(root, CHECKSUM);
        ObjectNode content = ((ObjectNode) root).deepCopy();
        content.remove(CHECKSUM);
        String actual;
        try {
            actual = sha256(JSON.writeValueAsBytes(content));
        } catch (IOException e) {
            throw r.bad("unreadable content");
        }
        if (!actual.equals(stated)) {
            throw r.bad("its content does not match its " + CHECKSUM + " (edited or damaged since it was written)");
        }
        if (key != null) {
            verifySignature(root, r, key);
        }
    }

    /**
     * With a key set, only a profile signed with it is trusted: a checksum anyone can recompute, a keyed
     * signature only a holder of the key can make.
     */
    private static void verifySignature(JsonNode root, FieldReader r, byte[] key) {
        if (!root.hasNonNull(SIGNATURE)) {
            throw r.bad("it carries no " + SIGNATURE + ", but DRIFTWATCH_PROFILE_KEY is set: write it again with driftwatch profile"
                + " under that key");
        }
        ObjectNode content = ((ObjectNode) root).deepCopy();
        content.remove(CHECKSUM);
        content.remove(SIGNATURE);
        String expected;
        try {
            expected = hmac(key, JSON.writeValueAsBytes(content));
        } catch (IOException e) {
            throw r.bad("unreadable content");
        }
        if (!java.security.MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            root.get(SIGNATURE).asText().getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw r.bad("its " + SIGNATURE + " does not match DRIFTWATCH_PROFILE_KEY (signed with another key, or altered since)");
        }
    }

    private static String hmac(byte[] key, byte[] bytes) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(bytes));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode profile(ReferenceProfile p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("rows", p.rows());
        ObjectNode numeric = o.putObject("numerical");
        new TreeMap<>(p.numeric()).forEach((name, n) -> numeric.set(name, numeric(n)));
        ObjectNode categorical = o.putObject("categorical");
        new TreeMap<>(p.categorical()).forEach((name, counts) -> {
            ObjectNode c = categorical.putObject(name);
            counts.forEach(c::put);
        });
        ObjectNode nonNull = o.putObject("non_null");
        new TreeMap<>(p.nonNull()).forEach(nonNull::put);
        o.put("id_bitmap", p.idBitmap());
        strings(o.putArray("many_valued"), p.manyValued());
        if (p.outcomes() != null) {
            o.set("model_outcomes", OutcomesCodec.write(p.outcomes()));
        }
        if (!p.analyzed().isEmpty()) {
            // analyzers' metrics are named numbers: kept whatever the analyzer, by its name and fields
            ObjectNode analyzed = o.putObject("analyzed");
            new TreeMap<>(p.analyzed()).forEach((name, fields) -> {
                ObjectNode f = analyzed.putObject(name);
                fields.forEach((k, v) -> number(f, k, v));
            });
        }
        if (!p.quality().measures().isEmpty()) {
            o.set("quality", QualityCodec.write(p.quality()));
        }
        if (p.selfChecks().isEmpty()) {
            return o;   // profiles written before the self-check read and write back byte for byte
        }
        ObjectNode self = o.putObject("self_check");
        new TreeMap<>(p.selfChecks()).forEach((name, c) -> self.putObject(name).put("psi", c.psi()).put("ks_statistic", c.ksStatistic())
            .put("wasserstein_normed", c.wassersteinNormed()).put("jensen_shannon", c.jensenShannon())
            .put("first_half", c.firstHalf()).put("second_half", c.secondHalf()));
        return o;
    }

    /** The analyzers' metrics, absent in profiles written without analyzers. */
    private static Map<String, Map<String, Double>> readAnalyzed(JsonNode p, FieldReader r) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        if (p.has("analyzed")) {
            r.object(p, "analyzed").fields().forEachRemaining(e -> {
                Map<String, Double> fields = new LinkedHashMap<>();
                e.getValue().fieldNames().forEachRemaining(k -> fields.put(k, r.numberOrNull(e.getValue(), k)));
                out.put(e.getKey(), fields);
            });
        }
        return out;
    }

    /** The self-checks, absent in profiles written before driftwatch kept them. */
    private static Map<String, SelfCheck> readSelfChecks(JsonNode p, FieldReader r) {
        Map<String, SelfCheck> out = new LinkedHashMap<>();
        if (p.has("self_check")) {
            r.object(p, "self_check").fields().forEachRemaining(e -> out.put(e.getKey(), new SelfCheck(r.numberOrNull(e.getValue(), "psi"),
                r.numberOrNull(e.getValue(), "ks_statistic"), r.numberOrNull(e.getValue(), "wasserstein_normed"),
                r.numberOrNull(e.getValue(), "jensen_shannon"), r.longValue(e.getValue(), "first_half"), r.longValue(e.getValue(), "second_half"))));
        }
        return out;
    }

    private static ObjectNode numeric(ReferenceProfile.NumericReference n) {
        ObjectNode o = JSON.createObjectNode();
        NumericSummary s = n.summary();
        ObjectNode summary = o.putObject("summary");
        summary.put("count", s.count());
        summary.put("null_count", s.nullCount());
        summary.put("nan_count", s.nanCount());
        summary.put("infinite_count", s.infiniteCount());
        number(summary, "mean", s.mean());
        number(summary, "std", s.stdPop());
        number(summary, "std_sample", s.stdSample());
        number(summary, "min", s.min());
        number(summary, "max", s.max());
        doubles(o, "psi_inner_edges", n.innerEdges());
        longs(o, "psi_bins", n.bins());
        number(o, "median", n.median());
        CellLayout l = n.layout();
        ObjectNode cells = o.putObject("cells");
        doubles(cells, "min", l.min());
        doubles(cells, "max", l.max());
        longs(cells, "count", l.count());
        longs(cells, "min_count", l.minCount());
        longs(cells, "max_count", l.maxCount());
        doubles(cells, "inside_offset_sum", l.insideOffsetSum());
        valueCounts(o, "few_values", n.few());
        valueCounts(o, "value_table", n.all());
        return o;
    }

    static ReferenceProfileFile read(JsonNode root, FieldReader r, byte[] key) {
        verify(root, r, key);
        JsonNode ref = r.object(root, "reference");
        JsonNode settings = r.object(root, "settings");
        return new ReferenceProfileFile(FORMAT_VERSION, r.text(root, "driftwatch_version"), r.text(root, "created_at"),
            r.textOrNull(root, "rules_file"), r.text(root, "monitor"), r.text(ref, "source"), r.text(ref, "schema"),
            r.text(ref, "schema_sha256"), r.textOrNull(ref, "files_fingerprint"), r.strings(settings, "numerical"),
            r.strings(settings, "categorical"), r.textOrNull(settings, "id"), r.integer(settings, "psi_bins"),
            r.integer(settings, "value_table_limit"), r.number(settings, "inside_share"), readProfile(r.object(root, "profile"), r));
    }

    private static ReferenceProfile readProfile(JsonNode p, FieldReader r) {
        Map<String, ReferenceProfile.NumericReference> numeric = new LinkedHashMap<>();
        r.object(p, "numerical").fields().forEachRemaining(e -> numeric.put(e.getKey(), readNumeric(e.getValue(), r)));
        Map<String, Map<String, Long>> categorical = new LinkedHashMap<>();
        r.object(p, "categorical").fields().forEachRemaining(e -> categorical.put(e.getKey(), r.counts(e.getValue())));
        return new ReferenceProfile(r.longValue(p, "rows"), numeric, categorical, r.counts(r.object(p, "non_null")),
            r.textOrNull(p, "id_bitmap"), r.strings(p, "many_valued"), OutcomesCodec.read(p.get("model_outcomes"), r), readSelfChecks(p, r),
            readAnalyzed(p, r), QualityCodec.read(p.get("quality"), r));
    }

    private static ReferenceProfile.NumericReference readNumeric(JsonNode n, FieldReader r) {
        JsonNode s = r.object(n, "summary");
        NumericSummary summary = new NumericSummary(r.longValue(s, "count"), r.longValue(s, "null_count"),
            r.longValue(s, "nan_count"), r.longValue(s, "infinite_count"), r.numberOrNull(s, "mean"), r.numberOrNull(s, "std"),
            r.numberOrNull(s, "std_sample"), r.numberOrNull(s, "min"), r.numberOrNull(s, "max"));
        JsonNode c = r.object(n, "cells");
        CellLayout layout = new CellLayout(r.doubles(c, "min"), r.doubles(c, "max"), r.longs(c, "count"), r.longs(c, "min_count"),
            r.longs(c, "max_count"), r.doubles(c, "inside_offset_sum"));
        return new ReferenceProfile.NumericReference(summary, r.doublesOrNull(n, "psi_inner_edges"), r.longsOrNull(n, "psi_bins"),
            r.numberOrNull(n, "median"), layout, readValueCounts(n, "few_values", r), readValueCounts(n, "value_table", r));
    }

    private static ValueCounts readValueCounts(JsonNode n, String key, FieldReader r) {
        JsonNode t = n.get(key);
        if (t == null || t.isNull()) {
            return null;
        }
        return new ValueCounts(r.doubles(t, "values"), r.longs(t, "counts"));
    }

    private static void valueCounts(ObjectNode o, String key, ValueCounts v) {
        if (v == null) {
            o.putNull(key);
            return;
        }
        ObjectNode t = o.putObject(key);
        doubles(t, "values", v.values());
        longs(t, "counts", v.counts());
    }

    private static void number(ObjectNode o, String key, Double v) {
        if (v == null) {
            o.putNull(key);
        } else if (Double.isFinite(v)) {
            o.put(key, v.doubleValue());
        } else {
            o.put(key, v.toString());
        }
    }

    private static void doubles(ObjectNode o, String key, double[] xs) {
        if (xs == null) {
            o.putNull(key);
            return;
        }
        ArrayNode a = o.putArray(key);
        for (double x : xs) {
            if (Double.isFinite(x)) {
                a.add(x);
            } else {
                a.add(Double.toString(x));
            }
        }
    }

    private static void longs(ObjectNode o, String key, long[] xs) {
        if (xs == null) {
            o.putNull(key);
            return;
        }
        ArrayNode a = o.putArray(key);
        for (long x : xs) {
            a.add(x);
        }
    }

    private static void strings(ArrayNode a, List<String> xs) {
        new ArrayList<>(xs).forEach(a::add);
    }
}
