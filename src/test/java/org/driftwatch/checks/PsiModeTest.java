package org.driftwatch.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.driftwatch.compare.Columns;
import org.driftwatch.compare.Comparison;
import org.junit.jupiter.api.Test;

/**
 * checks.psi.mode on hand-built columns of 10 bins: with 200 values a side PSI 0.26 is noise (no-drift 99 %:
 * chi2.ppf(0.99, 9) · (1/200 + 1/200) = 0.2167 — so it is "significant" but barely), with 20,000 a side PSI
 * 0.05 is a real but small shift (99 %: 0.0022).
 */
class PsiModeTest {
    static final double[] EDGES = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    private static Comparison column(String name, long perSide, long[] cur, double psi) {
        long[] ref = new long[10];
        java.util.Arrays.fill(ref, perSide / 10);
        return Columns.comparison(List.of(Columns.numerical(name).bins(EDGES, ref, cur).counts(perSide, perSide, perSide, perSide)
            .psi(psi).build()));
    }

    private static Status status(PsiCheck.Mode mode, Comparison c) {
        return new PsiCheck(0.1, 0.25, mode).evaluate(c).get(0).status();
    }

    @Test
    void fixedSignificantAndBothJudgeDifferently() {
        Comparison small = column("small", 200, new long[] {20, 20, 20, 20, 20, 20, 20, 20, 20, 20}, 0.18);   // warn-sized
        Comparison large = column("large", 20_000, new long[] {2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000}, 0.05);
        Comparison both = column("both", 20_000, new long[] {2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000}, 0.3);
        Comparison noisy = column("noisy", 200, new long[] {20, 20, 20, 20, 20, 20, 20, 20, 20, 20}, 0.2);

        assertEquals(Status.WARN, status(PsiCheck.Mode.FIXED, small));
        assertEquals(Status.WARN, status(PsiCheck.Mode.SIGNIFICANT, small), "0.18 is above the 95% (0.1692) but not the 99% (0.2166)");
        assertEquals(Status.WARN, status(PsiCheck.Mode.BOTH, small));

        assertEquals(Status.OK, status(PsiCheck.Mode.FIXED, large), "0.05 is under the folklore 0.1");
        assertEquals(Status.FAIL, status(PsiCheck.Mode.SIGNIFICANT, large), "but far beyond the noise of 20,000 values");
        assertEquals(Status.OK, status(PsiCheck.Mode.BOTH, large), "both: large and real, and it is not large");

        assertEquals(Status.FAIL, status(PsiCheck.Mode.BOTH, both));
        assertEquals(RetrainReason.PSI_FAIL, new PsiCheck(0.1, 0.25, PsiCheck.Mode.BOTH).evaluate(both).get(0).retrainReason());

        assertEquals(Status.WARN, status(PsiCheck.Mode.FIXED, noisy));
        Finding f = new PsiCheck(0.1, 0.25, PsiCheck.Mode.BOTH).evaluate(column("noise", 200,
            new long[] {20, 20, 20, 20, 20, 20, 20, 20, 20, 20}, 0.12)).get(0);
        assertEquals(Status.OK, f.status(), "0.12 with 200 values a side is within the noise (95%: 0.1692)");
        assertEquals("PSI 0.120: within the noise of these sample sizes (no-drift 99%: 0.217)", f.message());
    }
}
