package org.driftwatch.profile.model;

/**
 * The reference against itself: one column's drift statistics between the two halves of the reference
 * rows split by a hash of each row, computed in the reference scan. What the statistics read when nothing
 * drifted, at this column's size: a threshold below it fires on noise. Null fields do not apply to the
 * column (KS and Wasserstein for categorical columns, Jensen–Shannon for numerical ones).
 */
public record SelfCheck(Double psi, Double ksStatistic, Double wassersteinNormed, Double jensenShannon, long firstHalf,
                        long secondHalf) {
}
