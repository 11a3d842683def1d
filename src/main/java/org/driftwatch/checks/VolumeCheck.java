package org.driftwatch.checks;

import java.util.List;
import java.util.Map;
import org.driftwatch.compare.Comparison;
import org.driftwatch.rules.RuleSection;

/**
 * Row count change: the current data's rows against the reference's; outside
 * [{@code min_ratio}, {@code max_ratio}] (0.5, 2.0) it fails — an upstream job lost or doubled data.
 */
public final class VolumeCheck implements Check {
    private final double minRatio;
    private final double maxRatio;

    public VolumeCheck(double minRatio, double maxRatio) {
        this.minRatio = minRatio;
        this.maxRatio = maxRatio;
    }

    public static VolumeCheck fromRules(RuleSection s) {
        s.allowOnly(List.of("min_ratio", "max_ratio"));
        double min = s.number("min_ratio", 0.5, 0, 1e9);
        double max = s.number("max_ratio", 2.0, 0, 1e9);
        if (min > max) {
            throw s.error("min_ratio", "checks.volume.min_ratio (" + min + ") must not exceed max_ratio (" + max + ")");
        }
        return new VolumeCheck(min, max);
    }

    @Override
    public DriftKind evidence() {
        return DriftKind.UPSTREAM;
    }

    @Override
    public String name() {
        return "volume";
    }

    @Override
    public Map<String, Double> thresholds() {
        return Map.of("volume.min_ratio", minRatio, "volume.max_ratio", maxRatio);
    }

    @Override
    public List<Finding> evaluate(Comparison comparison) {
        long ref = comparison.referenceRows();
        long cur = comparison.currentRows();
        if (ref == 0) {
            return List.of();
        }
        double ratio = (double) cur / ref;
        boolean low = ratio < minRatio;
        boolean high = ratio > maxRatio;
        String words = String.format("%,d current rows against %,d reference rows (ratio %.3f)", cur, ref, ratio);
        if (!low && !high) {
            return List.of(new Finding(name(), null, Status.OK, ratio, minRatio, words));
        }
        return List.of(new Finding(name(), null, Status.FAIL, ratio, low ? minRatio : maxRatio,
            words + (low ? ", below " + minRatio : ", above " + maxRatio))
            .advising("Check the upstream job that writes the current data: its row count changed"));
    }
}
