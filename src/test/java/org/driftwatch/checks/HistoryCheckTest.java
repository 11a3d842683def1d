package org.driftwatch.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.driftwatch.compare.Columns;
import org.driftwatch.compare.Comparison;
import org.driftwatch.compare.EarlierRuns;
import org.junit.jupiter.api.Test;

/** Checks against the monitor's own past, on hand-built comparisons and histories (no Spark). */
class HistoryCheckTest {
    /** Earlier runs with these PSIs of column x and these current row counts. */
    private static EarlierRuns runs(double[] psi, long[] rows) {
        List<EarlierRuns.Value> v = new ArrayList<>();
        for (int i = 0; i < psi.length; i++) {
            String d = String.format("2026-10-%02d", i + 1);
            v.add(new EarlierRuns.Value(d, "x", "psi", psi[i], null));
            v.add(new EarlierRuns.Value(d, EarlierRuns.RUN, "rows_current", (double) rows[i], null));
        }
        return new EarlierRuns(v);
    }

    private static Comparison tonight(double psi, long rows, EarlierRuns earlier) {
        return Columns.comparison(10_000, rows, List.of(Columns.numerical("x").psi(psi).build()), Optional.empty(), Optional.empty(),
            Optional.empty(), Columns.emptySchema()).withEarlier(earlier);
    }

    private static final double[] PSI = {0.02, 0.03, 0.025, 0.02, 0.035, 0.03, 0.025, 0.02};
    private static final long[] ROWS = {1000, 1010, 990, 1005, 995, 1000, 1002, 998};

    @Test
    void learnsUntilMinRuns() {
        HistoryCheck check = new HistoryCheck(30, 7, 3, 5, List.of("rows", "psi"));
        List<Finding> f = check.evaluate(tonight(0.9, 10, runs(new double[] {0.02, 0.03}, new long[] {1000, 1000})));
        assertEquals(1, f.size());
        assertEquals(Status.OK, f.get(0).status());
        assertEquals("learning: 2 of the 7 earlier runs this check needs are in the history", f.get(0).message());
    }

    @Test
    void warnsOutsideSigmaAndFailsOutsideFailSigma() {
        HistoryCheck check = new HistoryCheck(30, 7, 3, 5, List.of("psi"));
        // mean 0.025625, sample std 0.005630 (numpy: np.std(PSI, ddof=1))
        Finding calm = check.evaluate(tonight(0.03, 1000, runs(PSI, ROWS))).get(0);
        assertEquals(Status.OK, calm.status());
        Finding warn = check.evaluate(tonight(0.045, 1000, runs(PSI, ROWS))).get(0);
        assertEquals(Status.WARN, warn.status(), warn.message());
        assertEquals(0.025625 + 3 * 0.0056299, warn.threshold(), 1e-6, "the bound crossed");
        assertTrue(warn.message().startsWith("psi 0.04500 is above its last 8 runs' band 0.008735 to 0.04251 (3σ; 3.4σ from their mean"
            + " 0.02563 ± 0.005630)"), warn.message());
        Finding fail = check.evaluate(tonight(0.30, 1000, runs(PSI, ROWS))).get(0);
        assertEquals(Status.FAIL, fail.status());
        assertEquals(DriftKind.DATA, check.findings(tonight(0.30, 1000, runs(PSI, ROWS))).get(0).kind());
        assertNull(fail.retrainReason(), "an alert, never a retrain reason by itself");
    }

    @Test
    void aConstantRowCountStillHasABand() {
        long[] same = new long[8];
        java.util.Arrays.fill(same, 1000);
        HistoryCheck check = new HistoryCheck(30, 7, 3, 5, List.of("rows"));
        assertEquals(Status.OK, check.evaluate(tonight(0.02, 1002, runs(PSI, same))).get(0).status(), "0.2 % is inside 3 thousandths");
        Finding half = check.findings(tonight(0.02, 500, runs(PSI, same))).get(0);
        assertEquals(Status.FAIL, half.status());
        assertEquals(DriftKind.UPSTREAM, half.kind());
        assertNull(half.column());
    }

    /** A PSI never goes below zero, so neither does its band: "band 0 to 0.58", not "-0.40 to 0.58" (#30 item 8). */
    @Test
    void theBandOfANonNegativeMetricStopsAtZero() {
        double[] spiky = {0.01, 0.01, 0.02, 0.01, 0.45, 0.01, 0.02, 0.01, 0.30};   // mean 0.093, std 0.163: mean − 3σ is −0.40
        HistoryCheck check = new HistoryCheck(30, 7, 3, 5, List.of("psi", "rows"));
        long[] rows = {800, 800, 800, 800, 800, 800, 800, 800, 800};
        List<Finding> f = check.evaluate(tonight(0.70, 400, runs(spiky, rows)));
        Finding psi = f.stream().filter(x -> "x".equals(x.column())).findFirst().orElseThrow();
        assertTrue(psi.message().contains(" is above its last 9 runs' band 0 to "), psi.message());
        Finding volume = f.stream().filter(x -> x.column() == null).findFirst().orElseThrow();
        assertTrue(volume.message().startsWith("rows 400 is below its last 9 runs' band 797.6 to 802.4 ("), "counts read as counts: " + volume.message());
        assertEquals(Status.FAIL, volume.status());
        assertTrue(volume.threshold() >= 0, "the bound crossed is no negative row count");
    }

    @Test
    void theWindowIsTheLastRuns() {
        double[] psi = {0.5, 0.5, 0.5, 0.02, 0.03, 0.025, 0.02, 0.035, 0.03, 0.025, 0.02};
        long[] rows = new long[psi.length];
        java.util.Arrays.fill(rows, 1000);
        assertEquals(Status.WARN, new HistoryCheck(8, 7, 3, 5, List.of("psi")).evaluate(tonight(0.045, 1000, runs(psi, rows))).get(0).status(),
            "the three old nights at 0.5 are outside a window of 8");
    }

    @Test
    void volumeAgainstTheMedianOfTheHistory() {
        VolumeCheck v = VolumeCheck.fromRules(org.driftwatch.rules.RuleSection.absent("r.yaml", "checks.volume"), false, true);
        assertEquals(List.of(), v.evaluate(tonight(0.02, 1000, EarlierRuns.NONE)).stream().filter(f -> !f.ok()).toList());
        assertTrue(v.evaluate(tonight(0.02, 1000, EarlierRuns.NONE)).get(0).message().contains("still learning (0 of 7 runs)"));
        Finding half = v.evaluate(tonight(0.02, 500, runs(PSI, ROWS))).get(0);
        assertEquals(Status.FAIL, half.status());
        assertEquals(0.5, half.value(), 1e-12, "against the median 1000 of the 8 runs (np.median)");
        assertEquals(0.6, half.threshold());
        assertEquals(Status.FAIL, v.evaluate(tonight(0.02, 2500, runs(PSI, ROWS))).get(0).status(), "twice the usual");
        assertEquals(Status.OK, v.evaluate(tonight(0.02, 900, runs(PSI, ROWS))).get(0).status());
        assertEquals(1, v.evaluate(tonight(0.02, 100, runs(PSI, ROWS))).size(), "unconfigured: no reference ratio");
    }
}
