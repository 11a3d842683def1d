package org.driftwatch.profile;

/**
 * The exact joint distribution facts of one numeric column across reference and current: KS D and
 * the Wasserstein integral over the pooled values, the reference percentiles as numpy computes them,
 * PSI bin counts on those edges, and the full value table when the column has few distinct values.
 */
public record NumericDistribution(double ksStatistic, double wasserstein, long pooledDistinct,
                                  long referenceDistinct, long currentDistinct, double[] innerEdges,
                                  long[] referenceBins, long[] currentBins, Double referenceMedian,
                                  ValueTable values) {

    /** Distinct values in increasing order with their counts on each side. */
    public record ValueTable(double[] values, long[] reference, long[] current) {
    }
}
