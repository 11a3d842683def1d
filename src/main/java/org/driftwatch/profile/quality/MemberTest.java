package org.driftwatch.profile.quality;

import java.util.Set;
import org.apache.spark.unsafe.types.UTF8String;

/** exists_in as a value test: the value's text must be among the referenced column's values ({@link ReferencedValues}). */
final class MemberTest implements ValueTest {
    private static final long serialVersionUID = 1L;
    private final Set<UTF8String> values;

    MemberTest(Set<UTF8String> values) {
        this.values = values;
    }

    @Override
    public Reads reads() {
        return Reads.TEXT;
    }

    @Override
    public String kind() {
        return "exists_in";
    }

    @Override
    public boolean failsText(UTF8String text) {
        return !values.contains(text);
    }
}
