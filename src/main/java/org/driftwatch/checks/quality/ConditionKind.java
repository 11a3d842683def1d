package org.driftwatch.checks.quality;

import org.driftwatch.profile.quality.ConditionRule;
import org.driftwatch.profile.quality.QualityRule;
import org.driftwatch.rules.RuleSection;

/** {@code condition: "Spark SQL"}: an expression every row must make true (false or null fails). */
final class ConditionKind implements ConstraintKind {
    @Override
    public String key() {
        return "condition";
    }

    @Override
    public boolean needsColumn() {
        return false;
    }

    @Override
    public QualityRule rule(RuleSection item, String name, String column, int samples) {
        if (column != null) {
            throw item.error("column", "a condition names its columns in the expression; remove column: " + column);
        }
        String expression = item.string(key()).orElseThrow(() -> item.error(key(), "checks.quality condition must not be empty"));
        try {
            return ConditionRule.parse(name, expression, samples);
        } catch (IllegalArgumentException e) {
            throw item.error(key(), e.getMessage());
        }
    }
}
