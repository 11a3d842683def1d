package org.driftwatch.checks.quality;

import org.driftwatch.checks.Status;
import org.driftwatch.profile.quality.QualityRule;

/**
 * One {@code checks.quality} item: the rule the scans measure and how it is judged.
 *
 * @param mostly      the share of checked rows that must pass (1.0: all)
 * @param maxIncrease the largest rise of the failing share over the reference's before a warning; null for none
 * @param severity    what a violation is: {@link Status#FAIL} or {@link Status#WARN}
 * @param maxAgeHours freshness only: the largest age of the current side's latest instant; else null
 * @param blocking    a failure means tonight's data is not fit to retrain on: every retrain is held
 */
public record Constraint(ConstraintKind kind, QualityRule rule, double mostly, Double maxIncrease, Status severity, Double maxAgeHours,
                         boolean blocking) {
    public Constraint(ConstraintKind kind, QualityRule rule, double mostly, Double maxIncrease, Status severity, Double maxAgeHours) {
        this(kind, rule, mostly, maxIncrease, severity, maxAgeHours, false);
    }

    public String name() {
        return rule.name();
    }

    public String column() {
        return rule.column();
    }
}
