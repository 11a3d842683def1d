package org.driftwatch.profile.quality;

import java.util.regex.Pattern;
import org.apache.spark.unsafe.types.UTF8String;

/** The whole text must match a Java regular expression ({@code Matcher.matches}, not {@code find}). */
public final class PatternTest implements ValueTest {
    private static final long serialVersionUID = 1L;
    private final String regex;
    private transient Pattern compiled;

    /** @throws java.util.regex.PatternSyntaxException when the regex does not compile */
    public PatternTest(String regex) {
        this.regex = regex;
        this.compiled = Pattern.compile(regex);
    }

    @Override
    public String kind() {
        return "pattern";
    }

    @Override
    public Reads reads() {
        return Reads.TEXT;
    }

    @Override
    public boolean failsText(UTF8String text) {
        if (compiled == null) {
            compiled = Pattern.compile(regex);
        }
        return !compiled.matcher(text.toString()).matches();
    }
}
