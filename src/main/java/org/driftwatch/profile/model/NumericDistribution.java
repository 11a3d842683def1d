package org.driftwatch.profile.model;

/**
 * The joint distribution facts of one numeric column across reference and current: the reference
 * percentiles as numpy computes them with PSI bin counts on those edges (exact whatever the size), and
 * the distance facts — KS, Wasserstein, distinct counts, value table — from one comparison strategy.
 */
public record NumericDistribution(double[] innerEdges, long[] referenceBins, long[] currentBins, Double referenceMedian,
                                  DistributionDistance distance) {

    /** Distinct values in increasing order with their counts on each side. */
    public record ValueTable(double[] values, long[] reference, long[] current) {
    }

    /** The same PSI facts with the distances of another strategy, or the same with its reason. */
    public NumericDistribution with(DistributionDistance d) {
        return new NumericDistribution(innerEdges, referenceBins, currentBins, referenceMedian, d);
    }

    public double ksStatistic() {
        return distance.ksStatistic();
    }

    public double ksBound() {
        return distance.ksBound();
    }

    public double wasserstein() {
        return distance.wasserstein();
    }

    public double wassersteinBound() {
        return distance.wassersteinBound();
    }

    public long pooledDistinct() {
        return distance.pooledDistinct();
    }

    public long referenceDistinct() {
        return distance.referenceDistinct();
    }

    public long currentDistinct() {
        return distance.currentDistinct();
    }

    public ValueTable values() {
        return distance.values();
    }

    /** Every {@link org.driftwatch.stats.EcdfStatistic}'s sum by name: exact, or the range it lies in. */
    public java.util.Map<String, org.driftwatch.stats.EcdfSums.Range> ecdf() {
        return distance.ecdf();
    }

    public DistanceMethod method() {
        return distance.method();
    }
}
