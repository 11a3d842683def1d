package org.driftwatch.profile.quality;

/** Every non-null value must occur on one row only; measured by {@link KeyedQuality}. */
public record UniqueRule(String name, String column, int samples) implements QualityRule {
    @Override
    public String kind() {
        return "unique";
    }

}
