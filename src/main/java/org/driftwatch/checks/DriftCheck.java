package org.driftwatch.checks;

import java.util.ArrayList;
import java.util.List;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.Comparison;
import org.driftwatch.compare.DatasetDrift;
import org.driftwatch.rules.RuleSection;

/**
 * The per-column drift tests and dataset drift, as the comparison computed them: warns for each
 * drifted feature, and when the share of drifted features reaches {@code compare.dataset_share} —
 * a {@link RetrainReason#DATASET_DRIFT}. Its old keys ({@code min_count}, {@code dataset_share},
 * {@code max_categories}) are read by {@link org.driftwatch.compare.CompareSettings}.
 */
public final class DriftCheck implements Check {
    private final double ksMinEffect;

    public DriftCheck() {
        this(KsCheck.MIN_EFFECT);
    }

    /** @param ksMinEffect the least KS D that alerts when a column's drift test is KS ({@code checks.ks.min_effect}) */
    public DriftCheck(double ksMinEffect) {
        this.ksMinEffect = ksMinEffect;
    }

    public static DriftCheck fromRules(RuleSection s, RuleSection ks) {
        s.allowOnly(List.of("min_count", "dataset_share", "max_categories"));
        return new DriftCheck(KsCheck.minEffect(ks));
    }

    @Override
    public DriftKind evidence() {
        return DriftKind.DATA;
    }

    @Override
    public String name() {
        return "drift";
    }

    @Override
    public List<Finding> evaluate(Comparison comparison) {
        List<Finding> out = new ArrayList<>();
        for (ColumnComparison c : comparison.columns().values()) {
            ColumnComparison.DriftResult d = c.drift();
            if (d.score() == null) {
                out.add(new Finding(name(), c.name(), Status.WARN, null, null, d.note()));
            } else if (d.detected()) {
                // a KS detection of a tiny effect stays in the column's row, and is not an alert (as the KS check)
                String below = org.driftwatch.compare.DriftTest.byKey(d.test()) == org.driftwatch.compare.DriftTest.KS && c.ks() != null
                    ? KsCheck.belowEffect(c, ksMinEffect) : null;
                out.add(new Finding(name(), c.name(), below == null ? Status.WARN : Status.OK, d.score(), d.threshold(),
                    detected(c, d) + (below == null ? "" : "; " + below)));
            }
            org.driftwatch.compare.DriftTest test = org.driftwatch.compare.DriftTest.byKey(d.test());
            if (test != null && test.statistic() != null && d.threshold() != null) {
                ReferenceNoise.below(name(), c, test.statistic(), "the " + test.key() + " drift threshold", d.threshold(),
                    " (choose another test for the column under compare.tests)").ifPresent(out::add);
            }
        }
        DatasetDrift dd = comparison.datasetDrift();
        if (dd.share() != null) {
            Finding f = new Finding(name(), null, dd.detected() ? Status.WARN : Status.OK, dd.share(), dd.threshold(),
                String.format("%.0f%% of tested columns drifted%s", 100 * dd.share(), dd.detected() ? ": dataset drift" : ""));
            out.add(dd.detected() ? f.because(RetrainReason.DATASET_DRIFT) : f);
        }
        return out;
    }

    /** A p-value test's finding leads with the effect size (D, or JS for categories), the p-value second. */
    private static String detected(ColumnComparison c, ColumnComparison.DriftResult d) {
        org.driftwatch.compare.DriftTest test = org.driftwatch.compare.DriftTest.byKey(d.test());
        String effect = test == org.driftwatch.compare.DriftTest.KS && c.ks() != null
            ? String.format("D %.4f (%s), ", c.ks().statistic(), KsCheck.effect(c.ks().statistic()))
            : test == org.driftwatch.compare.DriftTest.CHI_SQUARE && c.jensenShannon() != null ? String.format("JS %.4f, ", c.jensenShannon()) : "";
        boolean pValue = !effect.isEmpty();
        return pValue ? String.format("%sp %.3g < %s: drift detected by %s", effect, d.score(), d.threshold(),
            org.driftwatch.compare.DriftTest.displayOf(d.test()))
            : String.format("drift detected by %s (%.4g vs threshold %s)", d.test(), d.score(), d.threshold());
    }
}
