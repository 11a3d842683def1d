package org.driftwatch.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.driftwatch.rules.RuleException;
import org.driftwatch.rules.RuleFileParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCatalogTest {
    @TempDir
    Path tmp;

    private List<String> checks(String more) throws IOException {
        Path f = tmp.resolve("r.yaml");
        Files.writeString(f, "monitor: m\nreference: {path: a.parquet}\ncurrent: {path: b.parquet}\n" + more);
        return CheckCatalog.checksFor(RuleFileParser.parse(f)).stream().map(Check::name).toList();
    }

    @Test
    void defaultChecksRunUnconfigured() throws IOException {
        assertEquals(List.of("psi", "ks", "drift", "nulls", "identical_rows", "schema", "volume"), checks(""),
            "volume against the history's median whenever a history is kept");
        assertEquals(List.of("psi", "ks", "drift", "nulls", "identical_rows", "schema"), checks("history: {enabled: false}\n"));
    }

    @Test
    void leakageAndLabelRunWhenTheRulesNameTheirColumns() throws IOException {
        List<String> names = checks("columns: {id: user, label: y}\n");
        assertTrue(names.contains("leakage") && names.contains("label_distribution"), names.toString());
    }

    @Test
    void meanShiftAndHistoryRunOnlyWhenConfigured() throws IOException {
        assertTrue(checks("").stream().noneMatch(n -> n.equals("history") || n.equals("mean_shift")));
        List<String> names = checks("checks:\n  history: {sigma: 2}\n  mean_shift: {}\n");
        assertTrue(names.contains("history") && names.contains("mean_shift"), names.toString());
    }

    @Test
    void anyCheckSwitchesOff() throws IOException {
        assertTrue(checks("checks:\n  schema: {enabled: false}\n").stream().noneMatch("schema"::equals));
    }

    @Test
    void unknownCheckSuggestsTheNearest() {
        RuleException e = assertThrows(RuleException.class, () -> checks("checks:\n  volum: {}\n"));
        assertTrue(e.getMessage().contains("unknown check 'volum'") && e.getMessage().contains("did you mean 'volume'"), e.getMessage());
    }

    @Test
    void lookingBackNeedsAHistory() {
        RuleException h = assertThrows(RuleException.class, () -> checks("history: {enabled: false}\nchecks:\n  history: {}\n"));
        assertTrue(h.getMessage().contains("checks.history compares tonight with the metrics history, which this rule file turns off"),
            h.getMessage());
        RuleException m = assertThrows(RuleException.class, () -> checks("checks:\n  history: {metrics: [psi, nul_share]}\n"));
        assertTrue(m.getMessage().contains("unknown metric 'nul_share'") && m.getMessage().contains("did you mean 'null_share'"), m.getMessage());
        RuleException k = assertThrows(RuleException.class, () -> checks("checks:\n  history: {sigma: 4, fail_sigma: 3}\n"));
        assertTrue(k.getMessage().contains("fail_sigma"), k.getMessage());
    }

    @Test
    void volumeRatiosMustBeOrdered() {
        RuleException e = assertThrows(RuleException.class, () -> checks("checks:\n  volume: {min_ratio: 3, max_ratio: 2}\n"));
        assertTrue(e.getMessage().contains("checks.volume.min_ratio"), e.getMessage());
    }
}
