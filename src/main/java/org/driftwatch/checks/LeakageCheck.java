package org.driftwatch.checks;

import java.util.List;
import org.driftwatch.compare.Comparison;
import org.driftwatch.profile.model.LeakageProfile;
import org.driftwatch.rules.RuleSection;

/** Train/test leakage: entity ids of the current data that already occur in the reference. */
public final class LeakageCheck implements Check {
    private final String key;
    private final long maxOverlap;

    public LeakageCheck(String key, long maxOverlap) {
        this.key = key;
        this.maxOverlap = maxOverlap;
    }

    /** @param defaultKey the rule file's {@code columns.id}, used when {@code key} is not given */
    public static LeakageCheck fromRules(RuleSection s, String defaultKey) {
        s.allowOnly(List.of("key", "max_overlap"));
        String key = s.string("key").orElse(defaultKey);
        if (key == null) {
            throw s.error("checks.leakage needs a key column: set checks.leakage.key or columns.id");
        }
        return new LeakageCheck(key, s.integer("max_overlap", 0, 0, Integer.MAX_VALUE));
    }

    public String key() {
        return key;
    }

    @Override
    public String name() {
        return "leakage";
    }

    @Override
    public void require(ProfileNeeds needs) {
        needs.leakageKey(key);
    }

    @Override
    public List<Finding> evaluate(Comparison comparison) {
        if (comparison.leakage().isEmpty()) {
            return List.of(new Finding(name(), key, Status.FAIL, null, (double) maxOverlap,
                "no ids to compare: column '" + key + "' is missing from the current data, or the reference"
                    + " came as a saved profile without its data").advising("Give the leakage check ids on both sides"));
        }
        LeakageProfile l = comparison.leakage().get();
        boolean leaked = l.overlappingIds() > maxOverlap;
        String message = leaked
            ? l.overlappingIds() + " ids of the current data are also in the reference (" + l.currentRowsWithReferenceId()
                + " current rows), e.g. " + String.join(", ", l.exampleIds())
            : l.overlappingIds() + " ids in both datasets";
        return List.of(new Finding(name(), key, leaked ? Status.FAIL : Status.OK, (double) l.overlappingIds(),
            (double) maxOverlap, message).advising("Remove leaked ids before training or evaluating"));
    }
}
