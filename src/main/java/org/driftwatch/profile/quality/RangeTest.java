package org.driftwatch.profile.quality;

/** Inclusive bounds, either may be absent; NaN fails (it is in no range). */
public record RangeTest(Double min, Double max) implements ValueTest {
    @Override
    public String kind() {
        return "range";
    }

    @Override
    public Reads reads() {
        return Reads.NUMBER;
    }

    @Override
    public org.apache.spark.sql.Column failing(org.apache.spark.sql.Column value) {
        org.apache.spark.sql.Column v = value.cast("double");
        org.apache.spark.sql.Column out = org.apache.spark.sql.functions.isnan(v);
        if (min != null) {
            out = out.or(v.lt(min));
        }
        if (max != null) {
            out = out.or(v.gt(max));
        }
        return out;
    }

    @Override
    public boolean failsNumber(double v) {
        return Double.isNaN(v) || (min != null && v < min) || (max != null && v > max);
    }
}
