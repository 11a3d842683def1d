package org.driftwatch.checks.quality;

import java.util.List;
import org.driftwatch.rules.RuleSection;

/** What {@code range} and {@code length} share: a section of min and max, at least one, min ≤ max. */
final class Bounds {
    private Bounds() {
    }

    static RuleSection section(RuleSection item, String key, List<String> keys) {
        RuleSection s = item.section(key).orElseThrow();
        s.allowOnly(keys);
        if (!s.has("min") && !s.has("max")) {
            throw item.error(key, "checks.quality " + key + " needs min, max or both");
        }
        return s;
    }

    static void check(RuleSection s, Double min, Double max) {
        if (min != null && max != null && min > max) {
            throw s.error("min", "min " + fmt(min) + " is greater than max " + fmt(max));
        }
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
