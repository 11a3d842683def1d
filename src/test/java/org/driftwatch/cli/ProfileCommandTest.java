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
