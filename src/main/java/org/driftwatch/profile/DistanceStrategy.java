package org.driftwatch.profile;

import org.driftwatch.profile.model.DistanceMethod;

/**
 * Chooses, once per run and the same way for a raw reference and a saved one, how numeric columns are
 * compared: exactly when both sides have at most {@code limit} numeric values (rows × numeric columns)
 * and the reference's value tables are at hand (raw data, or a profile that stored them); otherwise
 * bounded, from the reference's compressed distribution. The reason goes into the report.
 */
final class DistanceStrategy {
    /** How the bounded strategy's reasons end; {@link CrossingResolver} restates it once the values are exact. */
    static final String BOUNDED = ": KS and Wasserstein from the reference's compressed distribution, within the stated bounds";

    private DistanceStrategy() {
    }

    static DistanceMethod choose(long referenceRows, long currentRows, int numericColumns, long limit, boolean referenceTables) {
        long ref = referenceRows * numericColumns;
        long cur = currentRows * numericColumns;
        String bounded = BOUNDED;
        if (ref > limit) {
            return new DistanceMethod(DistanceMethod.BOUNDED, String.format("the reference has %,d numeric values (rows × numeric"
                + " columns), more than the %,d compared exactly%s", ref, limit, bounded));
        }
        if (cur > limit) {
            return new DistanceMethod(DistanceMethod.BOUNDED, String.format("the current data has %,d numeric values (rows × numeric"
                + " columns), more than the %,d compared exactly%s", cur, limit, bounded));
        }
        if (!referenceTables) {
            return new DistanceMethod(DistanceMethod.BOUNDED, "the saved reference profile holds no value tables (written by an older"
                + " driftwatch)" + bounded + "; write it again with driftwatch profile for exact values");
        }
        return new DistanceMethod(DistanceMethod.EXACT, String.format("both sides have at most %,d numeric values (rows × numeric"
            + " columns): KS and Wasserstein exact from the value-frequency tables", limit));
    }
}
