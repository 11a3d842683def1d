package org.driftwatch.profile.model;

/** Distinct values of one numeric column in increasing order, with how often each occurs. */
public record ValueCounts(double[] values, long[] counts) {
    public int size() {
        return values.length;
    }
}
