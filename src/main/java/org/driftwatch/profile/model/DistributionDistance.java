package org.driftwatch.profile.model;

import java.util.Map;
import org.driftwatch.stats.EcdfSums;

/**
 * KS D and the Wasserstein integral of one numeric column, each with how far the exact value can be
 * from it (0 when computed exactly), the distinct counts (−1 when above the value-table limit and not
 * counted), the full value table when the column has few distinct values, and the sums of every
 * {@link org.driftwatch.stats.EcdfStatistic} by name (exact, or the range they lie in) — all from one
 * {@link DistanceMethod}, never a mix.
 */
public record DistributionDistance(DistanceMethod method, double ksStatistic, double ksBound, double wasserstein,
                                   double wassersteinBound, long pooledDistinct, long referenceDistinct, long currentDistinct,
                                   NumericDistribution.ValueTable values, Map<String, EcdfSums.Range> ecdf) {
    public DistributionDistance {
        ecdf = ecdf == null ? Map.of() : Map.copyOf(ecdf);
    }

    public DistributionDistance withMethod(DistanceMethod m) {
        return new DistributionDistance(m, ksStatistic, ksBound, wasserstein, wassersteinBound, pooledDistinct, referenceDistinct,
            currentDistinct, values, ecdf);
    }
}
