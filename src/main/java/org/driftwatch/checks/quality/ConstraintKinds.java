package org.driftwatch.checks.quality;

import java.util.List;

/** The constraint kinds a {@code checks.quality} item may name, by key. */
public final class ConstraintKinds {
    public static final List<ConstraintKind> ALL = List.of(new RangeKind(), new AllowedKind(), new PatternKind(), new LengthKind(),
        new UniqueKind(), new ExistsInKind(), new FreshnessKind(), new ConditionKind());

    private ConstraintKinds() {
    }

    public static List<String> keys() {
        return ALL.stream().map(ConstraintKind::key).toList();
    }
}
