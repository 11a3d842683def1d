package org.driftwatch.checks;

import java.util.ArrayList;
import java.util.List;
import org.driftwatch.rules.RuleSection;

/** PSI per column: warn above {@code warn} (0.1), fail above {@code fail} (0.25) — retraining territory. */
public final class PsiCheck implements Check {
    private final int bins;
    private final double warn;
    private final double fail;

    public PsiCheck(int bins, double warn, double fail) {
        this.bins = bins;
        this.warn = warn;
        this.fail = fail;
    }

    public static PsiCheck fromRules(RuleSection s) {
        s.allowOnly(List.of("bins", "warn", "fail"));
        int bins = s.integer("bins", ProfileNeeds.DEFAULT_BINS, 2, 1000);
        double warn = s.number("warn", 0.1, 0, 100);
        double fail = s.number("fail", 0.25, 0, 100);
        if (warn > fail) {
            throw s.error("warn", "checks.psi.warn (" + warn + ") must not exceed checks.psi.fail (" + fail + ")");
        }
        return new PsiCheck(bins, warn, fail);
    }

    public double fail() {
        return fail;
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
    public void require(ProfileNeeds needs) {
        needs.psiBins(bins);
    }

    @Override
    public List<CheckResult> evaluate(Comparison comparison) {
        List<CheckResult> out = new ArrayList<>();
        for (ColumnComparison c : comparison.columns().values()) {
            if (c.psi() == null) {
                continue;
            }
            double psi = c.psi();
            if (psi > fail) {
                out.add(new CheckResult(name(), c.name(), Status.FAIL, psi, fail,
                    String.format("PSI %.4f > %.2f: significant shift, retraining recommended", psi, fail)));
            } else if (psi > warn) {
                out.add(new CheckResult(name(), c.name(), Status.WARN, psi, warn,
                    String.format("PSI %.4f > %.2f: moderate shift", psi, warn)));
            } else {
                out.add(new CheckResult(name(), c.name(), Status.OK, psi, warn, String.format("PSI %.4f: no significant change", psi)));
            }
        }
        return out;
    }
}
