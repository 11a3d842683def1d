package org.driftwatch.profile.quality;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.unsafe.types.UTF8String;

/** The value's text must be one of the listed texts. */
public final class AllowedTest implements ValueTest {
    private static final long serialVersionUID = 1L;
    private final Set<UTF8String> allowed = new HashSet<>();

    public AllowedTest(List<String> values) {
        values.forEach(v -> allowed.add(UTF8String.fromString(v)));
    }

    @Override
    public String kind() {
        return "allowed";
    }

    @Override
    public Reads reads() {
        return Reads.TEXT;
    }

    @Override
    public boolean failsText(UTF8String text) {
        return !allowed.contains(text);
    }
}
