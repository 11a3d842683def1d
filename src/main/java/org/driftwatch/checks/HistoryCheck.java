package org.driftwatch.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.SegmentComparison;
import org.driftwatch.compare.Comparison;
import org.driftwatch.compare.EarlierRuns;
import org.driftwatch.compare.RememberedNumbers;
import org.driftwatch.rules.RuleSection;
import org.driftwatch.rules.Suggestions;

/**
 * {@code checks.history}: tonight's numbers against the monitor's own past (Deequ's OnlineNormal, popmon's
 * dynamic bounds). For each metric and column, the mean and standard deviation of the last {@code window}
 * runs give a band; outside mean ± {@code sigma}·std it warns, outside ± {@code fail_sigma}·std it fails.
 * With fewer than {@code min_runs} earlier runs it is still learning and says so. {@code rows} is the
 * current row count; {@code failed_share} each data-quality constraint's failing share (and a freshness
 * constraint's age); the others are the history's column metrics.
 */
public final class HistoryCheck implements Check {
    static final List<String> METRICS = List.of("rows", "null_share", "psi", "mean", "ks_statistic", "wasserstein_normed",
        "jensen_shannon", "drift_score", "failed_share");
    private final int window;
    private final int minRuns;
    private final double sigma;
    private final double failSigma;
    private final List<String> metrics;

    public HistoryCheck(int window, int minRuns, double sigma, double failSigma, List<String> metrics) {
        this.window = window;
        this.minRuns = minRuns;
        this.sigma = sigma;
        this.failSigma = failSigma;
        this.metrics = List.copyOf(metrics);
    }

    public static HistoryCheck fromRules(RuleSection s, boolean historyKept) {
        s.allowOnly(List.of("window", "min_runs", "sigma", "fail_sigma", "metrics"));
        if (!historyKept) {
            throw s.error("checks.history compares tonight with the metrics history, which this rule file turns off (history.enabled: false)");
        }
        int window = s.integer("window", 30, 2, 3660);
        int minRuns = s.integer("min_runs", Math.min(7, window), 2, window);
        double sigma = s.number("sigma", 3, 0.1, 100);
        double failSigma = s.number("fail_sigma", Math.max(5, sigma), sigma, 1000);
        List<String> metrics = s.strings("metrics").orElse(List.of("rows", "null_share", "psi", "mean", "failed_share"));
        for (String m : metrics) {
            if (!METRICS.contains(m)) {
                throw s.error("metrics", "checks.history.metrics: unknown metric '" + m + "'" + Suggestions.hint(m, METRICS)
                    + "; use " + String.join(", ", METRICS));
            }
        }
        return new HistoryCheck(window, minRuns, sigma, failSigma, metrics);
    }

    @Override
    public String name() {
        return "history";
    }

    @Override
    public int historyRuns() {
        return window;
    }

    @Override
    public Map<String, Double> thresholds() {
        return Map.of("history.sigma", sigma, "history.fail_sigma", failSigma);
    }

    @Override
    public List<Finding> evaluate(Comparison comparison) {
        EarlierRuns earlier = comparison.earlier();
        int runs = Math.min(window, earlier.dates().size());
        if (runs < minRuns) {
            return List.of(new Finding(name(), null, Status.OK, (double) runs, (double) minRuns,
                "learning: " + runs + " of the " + minRuns + " earlier runs this check needs are in the history"));
        }
        List<Finding> out = new ArrayList<>();
        for (String metric : metrics) {
            if (metric.equals("rows")) {
                out.add(judge(null, metric, comparison.currentRows(), earlier.numbers(EarlierRuns.RUN, "rows_current", window))
                    .showing(DriftKind.UPSTREAM));
                continue;
            }
            if (metric.equals("failed_share")) {
                RememberedNumbers.quality(comparison.quality()).forEach((column, numbers) -> numbers.forEach((m, tonight) ->
                    out.add(judge(column.substring(RememberedNumbers.qualityColumn("").length()), m, tonight,
                        earlier.numbers(column, m, window)).showing(DriftKind.UPSTREAM))));
                continue;
            }
            for (ColumnComparison c : comparison.allColumns()) {
                Double tonight = RememberedNumbers.of(c).get(metric);
                if (tonight != null) {
                    out.add(judge(c.name(), metric, tonight, earlier.numbers(c.name(), metric, window))
                        .showing(metric.equals("null_share") ? DriftKind.UPSTREAM : DriftKind.DATA));
                }
            }
            for (SegmentComparison s : comparison.segments()) {
                for (ColumnComparison c : s.measured() ? s.columns().values() : List.<ColumnComparison>of()) {
                    Double tonight = RememberedNumbers.of(c).get(metric);
                    String column = RememberedNumbers.segmentColumn(s.name(), c.name());
                    if (tonight != null && earlier.numbers(column, metric, window).length >= minRuns) {
                        out.add(judge(s.name() + ": " + c.name(), metric, tonight, earlier.numbers(column, metric, window))
                            .showing(metric.equals("null_share") ? DriftKind.UPSTREAM : DriftKind.DATA));
                    }
                }
            }
        }
        return out;
    }

    /** The finding of one number against its own past. */
    private Finding judge(String column, String metric, double tonight, double[] past) {
        if (past.length < minRuns) {
            return new Finding(name(), column, Status.OK, tonight, null, String.format(Locale.ROOT,
                "%s: learning (%d of the %d earlier runs needed)", metric, past.length, minRuns));
        }
        Band band = Band.of(past);
        double z = (tonight - band.mean()) / band.spread();
        Status status = Math.abs(z) > failSigma ? Status.FAIL : Math.abs(z) > sigma ? Status.WARN : Status.OK;
        double k = status == Status.FAIL ? failSigma : sigma;
        // a count, share or distance has no values below zero: its band says so rather than "-0.43 to 0.68"
        double floor = RememberedNumbers.NON_NEGATIVE.contains(metric) ? 0 : Double.NEGATIVE_INFINITY;
        double bound = z >= 0 ? band.mean() + k * band.spread() : Math.max(floor, band.mean() - k * band.spread());
        // where tonight stands first, in words a reader of the headline follows; the statistics after
        String where = Math.abs(z) <= sigma ? "within" : z > 0 ? "above" : "below";
        String words = String.format(Locale.ROOT, "%s %s is %s its last %d runs' band %s to %s (%.0fσ; %.1fσ from their mean %s ± %s)",
            metric, num(tonight), where, past.length, num(Math.max(floor, band.mean() - sigma * band.spread())),
            num(band.mean() + sigma * band.spread()), sigma, z, num(band.mean()), num(band.std()));
        Finding f = new Finding(name(), column, status, tonight, bound, words);
        return status == Status.OK ? f : f.advising("Look at what changed upstream for " + (column == null ? "the current data" : column)
            + ": " + metric + " left the range of its own last " + past.length + " runs");
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,.0f", v);   // a count reads 400, not 400.0
        }
        return Math.abs(v) >= 1e5 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.4g", v);
    }

    /**
     * Mean and sample standard deviation of a window. The spread is never below a thousandth of the mean,
     * so a metric that was constant (a fixed row count) does not turn every later change into infinite σ.
     */
    record Band(double mean, double std, double spread) {
        static Band of(double[] v) {
            double mean = 0;
            for (double x : v) {
                mean += x;
            }
            mean /= v.length;
            double ss = 0;
            for (double x : v) {
                ss += (x - mean) * (x - mean);
            }
            double std = v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0;
            return new Band(mean, std, Math.max(std, Math.max(1e-3 * Math.abs(mean), 1e-12)));
        }
    }
}
