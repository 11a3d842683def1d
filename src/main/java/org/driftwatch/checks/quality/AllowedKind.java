package org.driftwatch.checks.quality;

import java.util.List;
import org.driftwatch.profile.quality.AllowedTest;
import org.driftwatch.profile.quality.QualityRule;
import org.driftwatch.profile.quality.ValueRule;
import org.driftwatch.rules.RuleSection;

/** {@code allowed: [a, b]}: the value's text must be one of the items, each as the file spells it ({@code 3} is "3"). */
final class AllowedKind implements ConstraintKind {
    @Override
    public String key() {
        return "allowed";
    }

    @Override
    public QualityRule rule(RuleSection item, String name, String column, int samples) {
        List<String> values = item.texts(key()).orElseThrow();
        if (values.isEmpty()) {
            throw item.error(key(), "checks.quality allowed needs at least one value");
        }
        return new ValueRule(name, column, samples, new AllowedTest(values));
    }
}
