package org.driftwatch.profile.sketch;

import java.util.Arrays;
import org.driftwatch.stats.BinnedDistance;
import org.driftwatch.stats.EcdfWalk;

/**
 * One numeric column's shared slots (points and intervals, both sides' counts and offset sums) as the
 * distances are computed from, and how a finishing scan refines them: an interval the scan collected
 * becomes one resolved slot (its exact largest |F_cur − F_ref| and integral, so the slots never grow with
 * the values); an interval it counted in parts becomes those parts (a part holding one distinct value
 * becomes that point). Intervals are open, except parts after
 * the first, which are closed on the left ({@code [b_k, b_k+1)}).
 */
public final class SlotTable {
    private final BinnedDistance.Slots slots;
    private final boolean[] closedLeft;

    public SlotTable(BinnedDistance.Slots slots) {
        this(slots, new boolean[slots.left().length]);
    }

    private SlotTable(BinnedDistance.Slots slots, boolean[] closedLeft) {
        this.slots = slots;
        this.closedLeft = closedLeft;
    }

    public BinnedDistance.Slots slots() {
        return slots;
    }

    public int size() {
        return closedLeft.length;
    }

    public boolean closedLeft(int i) {
        return closedLeft[i];
    }

    /** Values of both sides in slot i. */
    public long values(int i) {
        return slots.reference()[i] + slots.current()[i];
    }

    /**
     * The slots once column c's regions of {@code plan} are known from both sides' counts.
     *
     * @param region per slot, its region in the plan, or −1 when the scan did not look into it
     */
    public SlotTable refine(int[] region, CrossingPlan plan, int c, CrossingCounts ref, CrossingCounts cur, long nRef, long nCur) {
        Builder out = new Builder(size() * 2);
        CrossingCounts.Pooled values = CrossingCounts.pooled(ref, cur, c);
        long cr = 0;
        long cc = 0;
        for (int i = 0; i < size(); i++) {
            int k = region[i];
            if (k < 0) {
                out.copy(this, i);
            } else if (plan.parts()[c][k] == 0) {
                collected(out, i, closedLeft[i], values, cr, cc, nRef, nCur);
            } else {
                parts(out, plan, c, k, ref, cur);
            }
            cr += slots.reference()[i];
            cc += slots.current()[i];
        }
        return out.build();
    }

    /**
     * A collected interval, resolved: walked value by value from the counts before it (as
     * {@link BinnedDistance} would walk its values as points and the gaps between them), it keeps only its
     * largest |F_cur − F_ref|, its exact integral and the {@link EcdfStatistics}' exact partial sums — one
     * slot, however many values it held.
     */
    private void collected(Builder out, int i, boolean closed, CrossingCounts.Pooled v, long cr, long cc, long nRef, long nCur) {
        double lo = slots.left()[i];
        double hi = slots.right()[i];
        int from = Arrays.binarySearch(v.values(), lo);
        from = from >= 0 ? (closed ? from : from + 1) : -from - 1;
        EcdfWalk walk = new EcdfWalk(nRef, nCur, cr, cc, lo);
        for (int j = from; j < v.values().length && v.values()[j] < hi; j++) {
            walk.value(v.values()[j], v.reference()[j], v.current()[j]);
        }
        walk.to(hi);
        out.resolved(lo, hi, slots.reference()[i], slots.current()[i], walk.largestGap(), walk.integral(), walk.partials());
    }

    private static void parts(Builder out, CrossingPlan plan, int c, int k, CrossingCounts ref, CrossingCounts cur) {
        int m = plan.parts()[c][k];
        for (int p = 0; p < m; p++) {
            int at = plan.firstPart()[c][k] + p;
            double left = plan.boundary(c, k, p);
            double right = plan.boundary(c, k, p + 1);
            long r = ref.count(c, at);
            long q = cur.count(c, at);
            double least = Math.min(ref.min(c, at), cur.min(c, at));
            double most = Math.max(ref.max(c, at), cur.max(c, at));
            if (r + q > 0 && least == most) {
                out.gap(left, least);
                out.point(least, r, q);
                out.gap(least, right);
            } else {
                out.interval(left, right, p > 0 || plan.closedLeft()[c][k], r, q, ref.offsetSum(c, at), cur.offsetSum(c, at));
            }
        }
    }

