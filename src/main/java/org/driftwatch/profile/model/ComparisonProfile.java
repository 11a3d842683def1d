package org.driftwatch.profile.model;

import java.util.Map;
import java.util.Optional;

/** Everything the checks read: small, collected to the driver, no Spark inside. */
public record ComparisonProfile(DatasetSummary reference, DatasetSummary current,
                                Map<String, NumericDistribution> numeric, Map<String, CategoryTable> categorical,
                                Optional<LeakageProfile> leakage, Optional<IdenticalRows> identicalRows) {
    public ComparisonProfile {
        numeric = Map.copyOf(numeric);
        categorical = Map.copyOf(categorical);
    }
}
