package org.driftwatch.profile.sketch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.driftwatch.stats.BinnedDistance;
import org.driftwatch.stats.KolmogorovSmirnov;
import org.driftwatch.stats.Wasserstein;
import org.junit.jupiter.api.Test;

/**
 * The finishing rounds without Spark: region lookups equal a search of every region, and rounds of
 * counting parts and collecting values, fed the samples directly, end at the exact KS D and Wasserstein
 * distance (as scipy defines them) with both bounds 0.
 */
class CrossingPlanTest {

    @Test
    void aValueIsFoundInItsRegionAndOnlyThere() {
        Random rnd = new Random(7);
        double[] edges = rnd.doubles(400, -50, 50).sorted().toArray();
        int k = edges.length / 2;
        double[] lo = new double[k];
        double[] hi = new double[k];
        boolean[] closed = new boolean[k];
        int[] parts = new int[k];
        for (int i = 0; i < k; i++) {
            lo[i] = edges[2 * i];
            hi[i] = i % 5 == 0 ? edges[2 * i + 1] : Math.nextUp(edges[2 * i]) ;
            closed[i] = i % 3 == 0;
            parts[i] = i % 2 == 0 ? 0 : 1 + i % 7;
        }
        CrossingPlan plan = CrossingPlan.of(new CrossingPlan.Regions[] {new CrossingPlan.Regions(lo, hi, closed, parts)}, new long[] {10});
        double[] probes = new double[20_000];
        for (int j = 0; j < probes.length; j++) {
            int i = rnd.nextInt(k);
            probes[j] = switch (j % 4) {
                case 0 -> lo[i];
                case 1 -> hi[i];
                case 2 -> lo[i] + (hi[i] - lo[i]) * rnd.nextDouble();
                default -> rnd.nextDouble() * 120 - 60;
            };
        }
        for (double v : probes) {
            int expected = -1;
            for (int i = 0; i < k; i++) {
                if ((closed[i] ? v >= lo[i] : v > lo[i]) && v < hi[i]) {
                    expected = i;
                }
            }
            int found = plan.region(0, v);
            assertEquals(expected, found, "value " + v);
            if (found >= 0 && parts[found] > 0) {
                int p = plan.part(0, found, v);
                assertTrue(v >= plan.boundary(0, found, p) && v < plan.boundary(0, found, p + 1) || p == 0, "part of " + v);
            }
        }
    }

    /**
     * A round's parts stay within its budget — the first round's (a small table for a scan through nearly
     * every value), later rounds' twice that — and an interval too large to collect is counted in parts.
     */
    @Test
    void roundsStayWithinTheirPartsBudget() {
        int slots = 4000;
        double[] left = new double[slots];
        double[] right = new double[slots];
        long[] counts = new long[slots];
        for (int i = 0; i < slots; i++) {
            left[i] = i;
            right[i] = i + 1;
            counts[i] = 20_000;   // 80M values per side: far more parts wanted than any budget
        }
        BinnedDistance.Slots s = new BinnedDistance.Slots(left, right, new boolean[slots], counts, counts.clone(),
            new double[slots], new double[slots]);
        boolean[] open = new boolean[slots];
        Arrays.fill(open, true);
        int first = CrossingPlanner.plan(new SlotTable[] {new SlotTable(s)}, new boolean[][] {open}, 0).plan().partCount(0);
        int later = CrossingPlanner.plan(new SlotTable[] {new SlotTable(s)}, new boolean[][] {open}, 1).plan().partCount(0);
        assertTrue(first <= CrossingPlanner.PARTS && first > CrossingPlanner.PARTS * 0.9, "first round: " + first);
        assertTrue(later <= CrossingPlanner.LATER_PARTS && later > CrossingPlanner.LATER_PARTS * 0.9, "later round: " + later);
        assertEquals(2 * CrossingPlanner.PARTS, CrossingPlanner.LATER_PARTS);
    }

