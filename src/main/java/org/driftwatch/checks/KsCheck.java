package org.driftwatch.checks;

import java.util.ArrayList;
import java.util.List;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.Comparison;
import org.driftwatch.rules.RuleSection;

/**
 * Two-sample KS per numerical column: warns when p &lt; alpha. A warning only, since with millions of
 * rows every negligible shift is significant; D is in the message to judge the size.
 */
public final class KsCheck implements Check {
    private final double alpha;

    public KsCheck(double alpha) {
        this.alpha = alpha;
    }

    public static KsCheck fromRules(RuleSection s) {
        s.allowOnly(List.of("alpha"));
        return new KsCheck(s.number("alpha", org.driftwatch.compare.DriftTest.KS.defaultThreshold(), 1e-300, 1));
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
        return java.util.Map.of("ks.alpha", alpha);
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
            out.add(new Finding(name(), c.name(), shifted ? Status.WARN : Status.OK, p, alpha,
                String.format("KS D %.4f (%s), p %.3g%s", c.ks().statistic(), effect(c.ks().statistic()), p,
                    shifted ? " < " + alpha + ": distributions differ" : "")));
        }
        return out;
    }

    /** The effect size in words, so a reader sees how big a shift is before how significant: D 0.003 is tiny at any p. */
    public static String effect(double d) {
        return d < 0.05 ? "tiny" : d < 0.1 ? "small" : d < 0.2 ? "moderate" : "large";
    }
}
