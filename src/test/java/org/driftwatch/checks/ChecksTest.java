package org.driftwatch.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.Columns;
import org.driftwatch.compare.Comparison;
import org.driftwatch.data.ColumnPlan;
import org.driftwatch.profile.model.IdenticalRows;
import org.driftwatch.profile.model.LeakageProfile;
import org.junit.jupiter.api.Test;

/** Every check judged on comparisons built by hand: no Spark, no data. */
class ChecksTest {
    private static Finding only(List<Finding> fs, String column) {
        List<Finding> of = fs.stream().filter(f -> column == null ? f.column() == null : column.equals(f.column())).toList();
        assertEquals(1, of.size(), fs.toString());
        return of.get(0);
    }

    @Test
    void psiAboveFailIsARetrainReasonAndAboveWarnOnlyAWarning() {
        Comparison c = Columns.comparison(List.of(Columns.numerical("a").psi(0.3).build(), Columns.numerical("b").psi(0.15).build(),
            Columns.numerical("c").psi(0.05).build(), Columns.numerical("d").untested("insufficient data").build()));
        List<Finding> fs = new PsiCheck(0.1, 0.25).evaluate(c);
        assertEquals(3, fs.size(), "a column without PSI gets no PSI finding");
        assertEquals(Status.FAIL, only(fs, "a").status());
        assertEquals(RetrainReason.PSI_FAIL, only(fs, "a").retrainReason());
        assertEquals(Status.WARN, only(fs, "b").status());
        assertNull(only(fs, "b").retrainReason());
        assertEquals(Status.OK, only(fs, "c").status());
    }

    @Test
    void ksWarnsBelowAlphaAndNamesTheEffectSize() {
        Comparison c = Columns.comparison(List.of(Columns.numerical("a").ks(0.31, 1e-9).build(), Columns.numerical("b").ks(0.01, 0.4).build()));
        List<Finding> fs = new KsCheck(0.05).evaluate(c);
        assertEquals(Status.WARN, only(fs, "a").status());
        assertTrue(only(fs, "a").message().contains("D 0.3100"), only(fs, "a").message());
        assertEquals(Status.OK, only(fs, "b").status());
    }

    @Test
    void driftCheckWarnsPerDriftedColumnAndDatasetDriftIsAReason() {
        Comparison c = Columns.comparison(List.of(Columns.numerical("a").drifted("wasserstein", 0.4, 0.1).build(),
            Columns.numerical("b").build()));
        List<Finding> fs = new DriftCheck().evaluate(c);
        assertEquals(Status.WARN, only(fs, "a").status());
        Finding dataset = only(fs, null);
        assertEquals(0.5, dataset.value());
        assertEquals(RetrainReason.DATASET_DRIFT, dataset.retrainReason(), "half the columns drifted: share 0.5 reaches 0.5");
        Comparison calm = Columns.comparison(List.of(Columns.numerical("a").build(), Columns.numerical("b").build()));
        Finding none = only(new DriftCheck().evaluate(calm), null);
        assertEquals(Status.OK, none.status());
        assertNull(none.retrainReason());
    }

    @Test
    void untestableColumnWarnsWithItsReason() {
        Comparison c = Columns.comparison(List.of(Columns.numerical("a").untested("insufficient data: 3 values").build()));
        Finding f = only(new DriftCheck().evaluate(c), "a");
        assertEquals(Status.WARN, f.status());
        assertEquals("insufficient data: 3 values", f.message());
    }

