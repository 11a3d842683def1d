package org.driftwatch.checks;

import java.util.List;

/**
 * A rule judged against the comparison of reference and current. A check never runs Spark: it states
 * what it needs through {@link #require(ProfileNeeds)} and reads the computed {@link Comparison}.
 * A new check is one class implementing this plus one entry in {@link CheckCatalog}.
 */
public interface Check {
    /** The key under {@code checks:} in a rule file. */
    String name();

    /** Adds what this check needs from the profiler (bins, id column, ...). */
    default void require(ProfileNeeds needs) {
    }

    List<CheckResult> evaluate(Comparison comparison);

    /** The thresholds this check judges by, keyed {@code <check>.<setting>}, for reports and decisions. */
    default java.util.Map<String, Double> thresholds() {
        return java.util.Map.of();
    }
}
