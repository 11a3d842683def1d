package org.driftwatch.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.Comparison;
import org.driftwatch.rules.RuleSection;

/**
 * Mean shift per numerical feature: the standardised mean difference |mean_cur − mean_ref| / std_ref
 * (population std of the reference; Cohen's d with the reference as the control group). Warns above
 * {@code threshold} (0.2, a "small" effect in Cohen's terms). Reads only the two sides' moments.
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
            Double d = standardisedMeanDifference(c);
            if (d == null) {
                continue;
            }
            boolean shifted = d > threshold;
            out.add(new Finding(name(), c.name(), shifted ? Status.WARN : Status.OK, d, threshold,
                String.format("mean %.4g → %.4g: %.3f reference standard deviations%s", c.reference().mean(), c.current().mean(), d,
                    shifted ? " > " + threshold : "")));
        }
        return out;
    }

    /** Null when a side has no mean, or the reference does not vary. */
    static Double standardisedMeanDifference(ColumnComparison c) {
        Double ref = c.reference().mean();
        Double cur = c.current().mean();
        Double std = c.reference().stdPop();
        if (!c.numerical() || ref == null || cur == null || std == null || !(std > 0)) {
            return null;
        }
        return Math.abs(cur - ref) / std;
    }
}