    /**
     * A round keeps the values of every open slot (adjacent ones joined) only when they are few, and what
     * it keeps covers the slots later rounds look into — not an interval reaching beyond, nor a closed end
     * where the kept one is open.
     */
    @Test
    void keptRegionsCoverTheOpenSlotsAndNothingWider() {
        double[] ref = sample(new Random(8), 40_000, 0, false);
        double[] cur = sample(new Random(9), 30_000, 0, false);
        SlotTable[] t = {new SlotTable(cells(ref, cur, 400))};
        long values = ref.length + cur.length;
        BinnedDistance.Result r = BinnedDistance.compute(t[0].slots(), ref.length, cur.length);
        boolean[][] open = {BinnedDistance.unresolved(t[0].slots(), ref.length, cur.length, r)};
        CrossingPlan plan = CrossingPlanner.plan(t, open, 0).plan();
        CrossingPlanner.Kept kept = CrossingPlanner.keep(t, open, 4 * values, Long.MAX_VALUE);
        long inside = 0;
        for (int i = 0; i < open[0].length; i++) {
            inside += open[0][i] ? t[0].values(i) : 0;
        }
        if (inside > CrossingPlanner.KEEP_SHARE * 4 * values) {
            kept = CrossingPlanner.keep(t, open, inside * 16, Long.MAX_VALUE);
        }
        assertTrue(kept != null && kept.values() == inside, "kept " + kept);
        assertTrue(kept.regions().lo()[0].length <= plan.lo()[0].length, "one region per open slot at most");
        assertTrue(kept.regions().covers(0, plan, 0), "the round's regions lie inside what it keeps");
        assertEquals(null, CrossingPlanner.keep(t, open, inside * 4, Long.MAX_VALUE), "too large a share of the values");
        assertEquals(null, CrossingPlanner.keep(t, open, inside * 16, inside * 3), "not much less than is kept already");
        double l = kept.regions().lo()[0][0];
        double h = kept.regions().hi()[0][0];
        CrossingPlan wider = CrossingPlan.of(new CrossingPlan.Regions[] {new CrossingPlan.Regions(
            new double[] {l}, new double[] {Math.nextUp(h)}, new boolean[] {false}, new int[] {2})}, new long[1]);
        CrossingPlan closedEnd = CrossingPlan.of(new CrossingPlan.Regions[] {new CrossingPlan.Regions(
            new double[] {l}, new double[] {h}, new boolean[] {true}, new int[] {2})}, new long[1]);
        CrossingPlan inner = CrossingPlan.of(new CrossingPlan.Regions[] {new CrossingPlan.Regions(
            new double[] {l}, new double[] {h}, new boolean[] {false}, new int[] {2})}, new long[1]);
        assertFalse(kept.regions().covers(0, wider, 0));
        assertEquals(kept.regions().closedLeft()[0][0], kept.regions().covers(0, closedEnd, 0));
        assertTrue(kept.regions().covers(0, inner, 0));
    }

    /** The batch step (a scan of column batches) counts exactly as value-by-value adds (a scan of rows). */
    @Test
    void batchAddsCountLikeSingleAdds() {
        double[] ref = sample(new Random(5), 40_000, 0, true);
        double[] cur = sample(new Random(6), 30_000, 0.1, false);
        SlotTable[] t = {new SlotTable(cells(ref, cur, 3000))};
        BinnedDistance.Result r = BinnedDistance.compute(t[0].slots(), ref.length, cur.length);
        CrossingPlan plan = CrossingPlanner.plan(t, new boolean[][] {BinnedDistance.unresolved(t[0].slots(), ref.length, cur.length, r)}).plan();
        assertTrue(plan.partCount(0) > 0 && plan.collect()[0] > 0, "both parts and collected values");
        // every part boundary and its neighbours too: where the batch step's part search must agree exactly
        java.util.List<Double> edges = new java.util.ArrayList<>();
        for (int k = 0; k < plan.lo()[0].length; k++) {
            for (int p = 0; p <= plan.parts()[0][k]; p++) {
                double b = plan.boundary(0, k, p);
                edges.add(b);
                edges.add(Math.nextDown(b));
                edges.add(Math.nextUp(b));
            }
        }
        double[] values = java.util.Arrays.copyOf(cur, cur.length + edges.size());
        for (int i = 0; i < edges.size(); i++) {
            values[cur.length + i] = edges.get(i);
        }
        values[3] = Double.NaN;
        values[4] = -0.0;
        values[5] = Double.POSITIVE_INFINITY;
        boolean[] missing = new boolean[values.length];
        missing[7] = true;
        CrossingCounts one = new CrossingCounts(plan);
        for (int i = 0; i < values.length; i++) {
            if (!missing[i] && Double.isFinite(values[i])) {
                one.add(0, values[i] + 0.0, plan);
            }
        }
        CrossingCounts bulk = new CrossingCounts(plan);
        bulk.addAll(0, values, missing, values.length, plan, new int[values.length], new double[values.length]);
        for (int p = 0; p < plan.partCount(0); p++) {
            assertEquals(one.count(0, p), bulk.count(0, p), "count of part " + p);
            assertEquals(one.offsetSum(0, p), bulk.offsetSum(0, p), 0.0, "offsets of part " + p);
            assertEquals(one.min(0, p), bulk.min(0, p), 0.0);
            assertEquals(one.max(0, p), bulk.max(0, p), 0.0);
        }
        assertTrue(java.util.Arrays.equals(one.sortedValues(0), bulk.sortedValues(0)), "collected values");
    }

    @Test
    void roundsEndAtTheExactDistancesWithoutDrift() {
        assertExactAfterRounds(sample(new Random(1), 60_000, 0, false), sample(new Random(2), 50_000, 0, false));
    }

