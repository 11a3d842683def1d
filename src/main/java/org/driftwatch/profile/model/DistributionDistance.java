package org.driftwatch.profile.model;

import java.util.Map;
import org.driftwatch.stats.BinnedDistance;
import org.driftwatch.stats.EcdfSums;

/**
 * KS D and the Wasserstein integral of one numeric column, each with how far the exact value can be
 * from it (0 when computed exactly), the distinct counts, the full value table when the column has few
 * distinct values, and the sums of every {@link org.driftwatch.stats.EcdfStatistic} by name (exact, or the
 * range they lie in) — all from one {@link DistanceMethod}, never a mix. Built by {@link #exact},
 * {@link #bounded} or {@link #undefined}.
 */
public record DistributionDistance(DistanceMethod method, Estimate d, Estimate integral, Distinct distinct,
                                   NumericDistribution.ValueTable values, Map<String, EcdfSums.Range> ecdf) {
    public DistributionDistance {
        ecdf = ecdf == null ? Map.of() : Map.copyOf(ecdf);
    }

    /** A value and how far the exact one may be from it (KS: only above it; Wasserstein: either way); 0 when exact. */
    public record Estimate(double value, double bound) {
        public static Estimate exact(double value) {
            return new Estimate(value, 0.0);
        }
    }

    /** Distinct values of both sides together and of each side; −1 where not counted (above the value-table limit). */
    public record Distinct(long pooled, long reference, long current) {
        public static final Distinct NONE = new Distinct(0, 0, 0);
    }

    /** Computed from every value: bound 0. */
    public static DistributionDistance exact(DistanceMethod method, double ks, double wasserstein, Distinct distinct,
                                             NumericDistribution.ValueTable values, Map<String, EcdfSums.Range> ecdf) {
        return new DistributionDistance(method, Estimate.exact(ks), Estimate.exact(wasserstein), distinct, values, ecdf);
    }

    /** From shared slots: D and the integral with the bounds the slots leave. */
    public static DistributionDistance bounded(DistanceMethod method, BinnedDistance.Result slots, Distinct distinct,
                                               NumericDistribution.ValueTable values, Map<String, EcdfSums.Range> ecdf) {
        return new DistributionDistance(method, new Estimate(slots.ks(), slots.ksBound()),
            new Estimate(slots.wasserstein(), slots.wassersteinBound()), distinct, values, ecdf);
    }

    /** A column without values on a side: D undefined (NaN), nothing counted. */
    public static DistributionDistance undefined(DistanceMethod method) {
        return new DistributionDistance(method, Estimate.exact(Double.NaN), Estimate.exact(0), Distinct.NONE, null, null);
    }

    /** The same distances with the ECDF statistics' sums. */
    public DistributionDistance withEcdf(Map<String, EcdfSums.Range> sums) {
        return new DistributionDistance(method, d, integral, distinct, values, sums);
    }

    public DistributionDistance withMethod(DistanceMethod m) {
        return new DistributionDistance(m, d, integral, distinct, values, ecdf);
    }

    public double ksStatistic() {
        return d.value();
    }

    public double ksBound() {
        return d.bound();
    }

    public double wasserstein() {
        return integral.value();
    }

    public double wassersteinBound() {
        return integral.bound();
    }

    public long pooledDistinct() {
        return distinct.pooled();
    }

    public long referenceDistinct() {
        return distinct.reference();
    }

    public long currentDistinct() {
        return distinct.current();
    }
}
