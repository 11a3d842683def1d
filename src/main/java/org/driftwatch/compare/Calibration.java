package org.driftwatch.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.driftwatch.profile.model.SelfCheck;
import org.driftwatch.profile.model.SplitTrial;
import org.driftwatch.stats.KolmogorovSmirnov;
import org.driftwatch.stats.Percentiles;
import org.driftwatch.stats.PopulationStabilityIndex;

/**
 * What the monitor's thresholds do on data that did not drift: over trials that split the reference in
 * two, per check and column how often its threshold fires (the false-alarm rate), and the threshold that
 * would fire in 1 % of the trials (the 99th percentile of a distance, the 1st of a p-value, numpy's linear
 * interpolation). Pure: the trials come from {@code profile.ReferenceSplits}.
 */
public final class Calibration {
    /** One check's threshold on one column over the trials. */
    public record Line(String check, String column, String statistic, double threshold, int alarms, int trials, double holdsAtOnePercent,
                       boolean pValue) {
        public double rate() {
            return trials == 0 ? 0 : (double) alarms / trials;
        }
    }

    private Calibration() {
    }

    /** @param thresholds the checks' thresholds as they report them (psi.warn, psi.fail, ks.alpha) */
    public static List<Line> of(List<SplitTrial> trials, List<String> numerical, List<String> categorical, Map<String, Double> thresholds) {
        List<Line> out = new ArrayList<>();
        double warn = thresholds.getOrDefault("psi.warn", PopulationStabilityIndex.MODERATE);
        double fail = thresholds.getOrDefault("psi.fail", PopulationStabilityIndex.SIGNIFICANT);
        double alpha = thresholds.getOrDefault("ks.alpha", DriftTest.KS.defaultThreshold());
        for (String c : numerical) {
            distance(out, trials, "psi (warn)", c, "PSI", warn, SelfCheck::psi);
            distance(out, trials, "psi (fail)", c, "PSI", fail, SelfCheck::psi);
            pValue(out, trials, "ks", c, "KS p-value", alpha, t -> {
                SelfCheck s = t.statistics().get(c);
                return s == null || s.ksStatistic() == null ? null
                    : KolmogorovSmirnov.test(s.ksStatistic(), s.firstHalf(), s.secondHalf()).pValue();
            });
            distance(out, trials, "drift (wasserstein)", c, "normed Wasserstein", DriftTest.WASSERSTEIN.defaultThreshold(),
                SelfCheck::wassersteinNormed);
        }
        for (String c : categorical) {
            distance(out, trials, "psi (warn)", c, "PSI", warn, SelfCheck::psi);
            distance(out, trials, "psi (fail)", c, "PSI", fail, SelfCheck::psi);
            pValue(out, trials, "drift (chi_square)", c, "χ² p-value", DriftTest.CHI_SQUARE.defaultThreshold(),
                t -> t.chiSquarePValues().get(c));
            distance(out, trials, "drift (jensen_shannon)", c, "Jensen–Shannon", DriftTest.JENSEN_SHANNON.defaultThreshold(),
                SelfCheck::jensenShannon);
        }
        return out;
    }

    private static void distance(List<Line> out, List<SplitTrial> trials, String check, String column, String statistic, double threshold,
                                 Function<SelfCheck, Double> value) {
        double[] v = values(trials, t -> {
            SelfCheck s = t.statistics().get(column);
            return s == null ? null : value.apply(s);
        });
        if (v.length > 0) {
            int alarms = (int) Arrays.stream(v).filter(x -> x > threshold).count();
            out.add(new Line(check, column, statistic, threshold, alarms, v.length, Percentiles.ofSorted(v, 99), false));
        }
    }

    private static void pValue(List<Line> out, List<SplitTrial> trials, String check, String column, String statistic, double threshold,
                               Function<SplitTrial, Double> value) {
        double[] v = values(trials, value);
        if (v.length > 0) {
            int alarms = (int) Arrays.stream(v).filter(x -> x < threshold).count();
            out.add(new Line(check, column, statistic, threshold, alarms, v.length, Percentiles.ofSorted(v, 1), true));
        }
    }

    /** The trials' values, sorted; trials without one are left out. */
    private static double[] values(List<SplitTrial> trials, Function<SplitTrial, Double> value) {
        return trials.stream().map(value).filter(x -> x != null && Double.isFinite(x)).mapToDouble(Double::doubleValue).sorted().toArray();
    }
}
