package org.driftwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.driftwatch.CliRun;
import org.driftwatch.GoldenCase;
import org.driftwatch.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A saved reference profile gives the same report as scanning the raw reference (above the exact-path
 * size, where both use the same compressed distribution), and a profile that does not fit is refused
 * with one line naming what differs.
 */
class ProfileCommandTest {
    @TempDir
    static Path tmp;
    static Path data;
    static JsonNode raw;
    static JsonNode fromProfile;
    static Path profile;

    @BeforeAll
    static void runBothWays() throws IOException {
        TestSpark.session();
        data = tmp.resolve("data");
        assertEquals(0, CliRun.of("generate", "--rows", "300000", "--numerical", "4", "--categorical", "2",
            "--drift", "shift=0.4,nulls=0.05,new_category=0.1,columns=0.5", "--partitions", "3", "--out", data.toString()).exitCode());
        Path rules = data.resolve("rules.yaml");
        CliRun full = CliRun.of("run", "--rules", rules.toString(), "--date", "2026-11-26", "--out", tmp.resolve("full").toString());
        assertEquals(0, full.exitCode(), full.err());
        profile = tmp.resolve("profile.json");
        CliRun p = CliRun.of("profile", "--rules", rules.toString(), "--out", profile.toString());
        assertEquals(0, p.exitCode(), p.err());
        CliRun nightly = CliRun.of("run", "--rules", rules.toString(), "--reference-profile", profile.toString(),
            "--date", "2026-11-26", "--out", tmp.resolve("nightly").toString());
        assertEquals(0, nightly.exitCode(), nightly.err());
        raw = report(tmp.resolve("full"));
        fromProfile = report(tmp.resolve("nightly"));
    }

