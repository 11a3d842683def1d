package org.driftwatch.profile.model;

import java.util.Map;

/**
 * One calibration trial: the reference split in two (at random by a seeded row hash, or into two adjacent
 * time chunks), each column's drift statistics first part against second ({@link SelfCheck}), and for
 * categorical columns the chi-square p-value of the two parts' counts.
 */
public record SplitTrial(String split, Map<String, SelfCheck> statistics, Map<String, Double> chiSquarePValues) {
    public SplitTrial {
        statistics = Map.copyOf(statistics);
        chiSquarePValues = Map.copyOf(chiSquarePValues);
    }
}
