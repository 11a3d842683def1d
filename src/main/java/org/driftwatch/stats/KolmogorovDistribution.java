package org.driftwatch.stats;

import org.apache.commons.math3.special.Gamma;

/**
 * Survival function of the two-sided one-sample Kolmogorov–Smirnov statistic D_n, as scipy's
 * {@code kstwo.sf(x, n)}: the Simard–L'Ecuyer (2011) choice among the Ruben–Gambino closed forms,
 * the exact Durbin matrix (Marsaglia–Tsang–Wang scaling), twice the exact one-sided Smirnov tail
 * (Birnbaum–Tingey sum) where the two tails cannot overlap or their overlap is negligible, and the
 * Pelz–Good asymptotic series for large n.
 * <p>Longer than the house's 250 lines on purpose: one distribution whose regimes share the scaling and
 * the regime boundaries; split apart, the thresholds that pick a regime would sit away from the forms they pick.
 */
public final class KolmogorovDistribution {
    private static final int SCALE_EXP = 128;
    private static final double SCALE_UP = Math.scalb(1.0, SCALE_EXP);
    private static final double SCALE_DOWN = Math.scalb(1.0, -SCALE_EXP);

    private KolmogorovDistribution() {
    }

    /** P(D_n ≥ x). */
    public static double survival(long n, double x) {
        if (x >= 1.0) {
            return 0.0;
        }
        if (x <= 0.0) {
            return 1.0;
        }
        double t = n * x;
        if (t <= 1.0) {
            if (t <= 0.5) {
                return 1.0;
            }
            double cdf = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
            return clip(1.0 - cdf);
        }
        if (t >= n - 1) {
            return clip(2 * Math.pow(1.0 - x, n));
        }
        if (x >= 0.5) {
            return clip(2 * smirnov(n, x));
        }
        double nxSquared = t * x;
        if (n <= 140) {
            if (nxSquared <= 4) {
                // scipy uses Pomeranz above 0.754693; the Durbin matrix is exact too and small here
                return clip(1.0 - durbinCdf(n, x));
            }
            return clip(2 * smirnov(n, x));
        }
        if (nxSquared >= 370.0) {
            return 0.0;
        }
        if (nxSquared >= 2.2) {
            return clip(2 * smirnov(n, x));
        }
        double cdf;
        if (n <= 100_000 && n * Math.pow(x, 1.5) <= 1.4) {
            cdf = durbinCdf(n, x);
        } else {
            cdf = pelzGoodCdf(n, x);
        }
        return clip(1.0 - cdf);
    }

    /** log(n!/n^n) by Stirling's series with n·log(n) removed up front. */
    private static double logFactorialOverPower(long n) {
        if (n <= 140) {
            double p = 0.0;
            for (long i = 1; i <= n; i++) {
                p += Math.log((double) i / n);
            }
            return p;
        }
        double rn = 1.0 / n;
        double[] c = {-2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3,
            8.4175084175084175084e-4, -5.952380952380952381e-4, 7.9365079365079365079e-4,
            -2.7777777777777777778e-3, 8.3333333333333333333e-2};
        double poly = 0.0;
        double z = rn / n;
        for (double ci : c) {
            poly = poly * z + ci;
        }
        return Math.log(n) / 2 - n + Math.log(2 * Math.PI) / 2 + rn * poly;
    }

    /**
     * One-sided tail P(D_n^+ ≥ x): exact by the Birnbaum–Tingey sum up to n = 10^6, above as scipy does,
     * with the sum {@code x · Σ_{v=0}^{⌊n(1−x)⌋} C(n,v) (x+v/n)^{v−1} (1−x−v/n)^{n−v}}, terms in log space.
     */
    static double smirnov(long n, double x) {
        if (n > SMIRNOV_MAX_COMPUTE_N) {
            // scipy's smirnov above a million: p ≈ exp(−(6nx+1)²/18n), not the sum of n terms
            double logp = -Math.pow(6.0 * n * x + 1, 2) / 18.0 / n;
            return logp < -Math.log(2) ? Math.exp(logp) : 1 - (-Math.expm1(logp));
        }
        long vmax = (long) Math.floor(n * (1.0 - x));
        double logNFact = logFactorial(n);
        double sum = 0.0;
        for (long v = 0; v <= vmax; v++) {
            double evn = x + (double) v / n;
            double omevn = 1.0 - evn;
            if (omevn <= 0.0 && n - v > 0) {
                continue;
            }
            double logTerm = logNFact - logFactorial(v) - logFactorial(n - v)
                + (v - 1) * Math.log(evn) + (n - v == 0 ? 0.0 : (n - v) * Math.log(omevn));
            if (logTerm > -745) {
                sum += Math.exp(logTerm);
            }
        }
        return sum * x;
    }

    /** Above this n scipy (xsf/cephes {@code _smirnov}) approximates the one-sided tail instead of summing. */
    static final long SMIRNOV_MAX_COMPUTE_N = 1_000_000;
    private static final int FACTORIAL_TABLE = 256;
    private static final double[] LOG_FACTORIAL = new double[FACTORIAL_TABLE];

    static {
        for (int i = 0; i < FACTORIAL_TABLE; i++) {
            LOG_FACTORIAL[i] = Gamma.logGamma(i + 1.0);
        }
    }

