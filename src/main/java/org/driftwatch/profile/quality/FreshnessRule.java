package org.driftwatch.profile.quality;

/** The column's latest instant (a date at 00:00 UTC, a timestamp without zone as UTC); folded in the scans. */
public record FreshnessRule(String name, String column) implements QualityRule {
    @Override
    public String kind() {
        return "freshness";
    }

    @Override
    public int samples() {
        return 0;
    }
}
