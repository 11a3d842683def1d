package org.driftwatch.profile.quality;

import org.apache.spark.unsafe.types.UTF8String;

/** The text's length in Unicode code points, inclusive bounds, either may be absent. */
public record LengthTest(Integer min, Integer max) implements ValueTest {
    @Override
    public String kind() {
        return "length";
    }

    @Override
    public Reads reads() {
        return Reads.TEXT;
    }

    @Override
    public org.apache.spark.sql.Column failing(org.apache.spark.sql.Column value) {
        org.apache.spark.sql.Column n = org.apache.spark.sql.functions.char_length(value.cast("string"));
        org.apache.spark.sql.Column out = org.apache.spark.sql.functions.lit(false);
        if (min != null) {
            out = out.or(n.lt(min));
        }
        if (max != null) {
            out = out.or(n.gt(max));
        }
        return out;
    }

    @Override
    public boolean failsText(UTF8String text) {
        int n = text.numChars();   // UTF-8 characters: code points, not UTF-16 units
        return (min != null && n < min) || (max != null && n > max);
    }
}
