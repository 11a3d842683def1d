package org.driftwatch.profile.quality;

/** A constraint every non-null value of a column must pass on its own ({@link ValueTest}); folded in the scans. */
public record ValueRule(String name, String column, int samples, ValueTest test) implements QualityRule {
    @Override
    public String kind() {
        return test.kind();
    }
}
