package org.driftwatch.checks;

import java.util.List;
import java.util.Map;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.Comparison;
import org.driftwatch.rules.RuleSection;

/**
 * Drift of the model's output — its score, numeric prediction or predicted classes — by PSI: warn above
 * {@code psi_warn}, fail above {@code psi_fail}. The earliest warning while labels are late; not a
 * retrain reason by itself.
 */
public final class PredictionDriftCheck implements Check {
    private final double psiWarn;
    private final double psiFail;

    public PredictionDriftCheck(double psiWarn, double psiFail) {
        this.psiWarn = psiWarn;
        this.psiFail = psiFail;
    }

    public static PredictionDriftCheck fromRules(RuleSection s) {
        s.allowOnly(List.of("psi_warn", "psi_fail"));
        double warn = s.number("psi_warn", 0.1, 0, 100);
        double fail = s.number("psi_fail", 0.25, 0, 100);
        if (warn > fail) {
            throw s.error("psi_warn", "checks.prediction_drift.psi_warn must not exceed psi_fail");
        }
        return new PredictionDriftCheck(warn, fail);
    }

    @Override
    public DriftKind evidence() {
        return DriftKind.PREDICTION;
    }

    @Override
    public String name() {
        return "prediction_drift";
    }

    @Override
    public Map<String, Double> thresholds() {
        return Map.of("prediction_drift.psi_warn", psiWarn, "prediction_drift.psi_fail", psiFail);
    }

    @Override
    public List<Finding> evaluate(Comparison comparison) {
        if (comparison.performance().isEmpty()) {
            return List.of();
        }
        ColumnComparison c = comparison.performance().get().predictionDrift();
        if (c.psi() == null) {
            return List.of(new Finding(name(), c.name(), Status.WARN, null, psiFail, c.drift() == null ? "no PSI" : c.drift().note()));
        }
        double psi = c.psi();
        Status status = psi > psiFail ? Status.FAIL : psi > psiWarn ? Status.WARN : Status.OK;
        return List.of(new Finding(name(), c.name(), status, psi, status == Status.FAIL ? psiFail : psiWarn,
            String.format("prediction %s PSI %.4f", c.name(), psi)).showing(DriftKind.PREDICTION));
    }
}