    @Test
    void roundsEndAtTheExactDistancesWithDriftAndTies() {
        assertExactAfterRounds(sample(new Random(3), 60_000, 0, true), sample(new Random(4), 50_000, 0.2, true));
    }

    /** A normal column, or one rounded to 1/8 (ties across the cells' insides), as scans would see it. */
    private static double[] sample(Random rnd, int n, double shift, boolean ties) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double v = rnd.nextGaussian() * 3 + shift;
            x[i] = ties ? Math.round(v * 8) / 8.0 : v;
        }
        return x;
    }

    private static void assertExactAfterRounds(double[] ref, double[] cur) {
        SlotTable[] t = {new SlotTable(cells(ref, cur, 200))};
        long nr = ref.length;
        long nc = cur.length;
        BinnedDistance.Result r = BinnedDistance.compute(t[0].slots(), nr, nc);
        assertTrue(r.ksBound() > 0 || r.wassersteinBound() > 0, "the cells alone leave bounds");
        int rounds = 0;
        for (boolean[] open = BinnedDistance.unresolved(t[0].slots(), nr, nc, r); any(open); rounds++) {
            assertTrue(rounds < 8, "too many rounds");
            CrossingPlanner.Round round = CrossingPlanner.plan(t, new boolean[][] {open});
            CrossingCounts a = new CrossingCounts(round.plan());
            CrossingCounts b = new CrossingCounts(round.plan());
            for (double v : ref) {
                a.add(0, v, round.plan());
            }
            for (double v : cur) {
                b.add(0, v, round.plan());
            }
            t[0] = t[0].refine(round.region()[0], round.plan(), 0, a, b, nr, nc);
            r = BinnedDistance.compute(t[0].slots(), nr, nc);
            open = BinnedDistance.unresolved(t[0].slots(), nr, nc, r);
        }
        assertEquals(0.0, r.ksBound());
        assertEquals(0.0, r.wassersteinBound());
        assertTrue(t[0].size() < (ref.length + cur.length) / 4, "collected intervals are one slot each: " + t[0].size() + " slots");
        assertEquals(KolmogorovSmirnov.statistic(ref, cur), r.ks(), 1e-12);
        double w = Wasserstein.distance(ref, cur);
        assertEquals(w, r.wasserstein(), 1e-9 * w);
    }

    private static boolean any(boolean[] open) {
        for (boolean o : open) {
            if (o) {
                return true;
            }
        }
        return false;
    }

    /**
     * Slots as the current scan leaves them: reference cells of {@code per} sorted values (gap, min,
     * inside, max), both sides counted in them with offset sums.
     */
    static BinnedDistance.Slots cells(double[] reference, double[] current, int per) {
        double[] ref = reference.clone();
        Arrays.sort(ref);
        int n = ref.length;
        double[] min = new double[n];
        double[] max = new double[n];
        int cells = 0;
        for (int i = 0; i < n; cells++) {
            int j = Math.min(n, i + per);
            while (j < n && ref[j] == ref[j - 1]) {
                j++;   // a value's copies stay in one cell
            }
            min[cells] = ref[i];
            max[cells] = ref[j - 1];
            i = j;
        }
        min = Arrays.copyOf(min, cells);
        max = Arrays.copyOf(max, cells);
        int slots = 4 * cells + 1;
        double[] left = new double[slots];
        double[] right = new double[slots];
        boolean[] point = new boolean[slots];
        for (int c = 0; c < cells; c++) {
            left[4 * c] = c == 0 ? Double.NEGATIVE_INFINITY : max[c - 1];
            right[4 * c] = min[c];
            left[4 * c + 1] = right[4 * c + 1] = min[c];
            point[4 * c + 1] = true;
            left[4 * c + 2] = min[c];
            right[4 * c + 2] = max[c];
            left[4 * c + 3] = right[4 * c + 3] = max[c];
            point[4 * c + 3] = true;
        }
        left[4 * cells] = max[cells - 1];
        right[4 * cells] = Double.POSITIVE_INFINITY;
        long[] rc = new long[slots];
        long[] cc = new long[slots];
        double[] ro = new double[slots];
        double[] co = new double[slots];
        place(reference, min, max, left, right, rc, ro);
        place(current, min, max, left, right, cc, co);
        return new BinnedDistance.Slots(left, right, point, rc, cc, ro, co);
    }

    private static void place(double[] values, double[] min, double[] max, double[] left, double[] right, long[] count, double[] offset) {
        for (double v : values) {
            int at = Arrays.binarySearch(min, v);
            int s;
            if (at >= 0) {
                s = 4 * at + 1;
            } else {
                int cell = -at - 2;
                s = cell < 0 ? 0 : v < max[cell] ? 4 * cell + 2 : v == max[cell] ? 4 * cell + 3 : 4 * (cell + 1);
            }
            count[s]++;
            offset[s] += v - (Double.isInfinite(left[s]) ? right[s] : left[s]);
        }
    }
}
