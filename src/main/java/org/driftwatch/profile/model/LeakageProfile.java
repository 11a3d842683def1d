package org.driftwatch.profile.model;

import java.util.List;

/** Ids present on both sides (compared as text; null ids ignored). */
public record LeakageProfile(String column, long overlappingIds, long currentRowsWithReferenceId,
                             long referenceRowsWithCurrentId, long referenceDistinctIds,
                             long currentDistinctIds, List<String> exampleIds) {
    public LeakageProfile {
        exampleIds = List.copyOf(exampleIds);
    }
}
