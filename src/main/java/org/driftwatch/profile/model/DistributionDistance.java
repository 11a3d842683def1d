package org.driftwatch.profile.model;

/**
 * KS D and the Wasserstein integral of one numeric column, each with how far the exact value can be
 * from it (0 when computed exactly), the distinct counts (−1 when above the value-table limit and not
 * counted) and the full value table when the column has few distinct values — all from one
 * {@link ComparisonMethod}, never a mix.
 */
public record DistributionDistance(ComparisonMethod method, double ksStatistic, double ksBound, double wasserstein,
                                   double wassersteinBound, long pooledDistinct, long referenceDistinct, long currentDistinct,
                                   NumericDistribution.ValueTable values) {
    public DistributionDistance withMethod(ComparisonMethod m) {
        return new DistributionDistance(m, ksStatistic, ksBound, wasserstein, wassersteinBound, pooledDistinct, referenceDistinct,
            currentDistinct, values);
    }
}
