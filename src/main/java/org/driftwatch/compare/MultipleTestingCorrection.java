package org.driftwatch.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.driftwatch.stats.MultipleTesting;

/**
 * With many features tested at α, some drift by chance alone (200 columns at 0.05: about 10 a night).
 * Every feature whose drift test is a p-value test (KS, chi-square) gets its p-value adjusted across the
 * run's columns — Benjamini–Hochberg always, reported beside the raw p — and with {@code compare.correction}
 * {@code bh} or {@code bonferroni} the adjusted p decides drift; with {@code none} (the default) the raw p does.
 */
final class MultipleTestingCorrection {
    private MultipleTestingCorrection() {
    }

    /** @param columns the tests by a unique key (a whole column's name; a segment column's own key) */
    static Map<String, ColumnComparison> apply(Map<String, ColumnComparison> columns, String correction) {
        List<String> tested = new ArrayList<>();
        for (Map.Entry<String, ColumnComparison> e : columns.entrySet()) {
            if (pValueTest(e.getValue())) {
                tested.add(e.getKey());
            }
        }
        if (tested.isEmpty()) {
            return columns;
        }
        double[] p = tested.stream().mapToDouble(n -> columns.get(n).drift().score()).toArray();
        double[] bh = MultipleTesting.benjaminiHochberg(p);
        double[] deciding = correction.equals("bonferroni") ? MultipleTesting.bonferroni(p) : bh;
        Map<String, ColumnComparison> out = new LinkedHashMap<>(columns);
        for (int i = 0; i < tested.size(); i++) {
            ColumnComparison c = columns.get(tested.get(i));
            ColumnComparison.DriftResult d = c.drift();
            boolean detected = d.detected();
            String note = d.note();
            if (!correction.equals("none")) {
                DriftTest test = DriftTest.byKey(d.test());
                detected = test.direction().detects(deciding[i], d.threshold());
                note = (note == null ? "" : note + "; ") + String.format("decided on the %s-adjusted p %s (raw p %s, %d tests)",
                    correction.equals("bh") ? "Benjamini–Hochberg" : "Bonferroni", p(deciding[i]), p(p[i]), p.length);
            }
            out.put(tested.get(i), c.withDrift(new ColumnComparison.DriftResult(d.test(), d.score(), d.threshold(), detected, note,
                correction.equals("bonferroni") ? deciding[i] : bh[i])));
        }
        return out;
    }

    private static boolean pValueTest(ColumnComparison c) {
        ColumnComparison.DriftResult d = c.drift();
        if (d == null || d.score() == null) {
            return false;
        }
        DriftTest test = DriftTest.byKey(d.test());
        return test != null && test.direction() != DriftTest.Direction.DISTANCE;
    }

    private static String p(double v) {
        return v < 1e-4 ? String.format("%.1e", v) : String.format("%.4f", v);
    }
}
