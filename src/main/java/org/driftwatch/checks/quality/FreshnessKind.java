package org.driftwatch.checks.quality;

import java.util.List;
import org.driftwatch.profile.quality.FreshnessRule;
import org.driftwatch.profile.quality.QualityRule;
import org.driftwatch.rules.RuleSection;

/** {@code freshness: {max_age_hours}}: the current side's latest instant at most so many hours before the end of the run date. */
final class FreshnessKind implements ConstraintKind {
    static final String MAX_AGE = "max_age_hours";

    @Override
    public String key() {
        return "freshness";
    }

    @Override
    public List<String> keys() {
        return List.of(MAX_AGE);
    }

    @Override
    public boolean judgedByAge() {
        return true;
    }

    @Override
    public QualityRule rule(RuleSection item, String name, String column, int samples) {
        RuleSection s = item.section(key()).orElseThrow();
        s.allowOnly(keys());
        if (!s.has(MAX_AGE)) {
            throw item.error(key(), "checks.quality freshness needs max_age_hours");
        }
        s.decimal(MAX_AGE, 0, Double.MAX_VALUE);
        return new FreshnessRule(name, column);
    }

    /** The limit an item sets. */
    static double maxAgeHours(RuleSection item) {
        return item.section("freshness").orElseThrow().decimal(MAX_AGE, 0, Double.MAX_VALUE);
    }
}
