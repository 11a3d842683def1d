package org.driftwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.driftwatch.CliRun;
import org.driftwatch.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A column of values near Double.MAX_VALUE gets finite moments, a Wasserstein distance and a decided drift test. */
class ExtremeValuesTest {
    @TempDir
    Path dir;

    @Test
    void valuesNearTheLargestDoubleAreComparedLikeAnyOther() throws Exception {
        TestSpark.session();
        StringBuilder ref = new StringBuilder("big\n");
        StringBuilder cur = new StringBuilder("big\n");
        for (int i = 0; i < 200; i++) {
            ref.append(1e308 + i * 1e305).append('\n');
            cur.append(1.1e308 + i * 1e305).append('\n');
        }
        Files.writeString(dir.resolve("ref.csv"), ref);
        Files.writeString(dir.resolve("cur.csv"), cur);
        Path rules = dir.resolve("big.yaml");
        Files.writeString(rules, "monitor: big\nreference: {path: \"" + dir.resolve("ref.csv") + "\"}\ncurrent: {path: \""
            + dir.resolve("cur.csv") + "\"}\ncolumns: {numerical: [big]}\n");
        CliRun r = CliRun.of("run", "--rules", rules.toString(), "--out", dir.resolve("out").toString(), "--date", "2026-11-26");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode big = new ObjectMapper().readTree(dir.resolve("out/big/2026-11-26/report.json").toFile()).get("columns").get("big");
        for (String side : new String[] {"reference", "current"}) {
            assertTrue(big.get(side).get("mean").isNumber() && big.get(side).get("std").isNumber(), big.get(side).toString());
        }
        assertEquals(1.0995e308, big.get("reference").get("mean").asDouble(), 1e303);
        assertTrue(big.get("wasserstein").isNumber(), big.toString());
        assertTrue(big.get("drift").get("score").isNumber(), big.get("drift").toString());
        assertTrue(big.get("drift").get("detected").asBoolean(), "the current values sit above every reference value");
        String csv = Files.readString(dir.resolve("out/big/2026-11-26/summary.csv"));
        assertFalse(csv.contains("NaN") || csv.contains("Infinity"), csv);
        String html = Files.readString(dir.resolve("out/big/2026-11-26/report.html"));
        assertFalse(html.contains("Infinity"), "no infinite mean in the HTML");
    }
}
