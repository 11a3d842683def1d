package org.driftwatch.checks;

import java.util.List;
import org.driftwatch.compare.Comparison;
import org.driftwatch.profile.model.IdenticalRows;
import org.driftwatch.rules.RuleSection;

/**
 * Leakage by copy: current rows identical, in every column both datasets share, to a reference row.
 * Above {@code max_rows} (0) it warns by default and fails when configured.
 */
public final class IdenticalRowsCheck implements Check {
    private final long maxRows;
    private final boolean configured;

    public IdenticalRowsCheck(long maxRows, boolean configured) {
        this.maxRows = maxRows;
        this.configured = configured;
    }

    public static IdenticalRowsCheck fromRules(RuleSection s) {
        s.allowOnly(List.of("max_rows"));
        return new IdenticalRowsCheck(s.integer("max_rows", 0, 0, Integer.MAX_VALUE), s.has("max_rows"));
    }

    @Override
    public String name() {
        return "identical_rows";
    }

    @Override
    public void require(ProfileNeeds needs) {
        needs.identicalRows(true);
    }

    @Override
    public List<Finding> evaluate(Comparison comparison) {
        if (comparison.identicalRows().isEmpty()) {
            return List.of();
        }
        IdenticalRows r = comparison.identicalRows().get();
        boolean over = r.currentRows() > maxRows;
        String message = r.currentRows() + " current rows are identical to a reference row in all "
            + r.columns().size() + " shared columns";
        return List.of(new Finding(name(), null, over ? (configured ? Status.FAIL : Status.WARN) : Status.OK,
            (double) r.currentRows(), (double) maxRows, message).advising("Remove rows copied from the reference"));
    }
}
