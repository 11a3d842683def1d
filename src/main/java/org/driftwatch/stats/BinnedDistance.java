package org.driftwatch.stats;

/**
 * KS distance and Wasserstein integral of two samples known only as counts in shared, ordered slots:
 * points (a single value) and open intervals between them. Each interval also carries Σ(v − anchor) of
 * its values per side (anchor: its left end, or its right end when the left is −∞), which makes
 * ∫(F_cur − F_ref) over the interval exact.
 * <p>D is taken where it is known exactly (after every point, and at the left limit of every
 * interval's right end, which the largest value inside attains), so it never overstates the exact D;
 * inside an interval F_ref moves by at most its reference share, which bounds how much it can
 * understate. The Wasserstein integral is exact on intervals where F_cur − F_ref keeps its sign; where
 * it may cross zero the midpoint of the possible range is used and half the range is added to the bound.
 */
public final class BinnedDistance {
    private BinnedDistance() {
    }

    /**
     * Per-slot inputs, all arrays of the same length and in increasing order of position. A slot whose
     * values were all seen may be <em>resolved</em>: {@code resolvedD} is then the largest |F_cur − F_ref|
     * inside it, {@code resolvedW} its exact ∫|F_cur − F_ref| and {@code resolvedSums} the exact partial
     * sums of the {@link EcdfStatistics} over its values (NaN and null elsewhere; the arrays null when no
     * slot is resolved).
     */
    public record Slots(double[] left, double[] right, boolean[] point, long[] reference, long[] current,
                        double[] referenceOffsetSum, double[] currentOffsetSum, double[] resolvedD, double[] resolvedW,
                        double[][] resolvedSums) {
        public Slots(double[] left, double[] right, boolean[] point, long[] reference, long[] current,
                     double[] referenceOffsetSum, double[] currentOffsetSum) {
            this(left, right, point, reference, current, referenceOffsetSum, currentOffsetSum, null, null, null);
        }

        public boolean resolved(int i) {
            return resolvedD != null && !Double.isNaN(resolvedD[i]);
        }
    }

    /** D with how much the exact D may exceed it, and the Wasserstein integral with its ± bound. */
    public record Result(double ks, double ksBound, double wasserstein, double wassersteinBound) {
    }

    public static Result compute(Slots s, long nRef, long nCur) {
        long cr = 0;
        long cc = 0;
        double lower = 0;
        double upper = 0;
        double w = 0;
        double wBound = 0;
        for (int i = 0; i < s.left().length; i++) {
            // shares from running counts, not running sums of shares: the same F wherever the slots are cut
            double fr = (double) cr / nRef;
            double fc = (double) cc / nCur;
            cr += s.reference()[i];
            cc += s.current()[i];
            double frEnd = (double) cr / nRef;
            double fcEnd = (double) cc / nCur;
            if (s.resolved(i)) {
                lower = Math.max(lower, s.resolvedD()[i]);
                w += s.resolvedW()[i];
                continue;
            }
            if (s.point()[i]) {
                lower = Math.max(lower, Math.abs(fcEnd - frEnd));
                continue;
            }
            double lowest = fc - frEnd;
            double highest = fcEnd - fr;
            if (s.reference()[i] + s.current()[i] > 0) {
                lower = Math.max(lower, Math.abs(fcEnd - frEnd));
                upper = Math.max(upper, Math.max(Math.abs(lowest), Math.abs(highest)));
            }
            // an empty interval still counts: the gap between two values carries |F_cur − F_ref| across it
            double[] part = integral(s, i, fr, fc, nRef, nCur, lowest, highest);
            w += part[0];
            wBound += part[1];
        }
        return new Result(lower, Math.max(0.0, upper - lower), w, wBound);
    }

    /**
     * The intervals whose values, once known, could change the result: where D may exceed {@code r.ks()}
     * (F_ref and F_cur move apart inside it by more than is known), or where F_cur − F_ref may change sign
     * so that the Wasserstein integral is not exact. With none, {@code r} is exact.
     */
    public static boolean[] unresolved(Slots s, long nRef, long nCur, Result r) {
        boolean[] open = new boolean[s.left().length];
        long cr = 0;
        long cc = 0;
        for (int i = 0; i < open.length; i++) {
            double fr = (double) cr / nRef;
            double fc = (double) cc / nCur;
            cr += s.reference()[i];
            cc += s.current()[i];
            if (!s.point()[i] && !s.resolved(i)) {
                double lowest = fc - (double) cr / nRef;
                double highest = (double) cc / nCur - fr;
                boolean ks = s.reference()[i] + s.current()[i] > 0 && Math.max(Math.abs(lowest), Math.abs(highest)) > r.ks();
                boolean finite = !Double.isInfinite(s.left()[i]) && !Double.isInfinite(s.right()[i]);
                open[i] = ks || finite && integral(s, i, fr, fc, nRef, nCur, lowest, highest)[1] > 0;
            }
        }
        return open;
    }

    /** ∫|F_cur − F_ref| over one interval: {estimate, bound}. */
    private static double[] integral(Slots s, int i, double fr, double fc, long nRef, long nCur,
                                     double lowest, double highest) {
        double left = s.left()[i];
        double right = s.right()[i];
        if (Double.isInfinite(left)) {
            // below every reference value: F_ref = 0, ∫F_cur = Σ(anchor − v)/n with anchor the right end
            return new double[] {-s.currentOffsetSum()[i] / nCur, 0.0};
        }
        if (Double.isInfinite(right)) {
            // above every reference value: F_ref = 1, ∫(1 − F_cur) = Σ(v − left)/n
            return new double[] {s.currentOffsetSum()[i] / nCur, 0.0};
        }
        double width = right - left;
        // ∫(F − F(left)) and ∫(F(right⁻) − F) over the interval, per side: exact from the offset sums
        double curRise = ((double) s.current()[i] * width - s.currentOffsetSum()[i]) / nCur;
        double refRise = ((double) s.reference()[i] * width - s.referenceOffsetSum()[i]) / nRef;
        double curFall = s.currentOffsetSum()[i] / nCur;
        double refFall = s.referenceOffsetSum()[i] / nRef;
        double exact = Math.abs((fc - fr) * width + curRise - refRise);
        if (lowest >= 0 || highest <= 0) {
            return new double[] {exact, 0.0};
        }
        // |d| ≤ |d(left)| + both sides' rise since, and likewise from the right end
        double fromLeft = Math.abs(fc - fr) * width + curRise + refRise;
        double dRight = (fc + (double) s.current()[i] / nCur) - (fr + (double) s.reference()[i] / nRef);
        double fromRight = Math.abs(dRight) * width + curFall + refFall;
        double most = Math.min(width * Math.max(-lowest, highest), Math.min(fromLeft, fromRight));
        most = Math.max(most, exact);
        return new double[] {(exact + most) / 2, (most - exact) / 2};
    }
}
