package org.driftwatch.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.driftwatch.compare.Comparison;
import org.driftwatch.compare.EarlierRuns;
import org.driftwatch.rules.RuleSection;

/**
 * Row count change, two ways. Against the reference (when {@code checks.volume} is configured, unless
 * {@code reference: false}: a nightly batch is often far smaller than its training set): outside
 * [{@code min_ratio}, {@code max_ratio}] (0.5, 2.0) of the reference's rows it fails. Against the monitor's
 * own history (whenever one is kept): below {@code min_share_of_median} (0.6) or above
 * {@code max_share_of_median} (2.0) of the median current rows of the last {@code window} (30) runs it
 * fails — an upstream partition that arrived half-empty or twice. With fewer than {@code min_runs} (7)
 * earlier runs the history part is learning.
 */
public final class VolumeCheck implements Check {
    /** The reference ratio bounds, or null when only the history is checked. */
    private final double[] ratio;
    private final int window;
    private final int minRuns;
    private final double minShare;
    private final double maxShare;
    private final boolean historyKept;

    public VolumeCheck(double minRatio, double maxRatio) {
        this(new double[] {minRatio, maxRatio}, 30, 7, 0.6, 2.0, false);
    }

    private VolumeCheck(double[] ratio, int window, int minRuns, double minShare, double maxShare, boolean historyKept) {
        this.ratio = ratio;
        this.historyKept = historyKept;
        this.window = window;
        this.minRuns = minRuns;
        this.minShare = minShare;
        this.maxShare = maxShare;
    }

    /**
     * @param configured  whether the rule file has {@code checks.volume} (else only the history part runs)
     * @param historyKept whether the runs keep a metrics history (else only the reference part runs)
     */
    public static VolumeCheck fromRules(RuleSection s, boolean configured, boolean historyKept) {
        s.allowOnly(List.of("reference", "min_ratio", "max_ratio", "window", "min_runs", "min_share_of_median", "max_share_of_median"));
        double min = s.number("min_ratio", 0.5, 0, 1e9);
        double max = s.number("max_ratio", 2.0, 0, 1e9);
        if (min > max) {
            throw s.error("min_ratio", "checks.volume.min_ratio (" + min + ") must not exceed max_ratio (" + max + ")");
        }
        int window = s.integer("window", 30, 2, 3660);
        int minRuns = s.integer("min_runs", Math.min(7, window), 1, window);
        double minShare = s.number("min_share_of_median", 0.6, 0, 1);
        double maxShare = s.number("max_share_of_median", 2.0, 1, 1e9);
        boolean againstReference = configured && s.bool("reference", true);
        return new VolumeCheck(againstReference ? new double[] {min, max} : null, window, minRuns, minShare, maxShare, historyKept);
    }

    @Override
    public DriftKind evidence() {
        return DriftKind.UPSTREAM;
    }

    @Override
    public String name() {
        return "volume";
    }

    @Override
    public int historyRuns() {
        return window;
    }

    @Override
    public Map<String, Double> thresholds() {
        Map<String, Double> t = new HashMap<>(Map.of("volume.min_share_of_median", minShare, "volume.max_share_of_median", maxShare));
        if (ratio != null) {
            t.put("volume.min_ratio", ratio[0]);
            t.put("volume.max_ratio", ratio[1]);
        }
        return t;
    }

    @Override
    public List<Finding> evaluate(Comparison comparison) {
        List<Finding> out = new ArrayList<>();
        if (ratio != null && comparison.referenceRows() > 0) {
            out.add(againstReference(comparison.referenceRows(), comparison.currentRows()));
        }
        if (historyKept) {
            out.add(againstHistory(comparison.currentRows(), comparison.earlier().numbers(EarlierRuns.RUN, "rows_current", window)));
        }
        return out;
    }

    private Finding againstReference(long ref, long cur) {
        double r = (double) cur / ref;
        boolean low = r < ratio[0];
        boolean high = r > ratio[1];
        String words = String.format("%,d current rows against %,d reference rows (ratio %.3f)", cur, ref, r);
        if (!low && !high) {
            return new Finding(name(), null, Status.OK, r, ratio[0], words);
        }
        return new Finding(name(), null, Status.FAIL, r, low ? ratio[0] : ratio[1], words + (low ? ", below " + ratio[0] : ", above " + ratio[1]))
            .advising("Check the upstream job that writes the current data: its row count changed").unfit();
    }

    private Finding againstHistory(long cur, double[] past) {
        if (past.length < minRuns) {
            return new Finding(name(), null, Status.OK, (double) cur, null, String.format(
                "%,d current rows; the row count of earlier runs is still learning (%d of %d runs)", cur, past.length, minRuns));
        }
        double median = median(past);
        double share = median > 0 ? cur / median : Double.POSITIVE_INFINITY;
        String words = String.format("%,d current rows, %.2f× the median %,.0f of the last %d runs", cur, share, median, past.length);
        if (share >= minShare && share <= maxShare) {
            return new Finding(name(), null, Status.OK, share, minShare, words);
        }
        boolean low = share < minShare;
        return new Finding(name(), null, Status.FAIL, share, low ? minShare : maxShare,
            words + (low ? ", below " + minShare : ", above " + maxShare) + " of it")
            .advising("Check the upstream job that writes the current data: tonight's partition is " + (low ? "short of rows" : "far larger than usual"))
            .unfit();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
