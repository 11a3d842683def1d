package org.driftwatch.checks;

import java.util.List;
import java.util.Map;
import org.driftwatch.compare.Comparison;

/**
 * A rule judged against the comparison of reference and current. A check never runs Spark: it states
 * what it needs through {@link #require(ProfileNeeds)} and reads the computed {@link Comparison}; it
 * emits {@link Finding}s, each saying whether it is a retrain reason, and leaves the verdict to the judge.
 * A new check is one class implementing this plus one entry in {@link CheckCatalog}.
 */
public interface Check {
    /** The key under {@code checks:} in a rule file. */
    String name();

    /** Adds what this check needs from the profiler (id column, whole rows). */
    default void require(ProfileNeeds needs) {
    }

    List<Finding> evaluate(Comparison comparison);

    /** How many earlier runs of the metrics history this check reads ({@link Comparison#earlier}); 0 for none. */
    default int historyRuns() {
        return 0;
    }

    /** The kind of drift this check's findings are evidence of when they are not OK; null for none. */
    default DriftKind evidence() {
        return null;
    }

    /** The findings, each marked with the kind of drift it shows unless it says so itself. */
    default List<Finding> findings(Comparison comparison) {
        return evaluate(comparison).stream().map(f -> f.kind() == null && evidence() != null ? f.showing(evidence()) : f).toList();
    }

    /** The thresholds this check judges by, keyed {@code <check>.<setting>}, for reports. */
    default Map<String, Double> thresholds() {
        return Map.of();
    }
}