    @Test
    void nullsRequiredMaximumAndIncrease() {
        Comparison c = Columns.comparison(List.of(Columns.numerical("id").counts(100, 100, 100, 99).build(),
            Columns.numerical("x").counts(100, 100, 100, 80).build(), Columns.numerical("y").counts(100, 100, 100, 100).build()));
        List<Finding> fs = new NullCheck(List.of("id"), Optional.of(0.1), 0.05, false).evaluate(c);
        List<Finding> id = fs.stream().filter(f -> "id".equals(f.column())).toList();
        assertEquals(Status.FAIL, id.get(0).status(), "a required column with one null fails");
        assertNotNull(id.get(0).advice());
        List<Finding> x = fs.stream().filter(f -> "x".equals(f.column())).toList();
        assertEquals(2, x.size(), "20% nulls: over the maximum (fail) and a rise over the reference (warn)");
        assertEquals(Status.FAIL, x.get(0).status());
        assertEquals(Status.WARN, x.get(1).status());
        assertTrue(fs.stream().noneMatch(f -> "y".equals(f.column())));
        Finding configured = new NullCheck(List.of(), Optional.empty(), 0.05, true).evaluate(c).get(0);
        assertEquals(Status.FAIL, configured.status(), "a configured increase limit fails");
    }

    @Test
    void leakageFailsWithAdviceAndWhenIdsAreMissing() {
        LeakageProfile leaked = new LeakageProfile("user", 3, 4, 5, 100, 50, List.of("7", "8", "9"));
        Comparison c = Columns.comparison(1000, 1000, List.of(), Optional.empty(), Optional.of(leaked), Optional.empty(), Columns.emptySchema());
        Finding f = new LeakageCheck("user", 0).evaluate(c).get(0);
        assertEquals(Status.FAIL, f.status());
        assertEquals(3.0, f.value());
        assertTrue(f.message().contains("7, 8, 9"), f.message());
        assertTrue(f.advice().startsWith("Remove leaked ids"));
        assertEquals(Status.OK, new LeakageCheck("user", 3).evaluate(c).get(0).status(), "max_overlap 3 allows 3");
        Finding missing = new LeakageCheck("user", 0).evaluate(Columns.comparison(List.of())).get(0);
        assertEquals(Status.FAIL, missing.status());
        assertNull(missing.value());
    }

    /** A binary label 30.5 % → 44.4 % positives is PSI 0.083 but χ² p 9e-47: its drift test warns, with the class that moved (#30 item 3). */
    @Test
    void aLabelMoveThatPsiMissesWarnsByItsDriftTest() {
        ColumnComparison label = Columns.categorical("late", List.of("0", "1"), new long[] {6950, 3050}, new long[] {5560, 4440}).psi(0.083)
            .drifted("chi_square", 9e-47, 0.05).build();
        Comparison c = Columns.comparison(10000, 10000, List.of(), Optional.of(label), Optional.empty(), Optional.empty(), Columns.emptySchema());
        Finding f = new ModelColumnPsiCheck(ModelColumnPsiCheck.Target.LABEL, 0.1, 0.25).evaluate(c).get(0);
        assertEquals(Status.WARN, f.status());
        assertNull(f.retrainReason(), "PSI decides a retrain; the drift test makes it seen");
        assertTrue(f.message().startsWith("label PSI 0.083 below 0.1, but its drift test detects a change: χ² 9.00e-47"), f.message());
        assertTrue(f.message().endsWith("1: 30.5 % → 44.4 %"), f.message());
    }

    @Test
    void labelDriftIsARetrainReasonOnlyAboveFail() {
        ColumnComparison label = Columns.categorical("y", List.of("0", "1"), new long[] {500, 500}, new long[] {100, 900}).psi(0.84)
            .unseen().build();
        Comparison c = Columns.comparison(1000, 1000, List.of(), Optional.of(label), Optional.empty(), Optional.empty(), Columns.emptySchema());
        Finding f = new ModelColumnPsiCheck(ModelColumnPsiCheck.Target.LABEL, 0.1, 0.25).evaluate(c).get(0);
        assertEquals(Status.FAIL, f.status());
        assertEquals(RetrainReason.LABEL_DRIFT, f.retrainReason());
        Finding warn = new ModelColumnPsiCheck(ModelColumnPsiCheck.Target.LABEL, 0.1, 0.9).evaluate(c).get(0);
        assertEquals(Status.WARN, warn.status());
        assertNull(warn.retrainReason());
        assertTrue(new ModelColumnPsiCheck(ModelColumnPsiCheck.Target.LABEL, 0.1, 0.25).evaluate(Columns.comparison(List.of())).isEmpty());
    }

