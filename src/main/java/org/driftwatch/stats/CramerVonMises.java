package org.driftwatch.stats;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.util.ArithmeticUtils;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * Two-sample Cramér–von Mises test as {@code scipy.stats.cramervonmises_2samp(x, y)} (method 'auto'):
 * U = n·Σ(r_i − i)² + m·Σ(s_j − j)² over the midranks r of the reference and s of the current values in
 * the pooled sample (Anderson 1962, eq. 10), T = U / (nm(n+m)) − (4nm − 1) / (6(n+m)). The p-value is
 * exact (Xiao, Gordon and Yakovlev 2006) when max(n, m) ≤ 20, else from the limiting distribution of the
 * normalised statistic (Csörgő and Faraway 1996), with scipy's series and its stopping rule.
 * <p>Per distinct value with a reference and b current copies after A and B values, the midranks give
 * n·(a(B + b/2)² + a(a² − 1)/12) + m·(b(A + a/2)² + b(b² − 1)/12). Less sensitive than KS to a few
 * values far out and to tiny shifts at very large n, since it averages the ECDF gap instead of taking its
 * largest point.
 */
public final class CramerVonMises implements EcdfStatistic {
    public static final String NAME = "cramer_von_mises";
    static final int MAX_EXACT_N = 20;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String display() {
        return "Cramér–von Mises";
    }

    @Override
    public double term(long a, long b, long belowA, long belowB, long n, long m) {
        double x = belowB + b / 2.0;
        double y = belowA + a / 2.0;
        return n * (a * x * x + a * ((double) a * a - 1) / 12) + m * (b * y * y + b * ((double) b * b - 1) / 12);
    }

    /**
     * Within the interval the k-th reference value has belowR + k − 1 reference values before it and
     * belowC + β_k current ones (β in [0, c], ties counting half), the j-th current value belowC + j − 1
     * and belowR + α_j; every reference–current pair is ordered one way, so Σβ + Σα = rc. Jensen gives the
     * least for a given X = Σβ (a convex quadratic in X), the chord of the square the most (linear in X),
     * and ties add at most r(r² − 1)/12 and c(c² − 1)/12.
     */
    @Override
    public double[] span(long r, long c, long belowR, long belowC, long n, long m) {
        double b0 = belowC;
        double a0 = belowR;
        double least;
        double most;
        if (r == 0) {
            least = m * c * a0 * a0;
            most = least;
        } else if (c == 0) {
            least = n * r * b0 * b0;
            most = least;
        } else {
            double x = (m * (a0 + r) - n * b0) / ((double) n / r + (double) m / c);
            x = Math.max(0, Math.min((double) r * c, x));
            double low = n * r * square(b0 + x / r) + m * c * square(a0 + r - x / c);
            least = low;
            double atZero = n * r * b0 * b0 + m * (c * a0 * a0 + (double) r * c * (2 * a0 + r));
            double atAll = n * (r * b0 * b0 + (double) r * c * (2 * b0 + c)) + m * c * a0 * a0;
            most = Math.max(atZero, atAll);
        }
        most += n * r * ((double) r * r - 1) / 12 + m * c * ((double) c * c - 1) / 12;
        return new double[] {least, most};
    }

    @Override
    public Result test(double least, double most, long n, long m, long distinct) {
        if (n < 2 || m < 2 || !Double.isFinite(least) || !Double.isFinite(most)) {
            return null;
        }
        double k = (double) n * m;
        double size = (double) n + m;
        double u = (least + most) / 2;
        double t = u / (k * size) - (4 * k - 1) / (6 * size);
        double bound = (most - least) / 2 / (k * size);
        double p = Math.max(n, m) <= MAX_EXACT_N && bound == 0 ? exactP(u, (int) n, (int) m) : asymptoticP(t, n, m);
        return new Result(t, p, bound);
    }

