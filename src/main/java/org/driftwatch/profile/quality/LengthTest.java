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
    public boolean failsText(UTF8String text) {
        int n = text.numChars();   // UTF-8 characters: code points, not UTF-16 units
        return (min != null && n < min) || (max != null && n > max);
    }
}