    @Test
    void identicalRowsWarnByDefaultAndFailWhenConfigured() {
        Comparison c = Columns.comparison(1000, 1000, List.of(), Optional.empty(), Optional.empty(),
            Optional.of(new IdenticalRows(List.of("a", "b"), 12, 10)), Columns.emptySchema());
        assertEquals(Status.WARN, new IdenticalRowsCheck(0, false).evaluate(c).get(0).status());
        assertEquals(Status.FAIL, new IdenticalRowsCheck(0, true).evaluate(c).get(0).status());
        assertEquals(Status.OK, new IdenticalRowsCheck(12, true).evaluate(c).get(0).status());
    }

    @Test
    void schemaFailsForComparedColumnsAndWarnsForOthersAndUnseenCategories() {
        ColumnPlan.SchemaDifference diff = new ColumnPlan.SchemaDifference(List.of("a", "extra"), List.of("new"),
            Map.of("b", new String[] {"int", "string"}));
        ColumnComparison cat = Columns.categorical("b", List.of("x"), new long[] {5}, new long[] {5}).unseen("z").build();
        Comparison c = Columns.comparison(100, 100, List.of(Columns.numerical("a").build(), cat), Optional.empty(), Optional.empty(),
            Optional.empty(), diff);
        List<Finding> fs = new SchemaCheck(false).evaluate(c);
        assertEquals(Status.FAIL, fs.stream().filter(f -> "a".equals(f.column())).findFirst().orElseThrow().status());
        assertEquals(Status.WARN, only(fs, "extra").status());
        assertEquals(Status.WARN, only(fs, "new").status(), "allow_new_columns: false warns of new columns");
        assertEquals(2, fs.stream().filter(f -> "b".equals(f.column())).count(), "type change and an unseen category");
        List<Finding> calm = new SchemaCheck(true).evaluate(Columns.comparison(List.of(Columns.numerical("a").build())));
        assertEquals(List.of("schema unchanged"), calm.stream().map(Finding::message).toList());
    }

    @Test
    void volumeFailsOutsideItsRatios() {
        Comparison half = Columns.comparison(1000, 400, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Columns.emptySchema());
        Finding low = new VolumeCheck(0.5, 2.0).evaluate(half).get(0);
        assertEquals(Status.FAIL, low.status());
        assertEquals(0.4, low.value(), 1e-12);
        assertEquals(0.5, low.threshold());
        assertNotNull(low.advice());
        Comparison triple = Columns.comparison(1000, 3000, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Columns.emptySchema());
        assertEquals(2.0, new VolumeCheck(0.5, 2.0).evaluate(triple).get(0).threshold());
        Comparison same = Columns.comparison(1000, 1100, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Columns.emptySchema());
        assertEquals(Status.OK, new VolumeCheck(0.5, 2.0).evaluate(same).get(0).status());
    }

    @Test
    void meanShiftIsTheStandardisedMeanDifference() {
        Comparison c = Columns.comparison(List.of(Columns.numerical("a").means(10, 2, 11, 2).build(),
            Columns.numerical("b").means(10, 2, 10.2, 5).build(), Columns.numerical("flat").means(3, 0, 4, 0).build()));
        List<Finding> fs = new MeanShiftCheck(0.2).evaluate(c);
        assertEquals(0.5, only(fs, "a").value(), 1e-12, "|11 - 10| / 2");
        assertEquals(Status.WARN, only(fs, "a").status());
        assertEquals(0.1, only(fs, "b").value(), 1e-12, "the reference's std, not the current's");
        assertEquals(Status.OK, only(fs, "b").status());
        assertTrue(fs.stream().noneMatch(f -> "flat".equals(f.column())), "no std, no effect size");
    }
}
