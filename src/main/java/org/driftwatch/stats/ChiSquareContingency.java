package org.driftwatch.stats;

import org.apache.commons.math3.special.Gamma;

/**
 * Chi-square test of homogeneity on the 2 × k table of reference and current counts, as
 * {@code scipy.stats.chi2_contingency([ref, cur], correction=False)}. Categories empty on both sides
 * are dropped (scipy would fail on a zero expected frequency). The p-value is the regularised upper
 * incomplete gamma function, which stays accurate far into the tail (no 1 − cdf cancellation).
 */
public final class ChiSquareContingency {
    private ChiSquareContingency() {
    }

    public record Result(double statistic, int degreesOfFreedom, double pValue) {
    }

    public static Result test(long[] reference, long[] current) {
        long nr = PopulationStabilityIndex.sum(reference);
        long nc = PopulationStabilityIndex.sum(current);
        double n = (double) nr + nc;
        double statistic = 0.0;
        int k = 0;
        for (int i = 0; i < reference.length; i++) {
            long col = reference[i] + current[i];
            if (col == 0) {
                continue;
            }
            k++;
            statistic += term(reference[i], nr * (double) col / n) + term(current[i], nc * (double) col / n);
        }
        int dof = k - 1;
        if (dof <= 0) {
            // scipy returns statistic 0 and p 1 for a table with a single category
            return new Result(0.0, 0, 1.0);
        }
        return new Result(statistic, dof, survival(statistic, dof));
    }

    private static double term(long observed, double expected) {
        double d = observed - expected;
        return d * d / expected;
    }

    /** P(X ≥ x) for a chi-square variable with {@code dof} degrees of freedom. */
    public static double survival(double x, int dof) {
        if (x <= 0) {
            return 1.0;
        }
        return Gamma.regularizedGammaQ(dof / 2.0, x / 2.0, 1e-15, 100_000);
    }
}
