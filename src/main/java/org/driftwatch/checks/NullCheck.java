package org.driftwatch.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.Comparison;
import org.driftwatch.rules.RuleSection;

/**
 * Null checks on the current data (PSI and KS cannot see nulls): required columns must have none;
 * a column's null share must stay under {@code max_null_share}; and its rise over the reference must
 * stay under {@code max_null_share_increase} (0.05 by default, a warning; a failure when configured).
 */
public final class NullCheck implements Check {
    static final double DEFAULT_INCREASE = 0.05;
    private final List<String> required;
    private final Optional<Double> maxShare;
    private final double maxIncrease;
    private final boolean increaseConfigured;

    public NullCheck(List<String> required, Optional<Double> maxShare, double maxIncrease, boolean increaseConfigured) {
        this.required = List.copyOf(required);
        this.maxShare = maxShare;
        this.maxIncrease = maxIncrease;
        this.increaseConfigured = increaseConfigured;
    }

    public static NullCheck fromRules(RuleSection s) {
        s.allowOnly(List.of("required", "max_null_share", "max_null_share_increase"));
        return new NullCheck(s.strings("required").orElse(List.of()), s.optionalNumber("max_null_share", 0, 1),
            s.number("max_null_share_increase", DEFAULT_INCREASE, 0, 1), s.has("max_null_share_increase"));
    }

    @Override
    public void require(ProfileNeeds needs) {
        needs.compared("checks.nulls.required", required);
    }

    public List<String> required() {
        return required;
    }

    @Override
    public DriftKind evidence() {
        return DriftKind.UPSTREAM;
    }

    @Override
    public String name() {
        return "nulls";
    }

    @Override
    public List<Finding> evaluate(Comparison comparison) {
        List<Finding> out = new ArrayList<>();
        List<ColumnComparison> judged = new ArrayList<>(comparison.allColumns());
        judged.addAll(comparison.counted().values());   // the id: its nulls are counted though it is not compared
        for (ColumnComparison c : judged) {
            ColumnComparison.SideStats cur = c.current();
            Double share = cur.nullShare();
            if (share == null) {
                continue;
            }
            long missing = cur.rows() - cur.count();
            if (required.contains(c.name()) && missing > 0) {
                out.add(new Finding(name(), c.name(), Status.FAIL, share, 0.0,
                    missing + (missing == 1 ? " null value" : " null values") + " in required column").advising(fillAdvice(c.name())).unfit());
            }
            if (maxShare.isPresent() && share > maxShare.get()) {
                out.add(new Finding(name(), c.name(), Status.FAIL, share, maxShare.get(),
                    String.format("null share %.2f%% > %.2f%%", 100 * share, 100 * maxShare.get())).advising(fillAdvice(c.name())).unfit());
            }
            Double refShare = c.reference().nullShare();
            if (refShare != null && share - refShare > maxIncrease) {
                out.add(new Finding(name(), c.name(), increaseConfigured ? Status.FAIL : Status.WARN, share - refShare, maxIncrease,
                    String.format("null share rose from %.2f%% to %.2f%%", 100 * refShare, 100 * share)).advising(fillAdvice(c.name())).unfit());
            }
        }
        return out;
    }

    private static String fillAdvice(String column) {
        return "Check the pipeline that fills " + column;
    }
}
