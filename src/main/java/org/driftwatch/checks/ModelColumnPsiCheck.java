package org.driftwatch.checks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.Comparison;
import org.driftwatch.compare.ModelPerformance;
import org.driftwatch.rules.RuleSection;
import org.driftwatch.stats.PopulationStabilityIndex;

/**
 * PSI of one column the model is about, warn above {@code psi_warn}, fail above {@code psi_fail}:
 * <ul>
 * <li>{@link Target#LABEL} ({@code checks.label_distribution}): P(Y) drift of the label's class shares;
 * a fail is a {@link RetrainReason#LABEL_DRIFT};</li>
 * <li>{@link Target#PREDICTION} ({@code checks.prediction_drift}): drift of the model's output — its
 * score, numeric prediction or predicted classes — the earliest warning while labels are late; not a
 * retrain reason by itself.</li>
 * </ul>
 */
public final class ModelColumnPsiCheck implements Check {
    /** Which column, what its drift is evidence of, and whether a fail is a retrain reason. */
    public enum Target {
        LABEL("label_distribution", DriftKind.LABEL, RetrainReason.LABEL_DRIFT, Comparison::label) {
            @Override
            String describe(ColumnComparison c, double psi) {
                String unseen = c.unseenCategories().isEmpty() ? "" : "; new classes: " + String.join(", ", c.unseenCategories());
                return String.format("label PSI %.3f%s", psi, unseen);
            }
        },
        PREDICTION("prediction_drift", DriftKind.PREDICTION, null, c -> c.performance().map(ModelPerformance::predictionDrift)) {
            @Override
            String describe(ColumnComparison c, double psi) {
                return String.format("prediction %s PSI %.3f", c.name(), psi);
            }
        };

        private final String check;
        private final DriftKind kind;
        private final RetrainReason reason;
        private final Function<Comparison, Optional<ColumnComparison>> column;

        Target(String check, DriftKind kind, RetrainReason reason, Function<Comparison, Optional<ColumnComparison>> column) {
            this.check = check;
            this.kind = kind;
            this.reason = reason;
            this.column = column;
        }

        abstract String describe(ColumnComparison c, double psi);
    }

    private final Target target;
    private final double psiWarn;
    private final double psiFail;

    public ModelColumnPsiCheck(Target target, double psiWarn, double psiFail) {
        this.target = target;
        this.psiWarn = psiWarn;
        this.psiFail = psiFail;
    }

    public static ModelColumnPsiCheck fromRules(Target target, RuleSection s) {
        s.allowOnly(List.of("psi_warn", "psi_fail"));
        double warn = s.number("psi_warn", PopulationStabilityIndex.MODERATE, 0, 100);
        double fail = s.number("psi_fail", PopulationStabilityIndex.SIGNIFICANT, 0, 100);
        if (warn > fail) {
            throw s.error("psi_warn", "checks." + target.check + ".psi_warn must not exceed psi_fail");
        }
        return new ModelColumnPsiCheck(target, warn, fail);
    }

    @Override
    public String name() {
        return target.check;
    }

    @Override
    public DriftKind evidence() {
        return target.kind;
    }

    @Override
    public Map<String, Double> thresholds() {
        return Map.of(name() + ".psi_warn", psiWarn, name() + ".psi_fail", psiFail);
    }

    @Override
    public List<Finding> evaluate(Comparison comparison) {
        Optional<ColumnComparison> column = target.column.apply(comparison);
        if (column.isEmpty()) {
            return List.of();
        }
        ColumnComparison c = column.get();
        if (c.psi() == null) {
            return List.of(new Finding(name(), c.name(), Status.WARN, null, psiFail, c.drift() == null ? "no PSI" : c.drift().note()));
        }
        double psi = c.psi();
        Status status = psi > psiFail ? Status.FAIL : psi > psiWarn ? Status.WARN : Status.OK;
        if (status == Status.OK && c.drift() != null && c.drift().detected()) {
            // PSI alone misses a binary label's move (30 % → 44 % positives is PSI 0.08): its drift test, with its effect, warns
            return List.of(new Finding(name(), c.name(), Status.WARN, psi, psiWarn, target.describe(c, psi) + " below " + psiWarn
                + ", but its drift test detects a change: " + moved(c)).showing(target.kind).judging(ColumnComparison.PSI));
        }
        Finding f = new Finding(name(), c.name(), status, psi, status == Status.FAIL ? psiFail : psiWarn, target.describe(c, psi))
            .showing(target.kind).judging(ColumnComparison.PSI);
        return List.of(status == Status.FAIL && target.reason != null ? f.because(target.reason) : f);
    }

    /** The drift test's words and the class whose share moved most: "χ² p 9e-47, JS 0.102; 1: 30.5 % → 44.4 %". */
    private static String moved(ColumnComparison c) {
        ColumnComparison.DriftResult d = c.drift();
        String test = org.driftwatch.compare.DriftTest.displayOf(d.test()) + " " + String.format(java.util.Locale.ROOT, "%.3g", d.score())
            + (c.jensenShannon() == null ? "" : String.format(java.util.Locale.ROOT, ", JS %.3f", c.jensenShannon()));
        ColumnComparison.Categories cats = c.categories();
        int most = cats == null ? -1 : cats.mostMoved();
        if (most < 0) {
            return test;
        }
        return String.format(java.util.Locale.ROOT, "%s; %s: %.1f %% → %.1f %%", test, cats.names().get(most),
            100 * cats.referenceShare(most), 100 * cats.currentShare(most));
    }
}
