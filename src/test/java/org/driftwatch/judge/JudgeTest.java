package org.driftwatch.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.driftwatch.checks.Finding;
import org.driftwatch.checks.RetrainReason;
import org.driftwatch.checks.Status;
import org.driftwatch.compare.Columns;
import org.driftwatch.compare.Comparison;
import org.junit.jupiter.api.Test;

/** The judge on hand-made findings: verdicts, reasons and words, without Spark. */
class JudgeTest {
    private static final Comparison FOUR = Columns.comparison(List.of(Columns.numerical("a").drifted("wasserstein", 0.3, 0.1).build(),
        Columns.numerical("b").drifted("wasserstein", 0.2, 0.1).build(), Columns.numerical("c").build(), Columns.numerical("d").build()));

    private static Finding psiFail(String column, double psi) {
        return new Finding("psi", column, Status.FAIL, psi, 0.25, "PSI high").because(RetrainReason.PSI_FAIL);
    }

    private static Finding labelDrift(double psi) {
        return new Finding("label_distribution", "y", Status.FAIL, psi, 0.25, "label PSI").because(RetrainReason.LABEL_DRIFT);
    }

    @Test
    void psiFailsRetrainWithTheirColumns() {
        Judgement j = new Judge(RetrainPolicy.defaults()).judge(FOUR, List.of(psiFail("a", 0.4), psiFail("b", 0.3)));
        assertEquals(Verdict.RETRAIN, j.decision().verdict());
        assertEquals(List.of("a", "b"), j.decision().retrainColumns());
        assertEquals(List.of("psi_fail", "psi_fail"), j.decision().reasons().stream().map(Decision.Reason::kind).toList());
        assertEquals(Status.FAIL, j.status());
        assertEquals(Outcome.RETRAIN, j.outcome());
        assertEquals("RETRAIN", j.explanation().banner(), "the banner says the outcome's word");
        // what changed in people's terms, not "PSI above 0.25 in 2 of 4 columns" (#30 item 6)
        assertEquals("a mean 0 → 0, PSI 0.010; b mean 0 → 0, PSI 0.010 (2 of 4 columns drifted)", j.explanation().headline());
        assertTrue(j.explanation().nextSteps().get(0).startsWith("Retrain the model: PSI 0.400 > 0.25 in a"), j.explanation().nextSteps().toString());
    }

    @Test
    void minColumnsHoldsBackASinglePsiFail() {
        Judgement j = new Judge(new RetrainPolicy(EnumSet.of(RetrainReason.PSI_FAIL), 2)).judge(FOUR, List.of(psiFail("a", 0.4)));
        assertEquals(Verdict.ALERT, j.decision().verdict());
        assertEquals(List.of(), j.decision().retrainColumns());
        assertEquals("psi", j.decision().reasons().get(0).kind(), "an alert reason names the finding's check");
    }

    @Test
    void theHeadlineNamesTheLabelWhenLabelDriftIsTheOnlyReason() {
        Judgement j = new Judge(RetrainPolicy.defaults()).judge(FOUR, List.of(labelDrift(0.84)));
        assertEquals(Verdict.RETRAIN, j.decision().verdict());
        assertEquals("a mean 0 → 0, PSI 0.010; b mean 0 → 0, PSI 0.010; y: label PSI (2 of 4 columns drifted)", j.explanation().headline());
        assertEquals(List.of("y"), j.decision().retrainColumns());
        assertEquals(List.of("a", "b"), j.explanation().drifted());
    }

    @Test
    void datasetDriftCountsOnlyWhenTheRulesListIt() {
        Finding dataset = new Finding("drift", null, Status.WARN, 0.5, 0.5, "50% drifted").because(RetrainReason.DATASET_DRIFT);
        assertEquals(Verdict.ALERT, new Judge(RetrainPolicy.defaults()).judge(FOUR, List.of(dataset)).decision().verdict());
        Judgement j = new Judge(new RetrainPolicy(EnumSet.of(RetrainReason.DATASET_DRIFT), 1)).judge(FOUR, List.of(dataset));
        assertEquals(Verdict.RETRAIN, j.decision().verdict());
        assertEquals(List.of(), j.decision().retrainColumns());
        assertEquals(Status.WARN, j.status());
        assertEquals("dataset drift: 50% of columns drifted; a mean 0 → 0, PSI 0.010; b mean 0 → 0, PSI 0.010 (2 of 4 columns drifted)",
            j.explanation().headline());
    }

