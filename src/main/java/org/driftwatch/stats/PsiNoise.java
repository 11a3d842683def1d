package org.driftwatch.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * How much PSI no-drift data shows at given sample sizes (Yurdakul 2018): with n reference and m current
 * values in B bins, PSI / (1/n + 1/m) is approximately χ² with B − 1 degrees of freedom when nothing
 * changed. So the value exceeded with probability α is {@code chi2.ppf(1 − α, B − 1) · (1/n + 1/m)}, and a
 * PSI's p-value is {@code chi2.sf(PSI / (1/n + 1/m), B − 1)}. The approximation needs a few expected
 * values per bin (≥ 5 is the usual rule) and unclipped shares: bins empty on a side are clipped at 1e-4
 * and make PSI, and so its p-value, large on purpose.
 */
public final class PsiNoise {
    private PsiNoise() {
    }

    /** The PSI that no-drift data exceeds with probability {@code 1 − q}. */
    public static double critical(double q, int bins, long n, long m) {
        return chi2(bins).inverseCumulativeProbability(q) * scale(n, m);
    }

    /** P(PSI ≥ psi | no drift) under the approximation. */
    public static double pValue(double psi, int bins, long n, long m) {
        double x = psi / scale(n, m);
        return Gamma.regularizedQ(bins - 1, x);
    }

    private static double scale(long n, long m) {
        return 1.0 / n + 1.0 / m;
    }

    private static ChiSquaredDistribution chi2(int bins) {
        return new ChiSquaredDistribution(null, bins - 1, 1e-14);
    }

    /** The regularised upper incomplete gamma Q(k/2, x/2): the χ²(k) survival function, accurate in the far tail. */
    private static final class Gamma {
        static double regularizedQ(int dof, double x) {
            return org.apache.commons.math3.special.Gamma.regularizedGammaQ(dof / 2.0, x / 2.0);
        }
    }
}
