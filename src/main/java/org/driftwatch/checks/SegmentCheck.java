package org.driftwatch.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.Comparison;
import org.driftwatch.compare.ModelPerformance;
import org.driftwatch.compare.PerformanceMetrics;
import org.driftwatch.compare.SegmentComparison;
import org.driftwatch.rules.RuleSection;
import org.driftwatch.stats.PopulationStabilityIndex;

/**
 * {@code segments}: one finding per segment. A segment column whose PSI is above the PSI check's fail threshold
 * fails, one whose drift test fired or whose PSI is above the warn threshold warns; the model's judged metric
 * falling on the segment by more than the performance check allows fails. A segment that drifted while the
 * whole column did not is <em>masked</em> drift, said so. The findings stand for the retrain reasons
 * {@code segment_psi_fail} and {@code segment_performance_drop}, which count only when {@code actions.retrain.when}
 * names them: by default a segment alerts.
 */
public final class SegmentCheck implements Check {
    public static final String NAME = "segments";
    /** The key of a segment's finding in {@link Finding#judged}: {@code segment.<name>}. */
    public static final String JUDGED = "segment.";

    private final double warn;
    private final double fail;
    private final PerformanceCheck performance;

    SegmentCheck(double warn, double fail, PerformanceCheck performance) {
        this.warn = warn;
        this.fail = fail;
        this.performance = performance;
    }

    /** Judged by the rule file's PSI and performance thresholds ({@code checks.psi}, {@code checks.performance}). */
    public static SegmentCheck fromRules(RuleSection own, RuleSection psi, RuleSection performance) {
        own.allowOnly(List.of());
        double w = psi.number("warn", PopulationStabilityIndex.MODERATE, 0, 100);
        double f = psi.number("fail", PopulationStabilityIndex.SIGNIFICANT, 0, 100);
        return new SegmentCheck(w, f, PerformanceCheck.fromRules(performance));
    }

    @Override
    public String name() {
        return NAME;
    }

    /** None by default: a segment's drift is masked drift when the whole column hides it, and says so itself. */
    @Override
    public DriftKind evidence() {
        return null;
    }

    @Override
    public Map<String, Double> thresholds() {
        return Map.of("segments.psi_warn", warn, "segments.psi_fail", fail);
    }

    @Override
    public List<Finding> evaluate(Comparison comparison) {
        List<Finding> out = new ArrayList<>();
        for (SegmentComparison s : comparison.segments()) {
            out.add(judge(s, comparison).judging(JUDGED + s.name()));
        }
        return out;
    }

    private Finding judge(SegmentComparison s, Comparison comparison) {
        if (!s.measured()) {
            return new Finding(NAME, null, Status.OK, null, null, s.name() + ": " + s.insufficient());
        }
        ColumnComparison worst = null;
        Status status = Status.OK;
        boolean masked = false;
        for (ColumnComparison c : s.columns().values()) {
            Status st = status(c);
            if (st == Status.OK) {
                continue;
            }
            ColumnComparison whole = comparison.columns().get(c.name());
            boolean hidden = whole != null && status(whole) == Status.OK;
            if (worst == null || st.compareTo(status) > 0 || st == status && psi(c) > psi(worst)) {
                worst = c;
                status = Status.worst(status, st);
                masked = hidden;
            }
        }
        Finding drop = performanceDrop(s);
        if (worst == null && drop == null) {
            return new Finding(NAME, null, Status.OK, null, fail, s.name() + ": no column drifted"
                + (s.performance().isPresent() ? "; " + performanceWords(s.performance().get()) : ""));
        }
        if (worst == null) {
            return drop;
        }
        ColumnComparison whole = comparison.columns().get(worst.name());
        String words = s.name() + ": " + worst.name() + " " + statistic(worst) + "; the whole dataset " + (whole == null ? "n/a" : statistic(whole))
            + (masked ? " (masked drift: the whole column did not drift)" : "")
            + (s.driftedColumns().size() > 1 ? "; drifted: " + String.join(", ", s.driftedColumns()) : "")
            + (drop != null ? "; " + drop.message().substring(s.name().length() + 2)
                : s.performance().map(p -> "; " + performanceWords(p)).orElse(""));
        Finding f = new Finding(NAME, null, drop != null ? Status.FAIL : status, psi(worst), fail, words)
            .advising("Look at the segment");
        if (status == Status.FAIL) {
            f = f.because(RetrainReason.SEGMENT_PSI_FAIL);
        } else if (drop != null) {
            f = f.because(RetrainReason.SEGMENT_PERFORMANCE_DROP);
        }
        return masked ? f.showing(DriftKind.MASKED) : f;
    }

    private Status status(ColumnComparison c) {
        Double p = c.psi();
        if (p != null && p > fail) {
            return Status.FAIL;
        }
        return p != null && p > warn || c.drift() != null && c.drift().detected() ? Status.WARN : Status.OK;
    }

    private static double psi(ColumnComparison c) {
        return c.psi() == null ? 0 : c.psi();
    }

    private static String statistic(ColumnComparison c) {
        if (c.psi() == null) {
            return "no statistics";
        }
        String drift = c.drift() != null && c.drift().detected() && c.drift().score() != null
            ? String.format(", drift test %s %.3g", c.drift().test(), c.drift().score()) : "";
        return String.format("PSI %.3f%s", c.psi(), drift);
    }

    /** The segment's performance drop as a failing finding, or null when the model did not fall there. */
    private Finding performanceDrop(SegmentComparison s) {
        if (s.performance().isEmpty()) {
            return null;
        }
        ModelPerformance p = s.performance().get();
        String m = performance.metricFor(p.task());
        if (p.reference() == null || p.current() == null || !PerformanceMetrics.METRICS.get(p.task()).contains(m)) {
            return null;
        }
        Double drop = p.drop(m, performance.relative());
        if (drop == null || drop <= performance.maxDrop()) {
            return null;
        }
        return new Finding(NAME, null, Status.FAIL, drop, performance.maxDrop(), s.name() + ": " + performanceWords(p))
            .because(RetrainReason.SEGMENT_PERFORMANCE_DROP)
            .advising("Check the model on the segment");
    }

    private String performanceWords(ModelPerformance p) {
        String m = performance.metricFor(p.task());
        Double a = p.reference() == null ? null : p.reference().metric(m);
        Double b = p.current() == null ? null : p.current().metric(m);
        return a == null || b == null ? m + " not judged" : String.format("%s %.4g → %.4g", m, a, b);
    }
}
