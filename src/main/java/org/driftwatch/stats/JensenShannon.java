package org.driftwatch.stats;

/**
 * Jensen–Shannon distance with the natural logarithm, as
 * {@code scipy.spatial.distance.jensenshannon(p, q)}: the square root of the mean of the two
 * Kullback–Leibler divergences to the midpoint, on unsmoothed shares. Ranges over [0, sqrt(ln 2)].
 */
public final class JensenShannon {
    private JensenShannon() {
    }

    public static double distance(long[] reference, long[] current) {
        double nr = PopulationStabilityIndex.sum(reference);
        double nc = PopulationStabilityIndex.sum(current);
        double[] p = new double[reference.length];
        double[] q = new double[current.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = reference[i] / nr;
            q[i] = current[i] / nc;
        }
        return distance(p, q);
    }

    public static double distance(double[] p, double[] q) {
        double sum = 0.0;
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2.0;
            sum += relativeEntropy(p[i], m) + relativeEntropy(q[i], m);
        }
        return Math.sqrt(Math.max(sum / 2.0, 0.0));
    }

    /** scipy.special.rel_entr: x·ln(x/y), 0 at x = 0. */
    private static double relativeEntropy(double x, double y) {
        return x > 0 ? x * Math.log(x / y) : 0.0;
    }
}