    /** scipy's {@code _pval_cvm_2samp_asymptotic}. */
    static double asymptoticP(double t, long nx, long ny) {
        double k = (double) nx * ny;
        double size = (double) nx + ny;
        double et = (1 + 1 / size) / 6;
        double vt = (size + 1) * (4 * k * size - 3 * ((double) nx * nx + (double) ny * ny) - 2 * k) / (45 * size * size * 4 * k);
        double tn = 1.0 / 6 + (t - et) / Math.sqrt(45 * vt);
        return tn < 0.003 ? 1.0 : Math.max(0.0, 1.0 - limitingCdf(tn));
    }

    /** The CDF of the one-sample statistic's limiting distribution (Csörgő and Faraway 1996, eq. 1.2), scipy's {@code _cdf_cvm_inf}. */
    static double limitingCdf(double x) {
        double total = 0;
        for (int k = 0; ; k++) {
            double u = Math.exp(Gamma.logGamma(k + 0.5) - Gamma.logGamma(k + 1)) / (Math.pow(Math.PI, 1.5) * Math.sqrt(x));
            double y = 4 * k + 1;
            double q = y * y / (16 * x);
            double z = u * Math.sqrt(y) * Math.exp(-q) * besselK(0.25, q);
            total += z;
            if (Math.abs(z) < 1e-7) {
                return total;
            }
        }
    }

    /**
     * The modified Bessel function of the second kind K_ν(q) (scipy's {@code kv}) by the trapezoidal rule on
     * K_ν(q) = e^(−q)·∫₀^∞ e^(−q(cosh t − 1))·cosh(νt) dt, exponentially accurate for this analytic,
     * doubly exponentially decaying integrand.
     */
    static double besselK(double nu, double q) {
        double h = 1.0 / 32;
        double sum = 0.5;
        for (int j = 1; ; j++) {
            double t = j * h;
            double f = Math.exp(-q * (Math.cosh(t) - 1)) * Math.cosh(nu * t);
            sum += f;
            if (f < 1e-18 * sum) {
                break;
            }
        }
        return Math.exp(-q) * h * sum;
    }

    /**
     * scipy's {@code _pval_cvm_2samp_exact}: the frequencies of every attainable statistic, built by the
     * recursion of Xiao et al. (eq. 11) over a lattice path through the two samples.
     */
    static double exactP(double u, int m, int n) {
        long lcm = ArithmeticUtils.lcm((long) m, (long) n);
        long a = lcm / m;
        long b = lcm / n;
        long mn = (long) m * n;
        double zeta = floorDivide((double) (lcm * lcm * (m + n)) * (6 * u - mn * (4.0 * mn - 1)), 6.0 * mn * mn);
        @SuppressWarnings("unchecked")
        Map<Long, Long>[] gs = new Map[m + 1];
        gs[0] = new HashMap<>(Map.of(0L, 1L));
        for (int v = 1; v <= m; v++) {
            gs[v] = new HashMap<>();
        }
        for (int i = 0; i <= n; i++) {
            @SuppressWarnings("unchecked")
            Map<Long, Long>[] next = new Map[m + 1];
            Map<Long, Long> tmp = new HashMap<>();
            for (int v = 0; v <= m; v++) {
                Map<Long, Long> merged = new HashMap<>(tmp);
                gs[v].forEach((value, f) -> merged.merge(value, f, Long::sum));
                long res = (a * v - b * i) * (a * v - b * i);
                tmp = new HashMap<>();
                for (Map.Entry<Long, Long> e : merged.entrySet()) {
                    tmp.put(e.getKey() + res, e.getValue());
                }
                next[v] = tmp;
            }
            gs = next;
        }
        long hits = 0;
        for (Map.Entry<Long, Long> e : gs[m].entrySet()) {
            if (e.getKey() >= zeta) {
                hits += e.getValue();
            }
        }
        return hits / (double) CombinatoricsUtils.binomialCoefficient(m + n, m);
    }

    /** Python's float {@code x // y} (scipy computes zeta so), exact where a plain floor of x / y may round up to an integer. */
    static double floorDivide(double x, double y) {
        double mod = x % y;
        double div = (x - mod) / y;
        if (mod != 0 && (y < 0) != (mod < 0)) {
            div -= 1.0;
        }
        double floor = Math.floor(div);
        return div - floor > 0.5 ? floor + 1.0 : floor;
    }

    private static double square(double v) {
        return v * v;
    }
}
