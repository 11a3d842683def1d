package org.driftwatch.profile.model;

/**
 * The joint distribution facts of one numeric column across reference and current: KS D and the
 * Wasserstein integral (each with how far the exact value can be from it: 0 when computed exactly),
 * distinct counts (−1 when above the value-table limit and not counted), the reference percentiles
 * as numpy computes them, PSI bin counts on those edges, and the full value table when the column has
 * few distinct values.
 */
public record NumericDistribution(double ksStatistic, double wasserstein, long pooledDistinct,
                                  long referenceDistinct, long currentDistinct, double[] innerEdges,
                                  long[] referenceBins, long[] currentBins, Double referenceMedian,
                                  ValueTable values, double ksBound, double wassersteinBound) {

    /** Distinct values in increasing order with their counts on each side. */
    public record ValueTable(double[] values, long[] reference, long[] current) {
    }
}