    /**
     * log(v!): a table below 256, above it Stirling's series to the x^-9 term (truncation below 1e-20,
     * under the rounding of the result). The Smirnov sum needs two per term, millions of terms at large
     * n: the series costs a fraction of a Lanczos {@code logGamma} and agrees with it to ~1e-15.
     */
    static double logFactorial(long v) {
        if (v < FACTORIAL_TABLE) {
            return LOG_FACTORIAL[(int) v];
        }
        double x = v;
        double r = 1.0 / x;
        double r2 = r * r;
        double series = r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680 - r2 / 1188))));
        return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + series;
    }

    /** P(D_n ≤ d) by Durbin's matrix, raised to the n-th power with exponent tracking (MTW 2003). */
    static double durbinCdf(long n, double d) {
        double nd = n * d;
        if (nd <= 0.5) {
            return 0.0;
        }
        int k = (int) Math.ceil(nd);
        double h = k - nd;
        int m = 2 * k - 1;
        double[] v = new double[m];
        double[] w = new double[m];
        double fac = 1.0;
        for (int j = 1; j <= m; j++) {
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] = (1.0 - Math.pow(h, j)) * fac;
        }
        double tt = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
        v[m - 1] = (1.0 + tt) * fac;
        double[][] hm = new double[m][m];
        for (int i = 1; i < m; i++) {
            for (int r = i - 1; r < m; r++) {
                hm[r][i] = w[r - (i - 1)];
            }
        }
        for (int r = 0; r < m; r++) {
            hm[r][0] = v[r];
            hm[m - 1][r] = v[m - 1 - r];
        }
        double[][] power = identity(m);
        long nn = n;
        long exponent = 0;
        long hExponent = 0;
        while (nn > 0) {
            if (nn % 2 == 1) {
                power = multiply(power, hm);
                exponent += hExponent;
            }
            hm = multiply(hm, hm);
            hExponent *= 2;
            if (Math.abs(hm[k - 1][k - 1]) > SCALE_UP) {
                scale(hm, SCALE_DOWN);
                hExponent += SCALE_EXP;
            }
            nn /= 2;
        }
        double p = power[k - 1][k - 1];
        for (long i = 1; i <= n; i++) {
            p = i * p / n;
            if (Math.abs(p) < SCALE_DOWN) {
                p *= SCALE_UP;
                exponent -= SCALE_EXP;
            }
        }
        return Math.scalb(p, (int) exponent);
    }

    /** Pelz–Good (1976) asymptotic series for P(D_n ≤ x), good for large n. */
    static double pelzGoodCdf(long n, double x) {
        double z = Math.sqrt(n) * x;
        double z2 = z * z;
        double z3 = z2 * z;
        double z4 = z2 * z2;
        double z6 = z4 * z2;
        double pi2 = Math.PI * Math.PI;
        double pi4 = pi2 * pi2;
        double pi6 = pi4 * pi2;
        double qlog = -pi2 / 8 / z2;
        if (qlog < -708) {
            return 0.0;
        }
        double q = Math.exp(qlog);
        double k1a = -z2;
        double k1b = pi2 / 4;
        double k2a = 6 * z6 + 2 * z4;
        double k2b = (2 * z4 - 5 * z2) * pi2 / 4;
        double k2c = pi4 * (1 - 2 * z2) / 16;
        double k3d = pi6 * (5 - 30 * z2) / 64;
        double k3c = pi4 * (-60 * z2 + 212 * z4) / 16;
        double k3b = pi2 * (135 * z4 - 96 * z6) / 4;
        double k3a = -30 * z6 - 90 * Math.pow(z, 8);
        double[] k = new double[4];
        int maxk = (int) Math.ceil(16 * z / Math.PI);
        for (int kk = maxk; kk > 0; kk--) {
            double m = 2 * kk - 1;
            double m2 = m * m;
            double m4 = m2 * m2;
            double m6 = m4 * m2;
            double qpower = Math.pow(q, 8 * kk);
            double[] coeffs = {1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6};
            for (int i = 0; i < 4; i++) {
                k[i] = k[i] * qpower + coeffs[i];
            }
        }
        double sqrt2pi = Math.sqrt(2 * Math.PI);
        double[] div = {z, 6 * z4, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
        for (int i = 0; i < 4; i++) {
            k[i] = k[i] * q * sqrt2pi / div[i];
        }
        double q2 = Math.exp(-pi2 / 2 / z2);
        double k2extra = 0.0;
        double k3extra = 0.0;
        double sqrt3z = Math.sqrt(3) * z;
        for (int kk = maxk; kk > 0; kk--) {
            double ks2 = (double) kk * kk;
            double qp = Math.pow(q2, ks2);
            double kspi = Math.PI * kk;
            k2extra += ks2 * qp;
            k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ks2 * qp;
        }
        k[2] += k2extra * pi2 * sqrt2pi / (-36 * z3);
        k[3] += k3extra * pi2 * sqrt2pi / (216 * z6);
        double total = 0.0;
        for (int i = 0; i < 4; i++) {
            total += k[i] / Math.pow(n, i / 2.0);
        }
        return total;
    }

    private static double[][] identity(int m) {
        double[][] id = new double[m][m];
        for (int i = 0; i < m; i++) {
            id[i][i] = 1.0;
        }
        return id;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int m = a.length;
        double[][] c = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int l = 0; l < m; l++) {
                double ail = a[i][l];
                if (ail == 0.0) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    c[i][j] += ail * b[l][j];
                }
            }
        }
        return c;
    }

    private static void scale(double[][] a, double f) {
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= f;
            }
        }
    }

    private static double clip(double p) {
        return Math.min(1.0, Math.max(0.0, p));
    }
}
