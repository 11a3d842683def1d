package org.driftwatch.checks;

import java.util.ArrayList;
import java.util.List;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.Comparison;
import org.driftwatch.rules.RuleSection;

/**
 * Two-sample KS per numerical column: warns when p &lt; alpha and the effect is not negligible. With many
 * rows every negligible shift is significant (10k rows against 1M make D 0.015 significant), so a
 * difference alerts only when D reaches {@code min_effect} (0.05: below it the effect is "tiny") and the
 * reference's own noise at tonight's sizes ({@link ReferenceNoise}); below that the finding stays OK and
 * says so. {@code min_effect: 0} makes significance alone alert.
 */
public final class KsCheck implements Check {
    /** D below this is a tiny effect: the smallest CDF gap that alerts by default. */
    public static final double MIN_EFFECT = 0.05;
    private final double alpha;
    private final double minEffect;

    public KsCheck(double alpha) {
        this(alpha, MIN_EFFECT);
    }

    public KsCheck(double alpha, double minEffect) {
        this.alpha = alpha;
        this.minEffect = minEffect;
    }

    public static KsCheck fromRules(RuleSection s) {
        s.allowOnly(List.of("alpha", "min_effect"));
        return new KsCheck(s.number("alpha", org.driftwatch.compare.DriftTest.KS.defaultThreshold(), 1e-300, 1), minEffect(s));
    }

    /** {@code checks.ks.min_effect}, which the drift check reads too for columns whose drift test is KS. */
    static double minEffect(RuleSection ks) {
        return ks.number("min_effect", MIN_EFFECT, 0, 1);
    }

    /**
     * The least D that alerts for this column: {@code minEffect}, or the reference's own half-against-half D
     * at tonight's sizes when larger; 0 (significance alone) when {@code minEffect} is 0.
     */
    static double alertingEffect(ColumnComparison c, double minEffect) {
        if (minEffect <= 0) {
            return 0;
        }
        Double noise = org.driftwatch.compare.ReferenceSelfCheck.levelTonight(c, "ks_statistic");
        return noise == null ? minEffect : Math.max(minEffect, noise);
    }

    /** Words for a significant difference below the effect that alerts, or null when it alerts. */
    static String belowEffect(ColumnComparison c, double minEffect) {
        double d = c.ks().statistic();
        double floor = alertingEffect(c, minEffect);
        if (d >= floor) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "significant, but D %.4f is below the effect that alerts (%.4f: %s): not an alert",
            d, floor, floor > minEffect ? "the reference's own noise at these sizes" : "checks.ks.min_effect");
    }

    @Override
    public DriftKind evidence() {
        return DriftKind.DATA;
    }

    @Override
    public String name() {
        return "ks";
    }

    @Override
    public java.util.Map<String, Double> thresholds() {
        return java.util.Map.of("ks.alpha", alpha, "ks.min_effect", minEffect);
    }

    @Override
    public List<Finding> evaluate(Comparison comparison) {
        List<Finding> out = new ArrayList<>();
        for (ColumnComparison c : comparison.columns().values()) {
            if (c.ks() == null) {
                continue;
            }
            double p = c.ks().pValue();
            boolean shifted = p < alpha;
            String below = shifted ? belowEffect(c, minEffect) : null;
            boolean alerts = shifted && below == null;
            out.add(new Finding(name(), c.name(), alerts ? Status.WARN : Status.OK, p, alpha,
                String.format("KS D %.4f (%s), p %.3g%s", c.ks().statistic(), effect(c.ks().statistic()), p,
                    alerts ? " < " + alpha + ": distributions differ" : below != null ? " < " + alpha + ": " + below : "")));
        }
        return out;
    }

    /** The effect size in words, so a reader sees how big a shift is before how significant: D 0.003 is tiny at any p. */
    public static String effect(double d) {
        return d < 0.05 ? "tiny" : d < 0.1 ? "small" : d < 0.2 ? "moderate" : "large";
    }
}
