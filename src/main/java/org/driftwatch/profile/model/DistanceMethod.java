package org.driftwatch.profile.model;

/**
 * How the numeric columns of a run were compared, and why: {@code exact} from the value-frequency
 * tables of both sides (small data), or {@code bounded} from the reference's compressed distribution,
 * within the bounds each result carries.
 */
public record DistanceMethod(String method, String reason) {
    public static final String EXACT = "exact";
    public static final String BOUNDED = "bounded";

    public boolean exact() {
        return EXACT.equals(method);
    }
}