    /** Grows the slot arrays one slot at a time. */
    private static final class Builder {
        private double[] left;
        private double[] right;
        private boolean[] point;
        private boolean[] closed;
        private long[] ref;
        private long[] cur;
        private double[] refOffset;
        private double[] curOffset;
        private double[] resolvedD;
        private double[] resolvedW;
        private double[][] resolvedSums;
        private int size;

        Builder(int capacity) {
            left = new double[capacity];
            right = new double[capacity];
            point = new boolean[capacity];
            closed = new boolean[capacity];
            ref = new long[capacity];
            cur = new long[capacity];
            refOffset = new double[capacity];
            curOffset = new double[capacity];
            resolvedD = new double[capacity];
            resolvedW = new double[capacity];
            resolvedSums = new double[capacity][];
        }

        void copy(SlotTable t, int i) {
            BinnedDistance.Slots s = t.slots;
            if (s.resolved(i)) {
                resolved(s.left()[i], s.right()[i], s.reference()[i], s.current()[i], s.resolvedD()[i], s.resolvedW()[i],
                    s.resolvedSums()[i]);
            } else if (s.point()[i]) {
                point(s.left()[i], s.reference()[i], s.current()[i]);
            } else {
                interval(s.left()[i], s.right()[i], t.closedLeft[i], s.reference()[i], s.current()[i], s.referenceOffsetSum()[i],
                    s.currentOffsetSum()[i]);
            }
        }

        void resolved(double from, double to, long r, long c, double d, double w, double[] sums) {
            add(from, to, false, false, r, c, 0.0, 0.0);
            resolvedD[size - 1] = d;
            resolvedW[size - 1] = w;
            resolvedSums[size - 1] = sums;
        }

        void gap(double from, double to) {
            interval(from, to, false, 0, 0, 0.0, 0.0);
        }

        void point(double v, long r, long c) {
            add(v, v, true, false, r, c, 0.0, 0.0);
        }

        void interval(double from, double to, boolean closedLeft, long r, long c, double ro, double co) {
            add(from, to, false, closedLeft, r, c, ro, co);
        }

        private void add(double l, double h, boolean p, boolean cl, long r, long c, double ro, double co) {
            if (size == left.length) {
                int n = size * 2 + 16;
                left = Arrays.copyOf(left, n);
                right = Arrays.copyOf(right, n);
                point = Arrays.copyOf(point, n);
                closed = Arrays.copyOf(closed, n);
                ref = Arrays.copyOf(ref, n);
                cur = Arrays.copyOf(cur, n);
                refOffset = Arrays.copyOf(refOffset, n);
                curOffset = Arrays.copyOf(curOffset, n);
                resolvedD = Arrays.copyOf(resolvedD, n);
                resolvedW = Arrays.copyOf(resolvedW, n);
                resolvedSums = Arrays.copyOf(resolvedSums, n);
            }
            left[size] = l;
            right[size] = h;
            point[size] = p;
            closed[size] = cl;
            ref[size] = r;
            cur[size] = c;
            refOffset[size] = ro;
            curOffset[size] = co;
            resolvedD[size] = Double.NaN;
            resolvedW[size] = Double.NaN;
            resolvedSums[size] = null;
            size++;
        }

        SlotTable build() {
            return new SlotTable(new BinnedDistance.Slots(Arrays.copyOf(left, size), Arrays.copyOf(right, size),
                Arrays.copyOf(point, size), Arrays.copyOf(ref, size), Arrays.copyOf(cur, size), Arrays.copyOf(refOffset, size),
                Arrays.copyOf(curOffset, size), Arrays.copyOf(resolvedD, size), Arrays.copyOf(resolvedW, size),
                Arrays.copyOf(resolvedSums, size)), Arrays.copyOf(closed, size));
        }
    }
}
