package org.driftwatch.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule file's segments: defaults, and every mistake one line with file:line:column before any data is read. */
class SegmentRulesTest {
    @TempDir
    Path tmp;

    private static final String HEAD = "monitor: m\nreference: {path: a.parquet}\ncurrent: {path: b.parquet}\n";

    private RuleSet parse(String yaml) throws IOException {
        Path f = tmp.resolve("rules.yaml");
        Files.writeString(f, HEAD + yaml);
        return RuleFileParser.parse(f);
    }

    private String error(String yaml) throws IOException {
        RuleException e = assertThrows(RuleException.class, () -> parse(yaml));
        return e.getMessage();
    }

    @Test
    void defaultsAreTheContracts() throws IOException {
        SegmentRules s = parse("segments:\n  by: [origin]\n  expressions:\n    long_haul: \"distance > 1500\"\n").segments();
        assertTrue(s.any());
        assertEquals(List.of("origin"), s.by());
        assertEquals("distance > 1500", s.expressions().get("long_haul"));
        assertEquals(50, s.maxSegments());
        assertEquals(1000, s.minRows());
        assertNull(s.columns(), "every compared column by default");
        assertFalse(parse("").segments().any());
    }

    @Test
    void mistakesNameTheirPlace() throws IOException {
        assertTrue(error("segments: {by: [a], maxsegments: 3}\n").contains(":4:"), "line of the unknown key");
        assertTrue(error("segments: {by: [a], maxsegments: 3}\n").contains("max_segments"), "did you mean");
        String bad = error("segments:\n  expressions:\n    warm: \"temp_max >\"\n");
        assertTrue(bad.contains(":6:") && bad.contains("segments.expressions.warm") && bad.contains("cannot parse"), bad);
        assertTrue(error("segments: {expressions: {\"a=b\": \"x > 1\"}}\n").contains("must not contain '='"));
        assertTrue(error("segments: {by: [a, a]}\n").contains("twice"));
        assertTrue(error("segments: {by: [a, b, c], max_segments: 400}\n").contains("more than 1000 segments"));
        assertTrue(error("segments: {by: [a], min_rows: 0}\n").contains("min_rows"));
        assertTrue(error("segments: {by: [a], columns: []}\n").contains("empty"));
    }
}