    private static JsonNode report(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            Path json = files.filter(f -> f.getFileName().toString().equals("report.json")).findFirst().orElseThrow();
            return new ObjectMapper().readTree(json.toFile());
        }
    }

    /**
     * Above the exact size the raw run's finishing scans make KS and Wasserstein exact; the run against
     * the profile (which does not scan the reference) keeps them bounded, and the exact values lie within
     * its bounds. Everything else is equal.
     */
    @Test
    void everyColumnStatisticEqualsTheRawReferenceRun() {
        int compared = 0;
        for (var it = raw.path("columns").fieldNames(); it.hasNext(); ) {
            String c = it.next();
            JsonNode a = raw.path("columns").path(c);
            JsonNode b = fromProfile.path("columns").path(c);
            for (String k : List.of("psi", "psi_bins", "shares", "chi_square", "jensen_shannon", "reference")) {
                assertEquals(a.path(k), b.path(k), c + "." + k);
            }
            if (a.has("ks")) {
                assertEquals(0.0, a.path("ks").path("bound").asDouble(), c + ": the raw run is exact");
                double d = a.path("ks").path("statistic").asDouble();
                double bd = b.path("ks").path("statistic").asDouble();
                assertTrue(bd <= d + 1e-12 && d <= bd + b.path("ks").path("bound").asDouble() + 1e-12, c + ": D " + d + " vs " + bd);
                double w = a.path("wasserstein_normed").asDouble();
                double bw = b.path("wasserstein_normed").asDouble();
                assertTrue(Math.abs(w - bw) <= b.path("wasserstein_normed_bound").asDouble() + 1e-12, c + ": W " + w + " vs " + bw);
            }
            compared++;
        }
        assertEquals(6, compared);
        assertTrue(fromProfile.path("columns").path("n0").path("ks").path("bound").asDouble() > 0, "bounded against a profile");
        assertTrue(fromProfile.path("columns").path("n0").path("ks").path("bound").asDouble() <= 0.001);
        assertEquals("exact", raw.path("columns").path("n0").path("comparison").path("method").asText());
        assertEquals("profile", fromProfile.path("reference").path("format").asText());
        assertEquals(raw.path("decision"), fromProfile.path("decision"));
    }

    @Test
    void aHandEditedProfileIsRefusedNotTrusted() throws IOException {
        Path edited = tmp.resolve("edited-profile.json");
        Files.writeString(edited, Files.readString(profile).replaceFirst("\"rows\" : 300000", "\"rows\" : 5"));
        CliRun r = CliRun.of("run", "--rules", data.resolve("rules.yaml").toString(), "--reference-profile", edited.toString(),
            "--out", tmp.resolve("e").toString());
        assertRefused(r, "content_sha256");
        assertTrue(r.errorLine().contains(edited.toString()), r.errorLine());
        assertFalse(Files.exists(tmp.resolve("e")), "no report from a profile that is not trusted");
    }

    /** A profile edited and re-checksummed, as anyone can: its parts must still agree with one another (#31 item 6). */
    private static Path resigned(String name, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> edit)
        throws IOException {
        ObjectMapper json = new ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(profile.toFile());
        edit.accept(root);
        root.remove("content_sha256");
        try {
            root.put("content_sha256", java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(root))));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path out = tmp.resolve(name);
        Files.write(out, json.writeValueAsBytes(root));
        return out;
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode column(com.fasterxml.jackson.databind.node.ObjectNode root) {
        return (com.fasterxml.jackson.databind.node.ObjectNode) root.get("profile").get("numerical").get("n0");
    }

    @Test
    void aReSignedProfileThatContradictsItselfIsRefused() throws IOException {
        Path mean = resigned("mean.json", root -> {
            com.fasterxml.jackson.databind.node.ObjectNode summary = (com.fasterxml.jackson.databind.node.ObjectNode) column(root).get("summary");
            summary.put("mean", summary.get("max").asDouble() + 50);
        });
        CliRun r = CliRun.of("run", "--rules", data.resolve("rules.yaml").toString(), "--reference-profile", mean.toString(),
            "--out", tmp.resolve("mean").toString());
        assertRefused(r, "numerical.n0.summary mean");
        assertTrue(r.errorLine().contains("lies outside [min"), r.errorLine());

        Path bins = resigned("bins.json", root -> {
            com.fasterxml.jackson.databind.node.ArrayNode b = (com.fasterxml.jackson.databind.node.ArrayNode) column(root).get("psi_bins");
            long moved = b.get(0).asLong() / 2;
            b.set(0, b.get(0).asLong() - moved);
            b.set(b.size() - 1, b.get(b.size() - 1).asLong() + moved);
        });
        CliRun rb = CliRun.of("run", "--rules", data.resolve("rules.yaml").toString(), "--reference-profile", bins.toString(),
            "--out", tmp.resolve("bins").toString());
        assertRefused(rb, "numerical.n0.psi_bins bin 0 holds");
        assertTrue(rb.errorLine().contains("but the cells put"), rb.errorLine());
    }

    /** With DRIFTWATCH_PROFILE_KEY, profiles are signed (HMAC-SHA256) and only a matching signature is trusted. */
    @Test
    void aKeyedSignatureRefusesProfilesNotSignedWithTheKey() throws IOException {
        java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put("DRIFTWATCH_PROFILE_KEY", "team-secret-1");
        Path signed = tmp.resolve("signed.json");
        assertEquals(0, CliRun.of(env, "profile", "--rules", data.resolve("rules.yaml").toString(), "--out", signed.toString()).exitCode());
        assertTrue(Files.readString(signed).contains("content_hmac_sha256"));
        assertFalse(Files.readString(signed).contains("team-secret-1"), "the key itself is never written");
        CliRun ok = CliRun.of(env, "run", "--rules", data.resolve("rules.yaml").toString(), "--reference-profile", signed.toString(),
            "--date", "2026-11-26", "--out", tmp.resolve("k1").toString());
        assertEquals(0, ok.exitCode(), ok.err());

        CliRun unsigned = CliRun.of(env, "run", "--rules", data.resolve("rules.yaml").toString(), "--reference-profile", profile.toString(),
            "--out", tmp.resolve("k2").toString());
        assertRefused(unsigned, "carries no content_hmac_sha256, but DRIFTWATCH_PROFILE_KEY is set");

        java.util.Map<String, String> other = new java.util.HashMap<>(env);
        other.put("DRIFTWATCH_PROFILE_KEY", "someone-else");
        CliRun wrongKey = CliRun.of(other, "run", "--rules", data.resolve("rules.yaml").toString(), "--reference-profile", signed.toString(),
            "--out", tmp.resolve("k3").toString());
        assertRefused(wrongKey, "does not match DRIFTWATCH_PROFILE_KEY");
    }

    @Test
    void aProfileOfAnotherMonitorIsRefused() throws IOException {
        Path rules = tmp.resolve("other.yaml");
        Files.writeString(rules, Files.readString(data.resolve("rules.yaml")).replaceFirst("monitor: \\S+", "monitor: other"));
        CliRun r = CliRun.of("run", "--rules", rules.toString(), "--reference-profile", profile.toString(), "--out", tmp.resolve("o").toString());
        assertRefused(r, "monitor");
    }

    @Test
    void aProfileWithOtherPsiBinsIsRefused() throws IOException {
        Path rules = tmp.resolve("bins.yaml");
        Files.writeString(rules, Files.readString(data.resolve("rules.yaml")) + "\nchecks: {psi: {bins: 20}}\n");
        CliRun r = CliRun.of("run", "--rules", rules.toString(), "--reference-profile", profile.toString(), "--out", tmp.resolve("b").toString());
        assertRefused(r, "PSI bins");
    }

    @Test
    void aProfileWhoseReferenceChangedSchemaIsRefused() {
        Path other = GoldenCase.load("synthetic_injected_drift").dir().resolve("reference.parquet");
        CliRun r = CliRun.of("run", "--rules", data.resolve("rules.yaml").toString(), "--reference", other.toString(),
            "--reference-profile", profile.toString(), "--out", tmp.resolve("s").toString());
        assertEquals(3, r.exitCode(), r.err());
        assertFalse(r.hasStackTrace(), r.err());
    }

    /** A profile used with another reference path says the path differs, not that the data was rewritten (#31 item 12). */
    @Test
    void aProfileOfAnotherReferencePathSaysThePathDiffers() throws IOException {
        Path moved = tmp.resolve("moved-reference.parquet");
        Files.createDirectories(moved);
        try (var files = Files.list(data.resolve("reference.parquet"))) {
            for (Path f : files.toList()) {
                Files.copy(f, moved.resolve(f.getFileName()));
            }
        }
        CliRun r = CliRun.of("run", "--rules", data.resolve("rules.yaml").toString(), "--reference", moved.toString(),
            "--reference-profile", profile.toString(), "--out", tmp.resolve("p").toString());
        assertRefused(r, "the profile was made from " + data.resolve("reference.parquet").toAbsolutePath() + ", but the rules name the reference "
            + moved);
        assertFalse(r.errorLine().contains("rewritten"), r.errorLine());
    }

    @Test
    void aMissingProfileSaysHowToWriteOne() {
        CliRun r = CliRun.of("run", "--rules", data.resolve("rules.yaml").toString(), "--reference-profile",
            tmp.resolve("nope.json").toString(), "--out", tmp.resolve("m").toString());
        assertRefused(r, "driftwatch profile");
    }

    private static void assertRefused(CliRun r, String fragment) {
        assertEquals(3, r.exitCode(), r.err());
        assertTrue(r.errorLine().contains(fragment), r.errorLine());
        assertFalse(r.hasStackTrace(), r.err());
    }

    @Test
    void aProfileNamedInTheRulesIsWrittenByTheFirstRunAndRefusedOnceTheDataIsRewritten() throws IOException {
        Path auto = tmp.resolve("auto").resolve("reference-profile.json");
        Path rules = tmp.resolve("auto.yaml");
        // a copy of the reference, since this test rewrites it
        Path copy = tmp.resolve("reference-copy.parquet");
        Files.createDirectories(copy);
        try (var files = Files.list(data.resolve("reference.parquet"))) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        String yaml = Files.readString(data.resolve("rules.yaml"))
            .replace(data.resolve("reference.parquet").toAbsolutePath().toString(), copy.toAbsolutePath().toString());
        int at = yaml.indexOf("format: parquet}");   // the reference's, which comes first
        Files.writeString(rules, yaml.substring(0, at) + "format: parquet, profile: \"" + auto + "\"}"
            + yaml.substring(at + "format: parquet}".length()));
        CliRun first = CliRun.of("run", "--rules", rules.toString(), "--date", "2026-11-26", "--out", tmp.resolve("a1").toString());
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(Files.exists(auto), "the first run wrote the profile");
        assertTrue(first.err().contains("writing it from"), first.err());
        assertEquals("profile", report(tmp.resolve("a1")).path("reference").path("format").asText());
        assertEquals(raw.path("columns").path("n0").path("psi"), report(tmp.resolve("a1")).path("columns").path("n0").path("psi"));

        CliRun second = CliRun.of("run", "--rules", rules.toString(), "--date", "2026-11-26", "--out", tmp.resolve("a2").toString());
        assertEquals(0, second.exitCode(), second.err());
        assertFalse(second.err().contains("writing it from"), "the second run reuses it");

        try (var files = Files.list(copy)) {
            Path part = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
            Files.setLastModifiedTime(part, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        }
        CliRun third = CliRun.of("run", "--rules", rules.toString(), "--date", "2026-11-26", "--out", tmp.resolve("a3").toString());
        assertRefused(third, "rewritten");
    }

    @Test
    void aReferenceGivenOnlyAsAProfileNeedsNoReferenceData() throws IOException {
        String yaml = Files.readString(data.resolve("rules.yaml"));
        String referenceLine = yaml.lines().filter(l -> l.startsWith("reference:")).findFirst().orElseThrow();
        Path rules = tmp.resolve("profile-only.yaml");
        Files.writeString(rules, yaml.replace(referenceLine, "reference: {profile: \"" + profile + "\"}"));
        CliRun r = CliRun.of("run", "--rules", rules.toString(), "--date", "2026-11-26", "--out", tmp.resolve("po").toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode report = report(tmp.resolve("po"));
        assertEquals(raw.path("columns").path("n1").path("psi_bins"), report.path("columns").path("n1").path("psi_bins"));
        assertEquals(0, report.path("leakage").path("overlapping_ids").asInt(-1), "leakage from the stored id bitmap");
        assertEquals(raw.path("leakage").path("reference_distinct_ids"), report.path("leakage").path("reference_distinct_ids"));
    }
}
