package org.driftwatch.profile.sketch;

/**
 * Chooses what one finishing scan looks into, within what a scan task and the driver may hold: an open
 * interval with few values is collected, a larger one is counted in parts of about {@link #PER_PART}
 * values (2 to {@link #MAX_PARTS}). When the columns together want more parts than the round's budget
 * ({@link #PARTS} in the first round, {@link #LATER_PARTS} after), every interval gets proportionally
 * fewer; when collecting would exceed {@link #VALUES}, the largest collected intervals are counted in
 * parts instead. Each round at least halves every interval it looks into, so a few rounds leave only
 * collected values.
 *
 * <p>Without drift the ECDFs cross about √n times per column, and a round divides the values near the
 * crossings by about (parts per column) / √n: the parts budget, not the data, sets the number of rounds
 * (at 50M rows, 2^19 parts per round took six). The first round looks into nearly every value, so its
 * table is kept small for the cache; later rounds look into a few per cent of the values and can afford
 * twice the parts.
 */
public final class CrossingPlanner {
    /** Values (both sides) an interval may hold to be collected outright. */
    static final int COLLECT = 2048;
    static final int PER_PART = 64;
    static final int MAX_PARTS = 1 << 14;
    /** Parts over all columns of the first scan: 32 bytes each per task (16 MB). */
    static final int PARTS = 1 << 19;
    /** Parts over all columns of a later scan (32 MB per task). */
    static final int LATER_PARTS = 1 << 20;
    /** Collected values over all columns of one scan: 8 bytes each, 32 MB on the driver. */
    static final long VALUES = 1 << 22;

    /**
     * A round whose open intervals hold at most this share of all values keeps those values on the
     * executors, and later rounds read them instead of the files: without drift the first round looks
     * into most values, the second into a few per cent.
     */
    static final double KEEP_SHARE = 1.0 / 8;

    private CrossingPlanner() {
    }

    /** What a round keeps for the rounds after it: its open intervals (adjacent ones joined) and the values they hold. */
    public record Kept(CrossingPlan regions, long values) {
    }

    /**
     * What this round should keep, or null: when its open intervals hold at most {@link #KEEP_SHARE} of
     * the columns' {@code values} and at most a quarter of what is kept already ({@code kept}, or
     * {@link Long#MAX_VALUE} when nothing is).
     */
    public static Kept keep(SlotTable[] tables, boolean[][] open, long values, long kept) {
        long inside = 0;
        for (int c = 0; c < tables.length; c++) {
            for (int i = 0; open[c] != null && i < open[c].length; i++) {
                inside += open[c][i] ? tables[c].values(i) : 0;
            }
        }
        if (inside > KEEP_SHARE * values || kept != Long.MAX_VALUE && inside > kept / 4) {
            return null;
        }
        CrossingPlan.Regions[] regions = new CrossingPlan.Regions[tables.length];
        for (int c = 0; c < tables.length; c++) {
            regions[c] = joined(tables[c], open[c]);
        }
        return new Kept(CrossingPlan.of(regions, new long[tables.length]), inside);
    }

    /** A column's open slots as regions, a run of adjacent ones as one (which may add a boundary value: keeping more is harmless). */
    private static CrossingPlan.Regions joined(SlotTable table, boolean[] open) {
        int size = open == null ? 0 : open.length;
        double[] lo = new double[size];
        double[] hi = new double[size];
        boolean[] closed = new boolean[size];
        int k = 0;
        for (int i = 0; i < size; i++) {
            if (!open[i]) {
                continue;
            }
            double l = table.slots().left()[i];
            double h = table.slots().right()[i];
            if (k > 0 && hi[k - 1] == l) {
                hi[k - 1] = h;
                continue;
            }
            lo[k] = l;
            hi[k] = h;
            closed[k++] = table.closedLeft(i);
        }
        return new CrossingPlan.Regions(java.util.Arrays.copyOf(lo, k), java.util.Arrays.copyOf(hi, k),
            java.util.Arrays.copyOf(closed, k), new int[k]);
    }

    /** @param region per column and slot, its region in {@code plan}, or −1 */
    public record Round(CrossingPlan plan, int[][] region) {
        public boolean any() {
            for (int c = 0; c < plan.columns(); c++) {
                if (plan.looksInto(c)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The first round's plan; @param open per column, the slots to look into (null for a column that needs nothing) */
    public static Round plan(SlotTable[] tables, boolean[][] open) {
        return plan(tables, open, 0);
    }

    /** The plan of round {@code round} (0 for the first). */
    public static Round plan(SlotTable[] tables, boolean[][] open, int round) {
        int budget = round == 0 ? PARTS : LATER_PARTS;
        int n = tables.length;
        long collected = 0;
        long wanted = 0;
        for (int c = 0; c < n; c++) {
            for (int i = 0; open[c] != null && i < open[c].length; i++) {
                if (open[c][i]) {
                    long v = tables[c].values(i);
                    if (v <= COLLECT) {
                        collected += v;
                    } else {
                        wanted += parts(v, 1.0);
                    }
                }
            }
        }
        // too much to collect: the largest collected intervals are split instead
        long keepBelow = COLLECT + 1L;
        while (collected > VALUES && keepBelow > 1) {
            keepBelow /= 2;
            collected = 0;
            wanted = 0;
            for (int c = 0; c < n; c++) {
                for (int i = 0; open[c] != null && i < open[c].length; i++) {
                    if (open[c][i]) {
                        long v = tables[c].values(i);
                        if (v < keepBelow) {
                            collected += v;
                        } else {
                            wanted += parts(v, 1.0);
                        }
                    }
                }
            }
        }
        double scale = wanted > budget ? (double) budget / wanted : 1.0;
        CrossingPlan.Regions[] regions = new CrossingPlan.Regions[n];
        int[][] region = new int[n][];
        long[] collect = new long[n];
        long partsLeft = budget;
        for (int c = 0; c < n; c++) {
            region[c] = new int[tables[c].size()];
            java.util.Arrays.fill(region[c], -1);
            int count = 0;
            for (int i = 0; open[c] != null && i < open[c].length; i++) {
                count += open[c][i] ? 1 : 0;
            }
            double[] lo = new double[count];
            double[] hi = new double[count];
            boolean[] closed = new boolean[count];
            int[] parts = new int[count];
            int k = 0;
            for (int i = 0; count > 0 && i < open[c].length; i++) {
                if (!open[c][i]) {
                    continue;
                }
                long v = tables[c].values(i);
                int p = v < Math.min(keepBelow, COLLECT + 1L) ? 0 : parts(v, scale);
                if (p > partsLeft) {
                    continue;   // the budget is spent: this interval waits for the next round
                }
                partsLeft -= p;
                collect[c] += p == 0 ? v : 0;
                lo[k] = tables[c].slots().left()[i];
                hi[k] = tables[c].slots().right()[i];
                closed[k] = tables[c].closedLeft(i);
                parts[k] = p;
                region[c][i] = k++;
            }
            regions[c] = new CrossingPlan.Regions(java.util.Arrays.copyOf(lo, k), java.util.Arrays.copyOf(hi, k),
                java.util.Arrays.copyOf(closed, k), java.util.Arrays.copyOf(parts, k));
        }
        return new Round(CrossingPlan.of(regions, collect), region);
    }

    private static int parts(long values, double scale) {
        long p = (long) Math.ceil(values * scale / PER_PART);
        return (int) Math.max(2, Math.min(MAX_PARTS, p));
    }
}
