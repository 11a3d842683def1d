package org.driftwatch.checks.quality;

import org.driftwatch.profile.quality.QualityRule;
import org.driftwatch.profile.quality.UniqueRule;
import org.driftwatch.rules.RuleSection;

/** {@code unique: true}: no non-null value on two or more rows of the same side. */
final class UniqueKind implements ConstraintKind {
    @Override
    public String key() {
        return "unique";
    }

    @Override
    public QualityRule rule(RuleSection item, String name, String column, int samples) {
        if (!item.bool(key(), true)) {
            throw item.error(key(), "unique: false checks nothing; remove the constraint or set unique: true");
        }
        return new UniqueRule(name, column, samples);
    }
}
