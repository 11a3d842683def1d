package org.driftwatch.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultipleTestingCorrectionTest {
    // p-values of six KS tests at α 0.05, and one distance test that is not adjusted
    static Map<String, ColumnComparison> columns() {
        double[] p = {0.01, 0.04, 0.03, 0.2, 0.5, 0.001};
        Map<String, ColumnComparison> out = new LinkedHashMap<>();
        for (int i = 0; i < p.length; i++) {
            out.put("c" + i, Columns.numerical("c" + i).drifted("ks", p[i], 0.05).build()
                .withDrift(new ColumnComparison.DriftResult("ks", p[i], 0.05, p[i] <= 0.05, null)));
        }
        out.put("w", Columns.numerical("w").drifted("wasserstein", 0.3, 0.1).build());
        return out;
    }

    @Test
    void adjustedPValuesAreReportedAndDecideOnlyWhenAsked() {
        Map<String, ColumnComparison> none = MultipleTestingCorrection.apply(columns(), "none");
        assertEquals(0.06, none.get("c1").drift().pValueAdjusted(), 1e-15);   // scipy false_discovery_control
        assertTrue(none.get("c1").drift().detected(), "none: the raw p decides");
        assertNull(none.get("w").drift().pValueAdjusted());

        Map<String, ColumnComparison> bh = MultipleTestingCorrection.apply(columns(), "bh");
        assertFalse(bh.get("c1").drift().detected(), "BH-adjusted 0.06 > 0.05");
        assertTrue(bh.get("c0").drift().detected() && bh.get("c5").drift().detected());
        assertTrue(bh.get("c1").drift().note().contains("Benjamini–Hochberg-adjusted p 0.0600 (raw p 0.0400, 6 tests)"));

        Map<String, ColumnComparison> bonferroni = MultipleTestingCorrection.apply(columns(), "bonferroni");
        assertFalse(bonferroni.get("c0").drift().detected(), "0.01 × 6 = 0.06");
        assertTrue(bonferroni.get("c5").drift().detected());
        assertTrue(bonferroni.get("w").drift().detected(), "distances are not p-values");
    }
}
