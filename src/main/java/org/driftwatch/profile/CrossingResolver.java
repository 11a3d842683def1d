package org.driftwatch.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.driftwatch.profile.model.DistanceMethod;
import org.driftwatch.profile.model.DistributionDistance;
import org.driftwatch.profile.model.NumericDistribution;
import org.driftwatch.profile.scan.CrossingScan;
import org.driftwatch.profile.scan.CrossingSource;
import org.driftwatch.profile.sketch.CrossingPlan;
import org.driftwatch.profile.sketch.CrossingPlanner;
import org.driftwatch.profile.sketch.SlotTable;
import org.driftwatch.stats.BinnedDistance;
import org.driftwatch.stats.EcdfSums;

/**
 * Makes the bounded strategy's KS D and Wasserstein exact when both raw datasets are at hand: the
 * intervals where the two ECDFs may cross or part by more than is known
 * ({@link BinnedDistance#unresolved}) are looked into by finishing scans of both sides — one Spark job
 * per side and round, all columns at once — that count their values in finer parts or collect them
 * ({@link CrossingPlanner}), until no interval is open. Drifted columns are usually exact after one or
 * two rounds; a column without drift, whose ECDFs cross everywhere, takes a few more. Once the open
 * intervals hold few values ({@link CrossingPlanner#keep}), a round keeps them on the executors and the
 * rounds after it read those instead of the files ({@link CrossingSource}). A column still open after
 * {@code maxRounds} keeps its (narrower) bounds.
 */
final class CrossingResolver {
    /** The current scan's slots of one bounded column, with both sides' finite counts. */
    record Open(BinnedDistance.Slots slots, long referenceCount, long currentCount) {
    }

    private CrossingResolver() {
    }

