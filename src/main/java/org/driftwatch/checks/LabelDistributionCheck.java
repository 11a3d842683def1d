package org.driftwatch.checks;

import java.util.List;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.Comparison;
import org.driftwatch.rules.RuleSection;

/**
 * P(Y) drift: PSI of the label's class shares; warn above {@code psi_warn}, fail above {@code psi_fail}
 * (a {@link RetrainReason#LABEL_DRIFT}).
 */
public final class LabelDistributionCheck implements Check {
    private final double psiWarn;
    private final double psiFail;

    public LabelDistributionCheck(double psiWarn, double psiFail) {
        this.psiWarn = psiWarn;
        this.psiFail = psiFail;
    }

    public static LabelDistributionCheck fromRules(RuleSection s) {
        s.allowOnly(List.of("psi_warn", "psi_fail"));
        double warn = s.number("psi_warn", 0.1, 0, 100);
        double fail = s.number("psi_fail", 0.25, 0, 100);
        if (warn > fail) {
            throw s.error("psi_warn", "checks.label_distribution.psi_warn must not exceed psi_fail");
        }
        return new LabelDistributionCheck(warn, fail);
    }

    public double psiFail() {
        return psiFail;
    }

    @Override
    public DriftKind evidence() {
        return DriftKind.LABEL;
    }

    @Override
    public String name() {
        return "label_distribution";
    }

    @Override
    public java.util.Map<String, Double> thresholds() {
        return java.util.Map.of("label_distribution.psi_warn", psiWarn, "label_distribution.psi_fail", psiFail);
    }

    @Override
    public List<Finding> evaluate(Comparison comparison) {
        if (comparison.label().isEmpty()) {
            return List.of();
        }
        ColumnComparison label = comparison.label().get();
        if (label.psi() == null) {
            return List.of(new Finding(name(), label.name(), Status.WARN, null, psiFail, label.drift().note()));
        }
        double psi = label.psi();
        Status status = psi > psiFail ? Status.FAIL : psi > psiWarn ? Status.WARN : Status.OK;
        String unseen = label.unseenCategories().isEmpty() ? "" : "; new classes: " + String.join(", ", label.unseenCategories());
        Finding f = new Finding(name(), label.name(), status, psi, status == Status.FAIL ? psiFail : psiWarn,
            String.format("label PSI %.4f%s", psi, unseen));
        return List.of(status == Status.FAIL ? f.because(RetrainReason.LABEL_DRIFT) : f);
    }
}
