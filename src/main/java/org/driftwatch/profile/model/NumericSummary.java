package org.driftwatch.profile.model;

/**
 * One numeric column on one side. {@code count} is the number of finite values; nulls, NaN and ±∞
 * are counted apart and left out of every statistic. Moments are null when there are no values.
 */
public record NumericSummary(long count, long nullCount, long nanCount, long infiniteCount,
                             Double mean, Double stdPop, Double stdSample, Double min, Double max) {
}
