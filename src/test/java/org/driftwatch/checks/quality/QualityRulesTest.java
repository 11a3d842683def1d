package org.driftwatch.checks.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.driftwatch.checks.CheckCatalog;
import org.driftwatch.checks.Status;
import org.driftwatch.profile.quality.AllowedTest;
import org.driftwatch.profile.quality.RangeTest;
import org.driftwatch.profile.quality.ValueRule;
import org.driftwatch.rules.RuleException;
import org.driftwatch.rules.RuleFileParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** checks.quality in the rule file: defaults, YAML texts and numbers, and one line with file:line:col per mistake. */
class QualityRulesTest {
    @TempDir
    Path tmp;

    private static final String HEAD = "monitor: m\nreference: {path: r.parquet}\ncurrent: {path: c.parquet}\nchecks:\n  quality:\n";

    private QualityCheck parse(String items) throws IOException {
        Path f = tmp.resolve("rules.yaml");
        Files.writeString(f, HEAD + items);
        return (QualityCheck) CheckCatalog.checksFor(RuleFileParser.parse(f)).stream().filter(c -> c instanceof QualityCheck)
            .findFirst().orElseThrow();
    }

    private String error(String items) throws IOException {
        RuleException e = assertThrows(RuleException.class, () -> parse(items));
        String at = tmp.resolve("rules.yaml") + ":";
        assertTrue(e.getMessage().startsWith(at), e.getMessage());
        assertTrue(e.getMessage().substring(at.length()).matches("\\d+:\\d+: .*"), "file:line:col: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void itemsTakeTheirDefaultsAndTheFileSpelling() throws IOException {
        QualityCheck q = parse("    - {column: amount, range: {min: 1e-05, max: 10000}}\n"
            + "    - {name: codes, column: code, allowed: [3, 3.10, \"x\", true], mostly: 0.9, max_increase: 0.01, severity: warn, samples: 2}\n");
        Constraint range = q.constraints().get(0);
        assertEquals("amount_range", range.name());
        assertEquals(1.0, range.mostly());
        assertEquals(Status.FAIL, range.severity());
        assertEquals(null, range.maxIncrease());
        assertEquals(5, range.rule().samples());
        assertEquals(new RangeTest(1e-05, 10000.0), ((ValueRule) range.rule()).test(), "scientific notation is a number");
        assertEquals(false, range.blocking(), "a constraint does not hold retraining unless it says so");
        assertEquals(true, parse("    - {column: amount, range: {min: 0}, blocking: true}\n").constraints().get(0).blocking());
        Constraint codes = q.constraints().get(1);
        assertEquals(Status.WARN, codes.severity());
        assertEquals(0.9, codes.mostly());
        assertEquals(0.01, codes.maxIncrease());
        AllowedTest allowed = (AllowedTest) ((ValueRule) codes.rule()).test();
        for (String text : List.of("3", "3.10", "x", "true")) {
            assertTrue(!allowed.failsText(org.apache.spark.unsafe.types.UTF8String.fromString(text)), text + " is allowed as written");
        }
        assertTrue(allowed.failsText(org.apache.spark.unsafe.types.UTF8String.fromString("3.1")), "3.10 is the text 3.10, not the number");
    }

    private void says(String items, String part) throws IOException {
        String m = error(items);
        assertTrue(m.contains(part), m);
    }

    @Test
    void eachMistakeIsOneLineNamingItsPlace() throws IOException {
        says("    - {column: a, rnage: {min: 0}}\n", "did you mean 'range'");
        says("    - {column: a}\n", "needs one kind of constraint");
        says("    - {column: a, range: {min: 0}, unique: true}\n", "names both range and unique");
        says("    - {column: e, pattern: \"[a-z\"}\n", "does not compile: Unclosed character class");
        says("    - {column: a, range: {min: 5, max: 1}}\n", "min 5 is greater than max 1");
        says("    - {column: a, range: {}}\n", "needs min, max or both");
        says("    - {column: a, range: {min: 0}, mostly: 1.5}\n", "mostly must be between 0 and 1");
        says("    - {column: a, range: {min: zero}}\n", "must be a number");
        says("    - {name: c, condition: \"amount >= (0\"}\n", "Spark cannot parse the condition");
        says("    - {column: a, range: {min: 0}}\n    - {column: a, range: {max: 9}}\n", "two checks.quality constraints are named 'a_range'");
        says("    - {range: {min: 0}}\n", "needs the column it checks");
        says("    - {column: a, condition: \"a > 0\"}\n", "remove column");
        says("    - {column: a, range: {min: 0}, severity: fatal}\n", "use fail or warn");
        says("    - {column: t, freshness: {}}\n", "needs max_age_hours");
        says("    - {column: t, freshness: {max_age_hours: 3}, mostly: 0.5}\n", "judged by max_age_hours alone");
        says("    - {column: k, exists_in: {path: m.csv}}\n", "needs the column of m.csv");
        says("    - {column: k, exists_in: {path: m.txt, column: id}}\n", "cannot be told from the path");
        says("    - {column: a, allowed: []}\n", "at least one value");
        says("    - {column: a, range: {min: 0}, severity: warn, blocking: true}\n", "its severity must be fail, not warn");
        says("    - {column: a, range: {min: 0}, blocking: maybe}\n", "blocking");
    }
}
