package org.driftwatch.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.Comparison;
import org.driftwatch.compare.MetricValue;
import org.driftwatch.compare.StandardisedMeanDifference;
import org.driftwatch.rules.RuleSection;

/**
 * Mean shift per numerical feature: judges the {@link StandardisedMeanDifference} metric
 * (|mean_cur − mean_ref| / std_ref). Warns above {@code threshold} (0.2, a "small" effect in Cohen's terms).
 */
public final class MeanShiftCheck implements Check {
    private final double threshold;

    public MeanShiftCheck(double threshold) {
        this.threshold = threshold;
    }

    public static MeanShiftCheck fromRules(RuleSection s) {
        s.allowOnly(List.of("threshold"));
        return new MeanShiftCheck(s.number("threshold", 0.2, 0, 1e6));
    }

    @Override
    public DriftKind evidence() {
        return DriftKind.DATA;
    }

    @Override
    public String name() {
        return "mean_shift";
    }

    @Override
    public Map<String, Double> thresholds() {
        return Map.of("mean_shift.threshold", threshold);
    }

    @Override
    public List<Finding> evaluate(Comparison comparison) {
        List<Finding> out = new ArrayList<>();
        for (ColumnComparison c : comparison.columns().values()) {
            MetricValue d = c.metrics().get(StandardisedMeanDifference.NAME);
            if (d == null) {
                continue;
            }
            boolean shifted = d.value() > threshold;
            out.add(new Finding(name(), c.name(), shifted ? Status.WARN : Status.OK, d.value(), threshold,
                String.format("mean %.4g → %.4g: %.3f reference standard deviations%s", c.reference().mean(), c.current().mean(),
                    d.value(), shifted ? " > " + threshold : "")));
        }
        return out;
    }
}