    @Test
    void qualityFailuresAlertWithTheirAdviceAndNameTheFailedChecks() {
        Finding leak = new Finding("leakage", "user", Status.FAIL, 3.0, 0.0, "3 ids leaked").advising("Remove leaked ids");
        Finding warn = new Finding("ks", "c", Status.WARN, 0.01, 0.05, "KS p small");
        Judgement j = new Judge(RetrainPolicy.defaults()).judge(FOUR, List.of(leak, warn));
        assertEquals(Verdict.ALERT, j.decision().verdict());
        assertEquals(2, j.decision().reasons().size());
        assertEquals(Outcome.ALERT, j.outcome(), "a failure that is no retrain reason is an alert, not a 'data quality failure'");
        assertEquals("ALERT", j.explanation().banner());
        // the failure in its own words, no check name as jargon (#30 item 6)
        assertEquals("a mean 0 → 0, PSI 0.010; b mean 0 → 0, PSI 0.010; user: 3 ids leaked (2 of 4 columns drifted)", j.explanation().headline());
        assertEquals(List.of("Remove leaked ids."), j.explanation().nextSteps(), "the headline said the leak: said once");
    }

    @Test
    void warningsOnlyAndNothingAtAll() {
        Judgement warn = new Judge(RetrainPolicy.defaults()).judge(FOUR, List.of(new Finding("ks", "c", Status.WARN, 0.01, 0.05, "p")));
        assertEquals(Outcome.WARN, warn.outcome());
        assertTrue(warn.explanation().nextSteps().get(0).startsWith("No action needed yet"));
        Judgement ok = new Judge(RetrainPolicy.defaults()).judge(Columns.comparison(List.of(Columns.numerical("c").build())),
            List.of(new Finding("psi", "c", Status.OK, 0.01, 0.1, "fine")));
        assertEquals(Verdict.OK, ok.decision().verdict());
        assertEquals(Status.OK, ok.status());
        assertEquals("OK", ok.explanation().banner());
        assertEquals("nothing changed (0 of 1 column drifted)", ok.explanation().headline());
        assertEquals(Outcome.OK, ok.outcome());
        assertFalse(ok.decision().retrain());
    }

    /** A cooldown that ends after the last four-digit year is said so, not as "+10000-01-06" (#31 item 13). */
    @Test
    void aCooldownPastYear9999IsSaidInWords() {
        RetrainPolicy policy = new RetrainPolicy(EnumSet.of(RetrainReason.PSI_FAIL), 1, 1, 30);
        PastNights past = new PastNights(List.of(new PastNights.Night(java.time.LocalDate.parse("9999-12-20"), true, true)));
        Judgement j = new Judge(policy).judge(FOUR, List.of(psiFail("a", 0.4)), past, java.time.LocalDate.parse("9999-12-31"));
        String why = j.decision().reasons().get(0).message();
        assertEquals("retrain reasons hold, but retraining is in cooldown beyond 9999-12-31 (last retrain 9999-12-20, cooldown_days 30)", why);
    }

    /** A night the history could not read ends a breaching run: the streak restarts after it, and the words say what was read. */
    @Test
    void anUnreadableNightEndsABreachingRun() {
        RetrainPolicy policy = new RetrainPolicy(EnumSet.of(RetrainReason.PSI_FAIL), 1, 3, 0);
        java.time.LocalDate d = java.time.LocalDate.parse("2026-11-01");
        PastNights past = new PastNights(List.of(new PastNights.Night(d, true, false), new PastNights.Night(d.plusDays(2), true, false)),
            List.of(d.plusDays(1)));
        Judgement j = new Judge(policy).judge(FOUR, List.of(psiFail("a", 0.4)), past, d.plusDays(3));
        assertEquals(Verdict.ALERT, j.decision().verdict(), "2 of 3 known in a row, not 4");
        assertEquals("retrain reasons hold for the 2nd of 3 required nights in a row (2 of 3 earlier nights could be read from the history;"
            + " unreadable: 2026-11-02)", j.decision().reasons().get(0).message());
    }

