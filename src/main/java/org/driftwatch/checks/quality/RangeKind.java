package org.driftwatch.checks.quality;

import java.util.List;
import org.driftwatch.profile.quality.QualityRule;
import org.driftwatch.profile.quality.RangeTest;
import org.driftwatch.profile.quality.ValueRule;
import org.driftwatch.rules.RuleSection;

/** {@code range: {min, max}}: inclusive bounds on a number, either may be omitted; NaN fails. */
final class RangeKind implements ConstraintKind {
    @Override
    public String key() {
        return "range";
    }

    @Override
    public List<String> keys() {
        return List.of("min", "max");
    }

    @Override
    public QualityRule rule(RuleSection item, String name, String column, int samples) {
        RuleSection s = Bounds.section(item, key(), keys());
        Double min = s.decimal("min", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        Double max = s.decimal("max", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        Bounds.check(s, min, max);
        return new ValueRule(name, column, samples, new RangeTest(min, max));
    }
}
