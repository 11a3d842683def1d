package org.driftwatch.stats;

import java.util.List;

/** The registered {@link EcdfStatistic}s: every provider of a joint distribution computes all of them. */
public final class EcdfStatistics {
    public static final List<EcdfStatistic> ALL = List.of(new CramerVonMises(), new AndersonDarling());

    private EcdfStatistics() {
    }

    public static int count() {
        return ALL.size();
    }
}
