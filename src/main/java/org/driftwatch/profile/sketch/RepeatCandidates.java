package org.driftwatch.profile.sketch;

/** What a unique column's scan leaves for the second look: whether a value (or its hash) may be on two or more rows. */
public interface RepeatCandidates {
    boolean mayRepeat(long valueOrHash);
}
