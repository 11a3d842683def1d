package org.driftwatch.compare;

/**
 * |mean_cur − mean_ref| / std_ref, the reference's population std (Cohen's d with the reference as
 * the control group): how far the mean moved, in reference standard deviations. Undefined when a
 * side has no values or the reference does not vary.
 */
public final class StandardisedMeanDifference implements ColumnMetric {
    public static final String NAME = "mean_shift";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean appliesTo(ColumnComparison column) {
        return column.numerical();
    }

    @Override
    public MetricValue compute(ColumnComparison c) {
        Double ref = c.reference().mean();
        Double cur = c.current().mean();
        Double std = c.reference().stdPop();
        if (ref == null || cur == null || std == null || !(std > 0)) {
            return null;
        }
        double d = Math.abs(cur - ref) / std;
        return MetricValue.of(d, String.format("mean moved %.3f reference standard deviations", d));
    }
}
