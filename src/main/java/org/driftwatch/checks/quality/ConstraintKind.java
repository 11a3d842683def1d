package org.driftwatch.checks.quality;

import java.util.List;
import org.driftwatch.profile.quality.QualityRule;
import org.driftwatch.rules.RuleSection;

/**
 * One kind of data-quality constraint: its key in a {@code checks.quality} item and how it reads its
 * value there into the rule the profile stage measures. A new kind is one implementation plus its line
 * in {@link ConstraintKinds}; {@link QualityCheck} judges every kind the same way (a failing share against
 * {@code mostly} and {@code max_increase}), except those that say {@link #judgedByAge}.
 */
public interface ConstraintKind {
    /** The item's key naming the kind ({@code range}, {@code allowed}, ...). */
    String key();

    /** Whether the item needs a {@code column} (a row condition has none). */
    default boolean needsColumn() {
        return true;
    }

    /** Whether the kind is judged by the current side's age ({@code freshness}), not by a failing share. */
    default boolean judgedByAge() {
        return false;
    }

    /** Whether the kind is judged row by row (counts towards the rows failing any constraint). */
    default boolean rowLevel() {
        return !judgedByAge();
    }

    /**
     * The rule from the item; errors name the item's key with file:line:col.
     *
     * @param item the whole item (the kind's value is {@code item.<key()>})
     */
    QualityRule rule(RuleSection item, String name, String column, int samples);

    /** The keys a section-valued kind allows (for its unknown-key errors); empty for a scalar kind. */
    default List<String> keys() {
        return List.of();
    }
}
