package org.driftwatch.checks.quality;

import java.util.List;
import org.driftwatch.profile.quality.LengthTest;
import org.driftwatch.profile.quality.QualityRule;
import org.driftwatch.profile.quality.ValueRule;
import org.driftwatch.rules.RuleSection;

/** {@code length: {min, max}}: the text's length in Unicode code points, inclusive. */
final class LengthKind implements ConstraintKind {
    @Override
    public String key() {
        return "length";
    }

    @Override
    public List<String> keys() {
        return List.of("min", "max");
    }

    @Override
    public QualityRule rule(RuleSection item, String name, String column, int samples) {
        RuleSection s = Bounds.section(item, key(), keys());
        Integer min = s.has("min") ? s.integer("min", 0, 0, Integer.MAX_VALUE) : null;
        Integer max = s.has("max") ? s.integer("max", 0, 0, Integer.MAX_VALUE) : null;
        Bounds.check(s, min == null ? null : min.doubleValue(), max == null ? null : max.doubleValue());
        return new ValueRule(name, column, samples, new LengthTest(min, max));
    }
}