    /** consecutive: 3 without a cooldown retrains once per streak; a night without a breach starts a new count (#30 item 2). */
    @Test
    void aRetrainStartsANewCount() {
        RetrainPolicy policy = new RetrainPolicy(EnumSet.of(RetrainReason.PSI_FAIL), 1, 3, 0);
        java.time.LocalDate first = java.time.LocalDate.parse("2026-11-01");
        List<PastNights.Night> nights = new java.util.ArrayList<>();
        List<String> verdicts = new java.util.ArrayList<>();
        for (int d = 0; d < 10; d++) {
            java.time.LocalDate tonight = first.plusDays(d);
            boolean breaching = d != 6;   // night 7 is calm: a new streak starts after it
            Judgement j = new Judge(policy).judge(FOUR, breaching ? List.of(psiFail("a", 0.4)) : List.of(), new PastNights(nights), tonight);
            verdicts.add(j.decision().verdict().json());
            nights.add(new PastNights.Night(tonight, j.breached(), j.decision().verdict() == Verdict.RETRAIN));
        }
        assertEquals(List.of("alert", "alert", "retrain", "alert", "alert", "alert", "ok", "alert", "alert", "retrain"), verdicts);
    }

    /** Tonight's data failed an upstream check: no retrain, whatever drifted; the failure first, the reasons held (#30 item 1). */
    @Test
    void neverRetrainOnBrokenData() {
        Finding volume = new Finding("volume", null, Status.FAIL, 0.5, 0.6, "400 current rows, 0.50× the median 800 of the last 7 runs")
            .advising("Check the upstream job that writes the current data").unfit();
        Finding warnOnly = new Finding("nulls", "b", Status.WARN, 0.02, 0.01, "null share rose").unfit();
        Judgement j = new Judge(RetrainPolicy.defaults()).judge(FOUR, List.of(psiFail("a", 0.4), volume, warnOnly));
        assertEquals(Verdict.ALERT, j.decision().verdict());
        assertTrue(j.decision().dataUnfit());
        assertEquals("data_unfit", j.decision().reasons().get(0).kind());
        assertEquals("volume: 400 current rows, 0.50× the median 800 of the last 7 runs", j.decision().reasons().get(0).message());
        assertEquals(1, j.decision().reasons().stream().filter(r -> r.kind().equals("data_unfit")).count(), "a WARN does not hold");
        assertEquals(List.of("psi_fail"), j.decision().held().stream().map(Decision.Reason::kind).toList());
        assertTrue(j.decision().retrainColumns().isEmpty());
        assertFalse(j.breached(), "an unfit night does not count towards a streak");
        assertEquals(Outcome.FIX_DATA, j.outcome());
        assertEquals("FIX DATA", j.explanation().banner());
        assertEquals(List.of("volume: 400 current rows, 0.50× the median 800 of the last 7 runs"), j.explanation().changes(),
            "the subject says the data failure, not the drift it holds");
        assertTrue(j.explanation().nextSteps().get(0).startsWith("Fix the data first: volume: 400 current rows"), j.explanation().nextSteps().toString());
        assertFalse(j.explanation().nextSteps().stream().anyMatch(s -> s.startsWith("Retrain")), j.explanation().nextSteps().toString());
        assertTrue(j.explanation().headline().endsWith("retrain held until the data is good"), j.explanation().headline());

        Judgement fine = new Judge(RetrainPolicy.defaults()).judge(FOUR, List.of(psiFail("a", 0.4), warnOnly));
        assertEquals(Verdict.RETRAIN, fine.decision().verdict(), "a warning alone does not hold a retrain");
    }
}
