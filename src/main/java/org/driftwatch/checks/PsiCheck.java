package org.driftwatch.checks;

import java.util.ArrayList;
import java.util.List;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.Comparison;
import org.driftwatch.rules.RuleSection;

/**
 * PSI per feature: warn above {@code warn} (0.1), fail above {@code fail} (0.25) — retraining
 * territory, so a fail is a {@link RetrainReason#PSI_FAIL}. (The bins are {@code compare.psi_bins};
 * {@code bins} here is the deprecated old place, read by the comparison.)
 */
public final class PsiCheck implements Check {
    private final double warn;
    private final double fail;

    public PsiCheck(double warn, double fail) {
        this.warn = warn;
        this.fail = fail;
    }

    public static PsiCheck fromRules(RuleSection s) {
        s.allowOnly(List.of("bins", "warn", "fail"));
        double warn = s.number("warn", 0.1, 0, 100);
        double fail = s.number("fail", 0.25, 0, 100);
        if (warn > fail) {
            throw s.error("warn", "checks.psi.warn (" + warn + ") must not exceed checks.psi.fail (" + fail + ")");
        }
        return new PsiCheck(warn, fail);
    }

    public double fail() {
        return fail;
    }

    @Override
    public DriftKind evidence() {
        return DriftKind.DATA;
    }

    @Override
    public String name() {
        return "psi";
    }

    @Override
    public java.util.Map<String, Double> thresholds() {
        return java.util.Map.of("psi.warn", warn, "psi.fail", fail);
    }

    @Override
    public List<Finding> evaluate(Comparison comparison) {
        List<Finding> out = new ArrayList<>();
        for (ColumnComparison c : comparison.columns().values()) {
            if (c.psi() == null) {
                continue;
            }
            double psi = c.psi();
            if (psi > fail) {
                out.add(new Finding(name(), c.name(), Status.FAIL, psi, fail,
                    String.format("PSI %.4f > %.2f: significant shift, retraining recommended", psi, fail))
                    .because(RetrainReason.PSI_FAIL));
            } else if (psi > warn) {
                out.add(new Finding(name(), c.name(), Status.WARN, psi, warn,
                    String.format("PSI %.4f > %.2f: moderate shift", psi, warn)));
            } else {
                out.add(new Finding(name(), c.name(), Status.OK, psi, warn, String.format("PSI %.4f: no significant change", psi)));
            }
        }
        return out;
    }
}
