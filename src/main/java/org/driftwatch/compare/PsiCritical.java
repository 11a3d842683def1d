package org.driftwatch.compare;

import java.util.LinkedHashMap;
import java.util.Map;
import org.driftwatch.stats.PsiNoise;

/**
 * The PSI that no-drift data would exceed with probability 5 % and 1 % at this column's sample sizes and
 * bins, and the PSI's p-value under that approximation ({@link PsiNoise}): how much of tonight's PSI is
 * noise. Bins empty on both sides do not count; null with fewer than two bins.
 */
public final class PsiCritical implements ColumnMetric {
    public static final String NAME = "psi_critical";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean appliesTo(ColumnComparison column) {
        return column.psi() != null;
    }

    @Override
    public MetricValue compute(ColumnComparison c) {
        long[] r;
        long[] k;
        if (c.numerical() && c.bins() != null) {
            r = c.bins().reference();
            k = c.bins().current();
        } else if (c.categories() != null) {
            r = c.categories().reference();
            k = c.categories().current();
        } else {
            return null;
        }
        int bins = 0;
        long n = 0;
        long m = 0;
        for (int i = 0; i < r.length; i++) {
            bins += r[i] + k[i] > 0 ? 1 : 0;
            n += r[i];
            m += k[i];
        }
        if (bins < 2 || n == 0 || m == 0) {
            return null;
        }
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("p95", PsiNoise.critical(0.95, bins, n, m));
        f.put("p99", PsiNoise.critical(0.99, bins, n, m));
        f.put("p_value", PsiNoise.pValue(c.psi(), bins, n, m));
        return new MetricValue(f, String.format("PSI noise: p95 %.3f, p99 %.3f; p %s", f.get("p95"),
            f.get("p99"), f.get("p_value") < 1e-4 ? String.format("%.1e", f.get("p_value")) : String.format("%.4f", f.get("p_value"))));
    }
}