    /**
     * @param exactEcdf columns whose drift test is an ECDF statistic: the slots where its sum is a range are
     *                  looked into too (the union of KS's, Wasserstein's and its needs)
     */
    static Map<String, NumericDistribution> resolve(Dataset<Row> reference, Dataset<Row> current, Map<String, NumericDistribution> numeric,
                                                    Map<String, Open> open, int maxRounds, java.util.Set<String> exactEcdf) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Open> e : open.entrySet()) {
            NumericDistribution d = numeric.get(e.getKey());
            boolean ecdf = exactEcdf.contains(e.getKey()) && any(EcdfSums.open(e.getValue().slots(), e.getValue().referenceCount(),
                e.getValue().currentCount()));
            if (d != null && !d.distance().method().exact() && (d.distance().ksBound() > 0 || d.distance().wassersteinBound() > 0 || ecdf)) {
                names.add(e.getKey());
            }
        }
        if (names.isEmpty() || maxRounds <= 0) {
            return withEcdfSums(numeric, open);
        }
        names.sort(null);
        int n = names.size();
        SlotTable[] tables = new SlotTable[n];
        for (int c = 0; c < n; c++) {
            tables[c] = new SlotTable(open.get(names.get(c)).slots());
        }
        int rounds = 0;
        BinnedDistance.Result[] results = distances(tables, names, open);
        // values a round keeps stay on the executors until both sides are done
        try (CrossingSource ref = new CrossingSource(reference); CrossingSource cur = new CrossingSource(current)) {
            long kept = Long.MAX_VALUE;
            for (; rounds < maxRounds; rounds++) {
                boolean[][] unresolved = new boolean[n][];
                List<Integer> active = unresolved(tables, names, open, results, unresolved, exactEcdf);
                if (active.isEmpty()) {
                    break;
                }
                kept = round(ref, cur, names, tables, unresolved, active, open, rounds, kept);
                results = distances(tables, names, open);
            }
        }
        Map<String, NumericDistribution> out = new HashMap<>(numeric);
        for (int c = 0; c < n; c++) {   // the refined columns: every statistic from their final slots
            BinnedDistance.Result r = results[c];
            NumericDistribution d = numeric.get(names.get(c));
            DistributionDistance was = d.distance();
            boolean exact = r.ksBound() == 0 && r.wassersteinBound() == 0;
            String scans = String.format("%d finishing scan%s of both sides where the ECDFs may cross", rounds, rounds == 1 ? "" : "s");
            DistanceMethod method = exact
                ? new DistanceMethod(DistanceMethod.EXACT, was.method().reason().replace(DistanceStrategy.BOUNDED,
                    ": KS and Wasserstein exact, from the reference's compressed distribution and " + scans))
                : new DistanceMethod(DistanceMethod.BOUNDED, was.method().reason() + "; " + scans + " narrowed the bounds");
            Open o = open.get(names.get(c));
            out.put(names.get(c), d.with(DistributionDistance.bounded(method, r, was.distinct(), was.values(),
                EcdfSums.ofSlots(tables[c].slots(), o.referenceCount(), o.currentCount()))));
        }
        return withEcdfSums(out, open);
    }

    /**
     * The columns compared from their slots whose ECDF-statistic sums are not known yet, with the sums over
     * those slots: once, from the final slots (after any finishing rounds), not from slots about to be refined.
     */
    static Map<String, NumericDistribution> withEcdfSums(Map<String, NumericDistribution> numeric, Map<String, Open> open) {
        Map<String, NumericDistribution> out = new HashMap<>(numeric);
        open.forEach((name, o) -> {
            NumericDistribution d = out.get(name);
            if (d != null && d.distance().ecdf().isEmpty() && o.currentCount() > 0) {
                out.put(name, d.with(d.distance().withEcdf(EcdfSums.ofSlots(o.slots(), o.referenceCount(), o.currentCount()))));
            }
        });
        return out;
    }

    /** The columns with slots still to look into; fills {@code unresolved} with their slots. */
    private static List<Integer> unresolved(SlotTable[] tables, List<String> names, Map<String, Open> open,
                                            BinnedDistance.Result[] results, boolean[][] unresolved, java.util.Set<String> exactEcdf) {
        List<Integer> active = new ArrayList<>();
        for (int c = 0; c < tables.length; c++) {
            Open o = open.get(names.get(c));
            boolean[] u = BinnedDistance.unresolved(tables[c].slots(), o.referenceCount(), o.currentCount(), results[c]);
            if (exactEcdf.contains(names.get(c))) {
                boolean[] e = EcdfSums.open(tables[c].slots(), o.referenceCount(), o.currentCount());
                for (int i = 0; i < u.length; i++) {
                    u[i] |= e[i];
                }
            }
            for (boolean b : u) {
                if (b) {
                    unresolved[c] = u;
                    active.add(c);
                    break;
                }
            }
        }
        return active;
    }

    private static boolean any(boolean[] flags) {
        for (boolean f : flags) {
            if (f) {
                return true;
            }
        }
        return false;
    }

    private static BinnedDistance.Result[] distances(SlotTable[] tables, List<String> names, Map<String, Open> open) {
        BinnedDistance.Result[] r = new BinnedDistance.Result[tables.length];
        for (int c = 0; c < tables.length; c++) {
            Open o = open.get(names.get(c));
            r[c] = BinnedDistance.compute(tables[c].slots(), o.referenceCount(), o.currentCount());
        }
        return r;
    }

    /** One finishing round over the active columns; returns how many values the sides keep after it. */
    private static long round(CrossingSource reference, CrossingSource current, List<String> names, SlotTable[] tables,
                              boolean[][] unresolved, List<Integer> active, Map<String, Open> open, int index, long kept) {
        int m = active.size();
        SlotTable[] t = new SlotTable[m];
        boolean[][] u = new boolean[m][];
        List<String> columns = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            t[j] = tables[active.get(j)];
            u[j] = unresolved[active.get(j)];
            columns.add(names.get(active.get(j)));
        }
        CrossingPlanner.Round round = CrossingPlanner.plan(t, u, index);
        CrossingPlan plan = round.plan();
        long values = 0;
        for (String column : columns) {
            values += open.get(column).referenceCount() + open.get(column).currentCount();
        }
        CrossingPlanner.Kept keep = CrossingPlanner.keep(t, u, values, kept);
        CrossingPlan regions = keep == null ? null : keep.regions();
        CrossingScan ref = reference.scan(columns, plan, regions);
        CrossingScan cur = current.scan(columns, plan, regions);
        for (int j = 0; j < m; j++) {
            Open o = open.get(columns.get(j));
            tables[active.get(j)] = t[j].refine(round.region()[j], plan, j, ref.counts, cur.counts, o.referenceCount(), o.currentCount());
        }
        return keep == null ? kept : keep.values();
    }
}
