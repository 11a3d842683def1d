package org.driftwatch.stats;

/**
 * Percentiles exactly as numpy's default {@code np.percentile(x, q)} (method 'linear', Hyndman–Fan
 * type 7): virtual index {@code (n-1)·q}, then numpy's two-sided lerp, so results are bit-identical.
 */
public final class Percentiles {
    private Percentiles() {
    }

    /** Where the q-th fraction falls among n sorted values: the two 0-based ranks and the weight between. */
    public record Position(long lower, long upper, double gamma) {
    }

    /** @param fraction q/100 as numpy computes it ({@code q / 100.0}) */
    public static Position position(long n, double fraction) {
        if (n <= 0) {
            throw new IllegalArgumentException("percentile of an empty sample");
        }
        double v = (n - 1) * fraction;
        if (v >= n - 1) {
            return new Position(n - 1, n - 1, 0.0);
        }
        if (v < 0) {
            return new Position(0, 0, 0.0);
        }
        long lo = (long) Math.floor(v);
        return new Position(lo, lo + 1, v - lo);
    }

    /** numpy's {@code _lerp}: evaluated from the nearer end so it is monotone and exact at the ends. */
    public static double lerp(double a, double b, double t) {
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
    }

    /** Percentile of already sorted values; {@code percent} in [0, 100]. */
    public static double ofSorted(double[] sorted, double percent) {
        Position p = position(sorted.length, percent / 100.0);
        return lerp(sorted[(int) p.lower()], sorted[(int) p.upper()], p.gamma());
    }

    /** The fractions numpy uses for {@code np.linspace(0, 100, bins + 1) / 100}. */
    public static double[] linspaceFractions(int bins) {
        double[] q = new double[bins + 1];
        double step = 100.0 / bins;
        for (int i = 0; i <= bins; i++) {
            // np.linspace computes start + i*step, and sets the last point to stop exactly
            double percent = i == bins ? 100.0 : i * step;
            q[i] = percent / 100.0;
        }
        return q;
    }
}
