package org.driftwatch.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.driftwatch.checks.Check;
import org.driftwatch.checks.CheckCatalog;
import org.driftwatch.data.ColumnPlan;
import org.driftwatch.rules.RuleException;
import org.driftwatch.rules.RuleFileParser;
import org.driftwatch.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareSettingsTest {
    @TempDir
    Path tmp;

    private RuleSet rules(String more) throws IOException {
        Path f = tmp.resolve("r.yaml");
        Files.writeString(f, "monitor: m\nreference: {path: a.parquet}\ncurrent: {path: b.parquet}\n" + more);
        return RuleFileParser.parse(f);
    }

    @Test
    void compareSectionSetsEveryComparisonWideSetting() throws IOException {
        CompareSettings s = CompareSettings.fromRules(rules(
            "compare: {psi_bins: 20, min_count: 50, max_categories: 200, dataset_share: 0.3, tests: {amount: psi}}\n"));
        assertEquals(20, s.psiBins());
        assertEquals(50, s.minCount());
        assertEquals(200, s.maxCategories());
        assertEquals(0.3, s.datasetShare());
        assertEquals(DriftTest.PSI, s.testFor("amount").orElseThrow());
        assertTrue(s.deprecations().isEmpty());
    }

    @Test
    void theExactPathSizeAndTheFinishingScansAreSettingsWithDefaults() throws IOException {
        CompareSettings d = CompareSettings.fromRules(rules(""));
        assertEquals(1_000_000, d.exactValues());
        assertEquals(8, d.finishingScans());
        CompareSettings s = CompareSettings.fromRules(rules("compare: {exact_values: 0, finishing_scans: 0}\n"));
        assertEquals(0, s.exactValues());
        assertEquals(0, s.finishingScans());
        RuleException e = assertThrows(RuleException.class, () -> CompareSettings.fromRules(rules("compare: {finishing_scans: -1}\n")));
        assertTrue(e.getMessage().contains("compare.finishing_scans") && e.getMessage().contains("between 0 and 64"), e.getMessage());
    }

    @Test
    void oldKeysUnderChecksStillWorkWithADeprecationLine() throws IOException {
        CompareSettings s = CompareSettings.fromRules(rules("checks:\n  psi: {bins: 12}\n  drift: {min_count: 5, dataset_share: 0.4}\n"));
        assertEquals(12, s.psiBins());
        assertEquals(5, s.minCount());
        assertEquals(0.4, s.datasetShare());
        assertEquals(3, s.deprecations().size());
        assertTrue(s.deprecations().get(0).contains("checks.psi.bins is deprecated") && s.deprecations().get(0).contains("compare.psi_bins"),
            s.deprecations().get(0));
    }

    @Test
    void switchingTheDriftCheckOffKeepsTheComparisonSettings() throws IOException {
        RuleSet r = rules("compare: {min_count: 7, max_categories: 50}\nchecks:\n  drift: {enabled: false}\n  psi: {enabled: false}\n");
        CompareSettings s = CompareSettings.fromRules(r);
        assertEquals(7, s.minCount());
        assertEquals(50, s.maxCategories());
        assertTrue(CheckCatalog.checksFor(r).stream().map(Check::name).noneMatch(n -> n.equals("drift") || n.equals("psi")));
    }

    @Test
    void aKeyInBothPlacesIsAnError() throws IOException {
        RuleSet r = rules("compare: {min_count: 7}\nchecks:\n  drift: {min_count: 5}\n");
        RuleException e = assertThrows(RuleException.class, () -> CompareSettings.fromRules(r));
        assertTrue(e.getMessage().contains("checks.drift.min_count and compare.min_count are both set"), e.getMessage());
    }

    @Test
    void unknownTestNamesTheKeyAndSuggests() throws IOException {
        RuleSet r = rules("compare:\n  tests: {amount: wasserstien}\n");
        RuleException e = assertThrows(RuleException.class, () -> CompareSettings.fromRules(r));
        assertTrue(e.getMessage().contains(":5:") && e.getMessage().contains("compare.tests.amount")
            && e.getMessage().contains("did you mean 'wasserstein'"), e.getMessage());
    }

    @Test
    void aTestMustFitItsColumn() throws IOException {
        ColumnPlan plan = new ColumnPlan(List.of("amount"), List.of("country"), null, null, false, List.of(),
            new ColumnPlan.SchemaDifference(List.of(), List.of(), Map.of()));
        CompareSettings ks = CompareSettings.fromRules(rules("compare: {tests: {country: ks}}\n"));
        assertTrue(assertThrows(RuleException.class, () -> ks.checkColumns("r.yaml", plan)).getMessage()
            .contains("ks does not apply to a categorical column"));
        CompareSettings unknown = CompareSettings.fromRules(rules("compare: {tests: {amonut: psi}}\n"));
        assertTrue(assertThrows(RuleException.class, () -> unknown.checkColumns("r.yaml", plan)).getMessage()
            .contains("'amonut' is not a compared feature"));
        CompareSettings.fromRules(rules("compare: {tests: {amount: chi_square, country: psi}}\n")).checkColumns("r.yaml", plan);
    }

    @Test
    void theDefaultTestTableFollowsEvidently() {
        assertEquals(DriftTest.KS, DriftTestChoice.defaultFor(true, false, 1000));
        assertEquals(DriftTest.WASSERSTEIN, DriftTestChoice.defaultFor(true, false, 1001));
        assertEquals(DriftTest.CHI_SQUARE, DriftTestChoice.defaultFor(true, true, 500));
        assertEquals(DriftTest.JENSEN_SHANNON, DriftTestChoice.defaultFor(false, false, 5000));
        assertTrue(DriftTestChoice.fewValues(5));
        assertTrue(!DriftTestChoice.fewValues(6) && !DriftTestChoice.fewValues(-1));
    }

    @Test
    void aDriftTestReadsItsScoreAndDirection() {
        ColumnComparison c = Columns.numerical("a").psi(0.3).ks(0.2, 0.05).build();
        assertTrue(DriftTest.PSI.run(c, null).detected());
        assertTrue(DriftTest.KS.run(c, null).detected(), "KS drifts at p <= 0.05");
        ColumnComparison.DriftResult wasserstein = DriftTest.WASSERSTEIN.run(c, null);
        assertEquals(0.01, wasserstein.score());
        assertTrue(!wasserstein.detected());
        ColumnComparison.DriftResult chi = DriftTest.CHI_SQUARE.run(c, null);
        assertEquals(null, chi.score(), "a numeric column without a value table has no chi-square");
    }
}
