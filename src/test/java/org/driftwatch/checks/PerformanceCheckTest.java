package org.driftwatch.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.driftwatch.compare.Columns;
import org.driftwatch.compare.Comparison;
import org.driftwatch.judge.Judge;
import org.driftwatch.judge.Judgement;
import org.driftwatch.judge.RetrainPolicy;
import org.driftwatch.judge.Verdict;
import org.driftwatch.rules.RuleException;
import org.junit.jupiter.api.Test;

/** The performance check, and how the judge names the drift behind a drop, on hand-built comparisons. */
class PerformanceCheckTest {
    // reference: f1 = 2·80 / (2·80 + 20 + 20) = 0.8; current: f1 = 2·50 / (2·50 + 50 + 50) = 0.5
    static final Comparison DROPPED = Columns.withModel(List.of(Columns.numerical("x").build()),
        Columns.binaryOutcomes(880, 20, 20, 80), Columns.binaryOutcomes(850, 50, 50, 50));

    @Test
    void aDropBeyondMaxDropFailsAsARetrainReason() {
        List<Finding> f = new PerformanceCheck("f1", 0.05, false).findings(DROPPED);
        assertEquals(1, f.size());
        assertEquals(Status.FAIL, f.get(0).status());
        assertEquals(0.3, f.get(0).value(), 1e-12);
        assertEquals(RetrainReason.PERFORMANCE_DROP, f.get(0).retrainReason());
        assertEquals(DriftKind.PERFORMANCE, f.get(0).kind());
        assertNull(f.get(0).column());
    }

    @Test
    void relativeDropsAreSharesOfTheReferenceValue() {
        Finding f = new PerformanceCheck("f1", 0.4, true).findings(DROPPED).get(0);
        assertEquals(0.375, f.value(), 1e-12);   // 0.3 / 0.8
        assertEquals(Status.OK, f.status());
        assertEquals(Status.FAIL, new PerformanceCheck("f1", 0.3, true).findings(DROPPED).get(0).status());
    }

    @Test
    void lowerIsBetterMetricsDropWhenTheyRise() {
        Comparison better = Columns.withModel(List.of(Columns.numerical("x").build()),
            Columns.binaryOutcomes(850, 50, 50, 50), Columns.binaryOutcomes(880, 20, 20, 80));
        assertEquals(Status.OK, new PerformanceCheck("f1", 0.05, false).findings(better).get(0).status());
        Finding wrongTask = new PerformanceCheck("rmse", 0.05, false).findings(better).get(0);
        assertEquals(Status.ERROR, wrongTask.status());
        assertTrue(wrongTask.message().contains("does not apply to a binary model"), wrongTask.message());
    }

    @Test
    void aDropWithStableFeaturesIsConceptDriftAndWithDriftedFeaturesItIsSaidSo() {
        List<Check> checks = List.of(new PerformanceCheck("f1", 0.05, false), new PsiCheck(0.1, 0.25));
        Judgement stable = judge(DROPPED, checks);
        assertEquals(Verdict.RETRAIN, stable.decision().verdict());
        assertEquals("performance_drop", stable.decision().reasons().get(0).kind());
        assertEquals(List.of("concept drift P(Y|X)"), stable.explanation().driftTypes());

        Comparison drifted = Columns.withModel(List.of(Columns.numerical("x").psi(0.6).build()),
            Columns.binaryOutcomes(880, 20, 20, 80), Columns.binaryOutcomes(850, 50, 50, 50));
        Judgement both = judge(drifted, checks);
        assertEquals(List.of("performance drop with data drift", "data drift P(X)"), both.explanation().driftTypes());
    }

    @Test
    void unknownMetricsAreRuleErrorsWithAHint() {
        RuleException e = assertThrows(RuleException.class, () -> CheckCatalog.checksFor(org.driftwatch.rules.RuleFileParser.parse(
            write("monitor: m\nreference: {path: a.csv}\ncurrent: {path: b.csv}\ncolumns: {label: y, prediction: p}\n"
                + "checks:\n  performance: {metric: roc_aux}\n"))));
        assertTrue(e.getMessage().contains("unknown checks.performance.metric 'roc_aux' (did you mean 'roc_auc'?)"), e.getMessage());
    }

    private static Judgement judge(Comparison c, List<Check> checks) {
        List<Finding> findings = checks.stream().flatMap(k -> k.findings(c).stream()).toList();
        return new Judge(RetrainPolicy.defaults()).judge(c, findings);
    }

    private static java.nio.file.Path write(String yaml) {
        try {
            java.nio.file.Path f = java.nio.file.Files.createTempFile("rules", ".yaml");
            java.nio.file.Files.writeString(f, yaml);
            f.toFile().deleteOnExit();
            return f;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
