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
    public boolean failsNumber(double v) {
        return Double.isNaN(v) || (min != null && v < min) || (max != null && v > max);
    }
}
