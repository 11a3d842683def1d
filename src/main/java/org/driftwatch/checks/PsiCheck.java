package org.driftwatch.checks;

import java.util.ArrayList;
import java.util.List;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.Comparison;
import org.driftwatch.compare.MetricValue;
import org.driftwatch.compare.PsiCritical;
import org.driftwatch.rules.RuleSection;
import org.driftwatch.stats.PopulationStabilityIndex;

/**
 * PSI per feature: warn above {@code warn} (0.1), fail above {@code fail} (0.25) — retraining
 * territory, so a fail is a {@link RetrainReason#PSI_FAIL}. (The bins are {@code compare.psi_bins};
 * {@code bins} here is the deprecated old place, read by the comparison.)
 */
public final class PsiCheck implements Check {
    /**
     * How PSI is judged: {@code fixed} by the warn/fail thresholds (the folklore 0.1/0.25); {@code significant}
     * by the PSI no-drift data would exceed at these sample sizes (warn above its 95th, fail above its 99th
     * percentile); {@code both} only where both say so — a large and a real shift.
     */
    public enum Mode { FIXED, SIGNIFICANT, BOTH }

    private final double warn;
    private final double fail;
    private final Mode mode;

    public PsiCheck(double warn, double fail) {
        this(warn, fail, Mode.FIXED);
    }

    public PsiCheck(double warn, double fail, Mode mode) {
        this.warn = warn;
        this.fail = fail;
        this.mode = mode;
    }

    public static PsiCheck fromRules(RuleSection s) {
        s.allowOnly(List.of("bins", "warn", "fail", "mode"));
        double warn = s.number("warn", PopulationStabilityIndex.MODERATE, 0, 100);
        double fail = s.number("fail", PopulationStabilityIndex.SIGNIFICANT, 0, 100);
        if (warn > fail) {
            throw s.error("warn", "checks.psi.warn (" + warn + ") must not exceed checks.psi.fail (" + fail + ")");
        }
        String mode = s.string("mode").orElse("fixed").toLowerCase(java.util.Locale.ROOT);
        List<String> modes = List.of("fixed", "significant", "both");
        if (!modes.contains(mode)) {
            throw s.error("mode", "unknown checks.psi.mode '" + mode + "'" + org.driftwatch.rules.Suggestions.hint(mode, modes)
                + "; use fixed, significant or both");
        }
        return new PsiCheck(warn, fail, Mode.valueOf(mode.toUpperCase(java.util.Locale.ROOT)));
    }

    public double fail() {
        return fail;
    }

    @Override
    public DriftKind evidence() {
        return DriftKind.DATA;
    }

    @Override
    public String name() {
        return "psi";
    }

    @Override
    public java.util.Map<String, Double> thresholds() {
        return java.util.Map.of("psi.warn", warn, "psi.fail", fail);   // mode: in the findings' thresholds
    }

    @Override
    public List<Finding> evaluate(Comparison comparison) {
        List<Finding> out = new ArrayList<>();
        for (ColumnComparison c : comparison.columns().values()) {
            if (c.psi() == null) {
                continue;
            }
            double psi = c.psi();
            MetricValue noise = c.metrics().get(PsiCritical.NAME);
            Double p95 = noise == null ? null : noise.fields().get("p95");
            Double p99 = noise == null ? null : noise.fields().get("p99");
            if (mode != Mode.FIXED && p99 == null) {
                out.add(judgedFixed(c, psi, "; no critical value here (fewer than two bins), judged by the fixed thresholds"));
                continue;
            }
            boolean failed = switch (mode) {
                case FIXED -> psi > fail;
                case SIGNIFICANT -> psi > p99;
                case BOTH -> psi > fail && psi > p99;
            };
            boolean warned = switch (mode) {
                case FIXED -> psi > warn;
                case SIGNIFICANT -> psi > p95;
                case BOTH -> psi > warn && psi > p95;
            };
            String noiseWords = p99 == null || mode == Mode.FIXED ? "" : String.format(" (no-drift 99%%: %.3f)", p99);
            double failAt = mode == Mode.SIGNIFICANT ? p99 : mode == Mode.BOTH ? Math.max(fail, p99) : fail;
            double warnAt = mode == Mode.SIGNIFICANT ? p95 : mode == Mode.BOTH ? Math.max(warn, p95) : warn;
            if (failed) {
                out.add(new Finding(name(), c.name(), Status.FAIL, psi, failAt,
                    String.format("PSI %.3f > %s%s: significant shift", psi, threshold(failAt), noiseWords))
                    .because(RetrainReason.PSI_FAIL).judging(ColumnComparison.PSI));
            } else if (warned) {
                out.add(new Finding(name(), c.name(), Status.WARN, psi, warnAt,
                    String.format("PSI %.3f > %s%s: moderate shift", psi, threshold(warnAt), noiseWords)).judging(ColumnComparison.PSI));
            } else {
                String words = mode != Mode.FIXED && psi > warn ? "within the noise of these sample sizes" + noiseWords : "no significant change";
                out.add(new Finding(name(), c.name(), Status.OK, psi, warnAt, String.format("PSI %.3f: %s", psi, words))
                    .judging(ColumnComparison.PSI));
            }
            if (mode == Mode.FIXED) {
                ReferenceNoise.below(name(), c, "psi", "checks.psi.fail", fail, " or use mode: both").ifPresent(out::add);
            }
        }
        return out;
    }

    private String threshold(double t) {
        return String.format(mode == Mode.FIXED ? "%.2f" : "%.3f", t);
    }

    private Finding judgedFixed(ColumnComparison c, double psi, String note) {
        Status s = psi > fail ? Status.FAIL : psi > warn ? Status.WARN : Status.OK;
        Finding f = new Finding(name(), c.name(), s, psi, s == Status.FAIL ? fail : warn, String.format("PSI %.3f%s", psi, note))
            .judging(ColumnComparison.PSI);
        return s == Status.FAIL ? f.because(RetrainReason.PSI_FAIL) : f;
    }
}
