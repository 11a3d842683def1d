package org.driftwatch.checks.quality;

import java.util.regex.PatternSyntaxException;
import org.driftwatch.profile.quality.PatternTest;
import org.driftwatch.profile.quality.QualityRule;
import org.driftwatch.profile.quality.ValueRule;
import org.driftwatch.rules.RuleSection;

/** {@code pattern: "regex"}: a Java regular expression the whole text must match. */
final class PatternKind implements ConstraintKind {
    @Override
    public String key() {
        return "pattern";
    }

    @Override
    public QualityRule rule(RuleSection item, String name, String column, int samples) {
        String regex = item.string(key()).orElseThrow(() -> item.error(key(), "checks.quality pattern must not be empty"));
        try {
            return new ValueRule(name, column, samples, new PatternTest(regex));
        } catch (PatternSyntaxException e) {
            throw item.error(key(), "pattern " + regex + " does not compile: " + e.getDescription()
                + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
        }
    }
}
