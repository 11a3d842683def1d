package org.driftwatch.checks;

import java.util.ArrayList;
import java.util.List;
import org.driftwatch.rules.RuleSection;

/**
 * The automatic per-column drift test and dataset drift: warns for each drifted column and when the
 * share of drifted columns reaches {@code dataset_share} (0.5). Also owns the minimum-count guard and
 * the categorical cardinality limit.
 */
public final class DriftCheck implements Check {
    private final int minCount;
    private final double datasetShare;
    private final int maxCategories;

    public DriftCheck(int minCount, double datasetShare, int maxCategories) {
        this.minCount = minCount;
        this.datasetShare = datasetShare;
        this.maxCategories = maxCategories;
    }

    public static DriftCheck fromRules(RuleSection s) {
        s.allowOnly(List.of("min_count", "dataset_share", "max_categories"));
        return new DriftCheck(s.integer("min_count", ProfileNeeds.DEFAULT_MIN_COUNT, 1, Integer.MAX_VALUE),
            s.number("dataset_share", 0.5, 0, 1), s.integer("max_categories", ProfileNeeds.DEFAULT_MAX_CATEGORIES, 2, 100_000));
    }

    public double datasetShare() {
        return datasetShare;
    }

    @Override
    public String name() {
        return "drift";
    }

    @Override
    public java.util.Map<String, Double> thresholds() {
        return java.util.Map.of("drift.dataset_share", datasetShare, "drift.min_count", (double) minCount);
    }

    @Override
    public void require(ProfileNeeds needs) {
        needs.minCount(minCount).maxCategories(maxCategories);
    }

    /** Share of tested columns whose drift test detected drift; null when no column could be tested. */
    public static Double driftShare(Comparison comparison) {
        long tested = comparison.columns().values().stream().filter(c -> c.drift().score() != null).count();
        long drifted = comparison.columns().values().stream().filter(c -> c.drift().detected()).count();
        return tested == 0 ? null : (double) drifted / tested;
    }

    @Override
    public List<CheckResult> evaluate(Comparison comparison) {
        List<CheckResult> out = new ArrayList<>();
        for (ColumnComparison c : comparison.columns().values()) {
            ColumnComparison.DriftTest d = c.drift();
            if (d.score() == null) {
                out.add(new CheckResult(name(), c.name(), Status.WARN, null, null, d.note()));
            } else if (d.detected()) {
                out.add(new CheckResult(name(), c.name(), Status.WARN, d.score(), d.threshold(),
                    String.format("drift detected by %s (%.4g vs threshold %s)", d.test(), d.score(), d.threshold())));
            }
        }
        Double share = driftShare(comparison);
        if (share != null) {
            boolean detected = share >= datasetShare;
            out.add(new CheckResult(name(), null, detected ? Status.WARN : Status.OK, share, datasetShare,
                String.format("%.0f%% of tested columns drifted%s", 100 * share, detected ? ": dataset drift" : "")));
        }
        return out;
    }
}
