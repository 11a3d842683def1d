package org.driftwatch.profile.model;

import java.util.Map;
import java.util.Optional;

/**
 * Everything the checks read: small, collected to the driver, no Spark inside. The model outcomes are
 * null without a model (the reference's also when a saved profile lacks them).
 */
public record JointProfile(DatasetSummary reference, DatasetSummary current,
                                Map<String, NumericDistribution> numeric, Map<String, CategoryTable> categorical,
                                Optional<LeakageProfile> leakage, Optional<IdenticalRows> identicalRows,
                                ModelOutcomes referenceOutcomes, ModelOutcomes currentOutcomes, SegmentOutcomes segmentOutcomes) {
    public JointProfile(DatasetSummary reference, DatasetSummary current, Map<String, NumericDistribution> numeric,
                        Map<String, CategoryTable> categorical, Optional<LeakageProfile> leakage, Optional<IdenticalRows> identicalRows,
                        ModelOutcomes referenceOutcomes, ModelOutcomes currentOutcomes) {
        this(reference, current, numeric, categorical, leakage, identicalRows, referenceOutcomes, currentOutcomes, SegmentOutcomes.NONE);
    }

    public JointProfile(DatasetSummary reference, DatasetSummary current, Map<String, NumericDistribution> numeric,
                             Map<String, CategoryTable> categorical, Optional<LeakageProfile> leakage,
                             Optional<IdenticalRows> identicalRows) {
        this(reference, current, numeric, categorical, leakage, identicalRows, null, null);
    }

    public JointProfile {
        numeric = Map.copyOf(numeric);
        categorical = Map.copyOf(categorical);
        segmentOutcomes = segmentOutcomes == null ? SegmentOutcomes.NONE : segmentOutcomes;
    }
}
