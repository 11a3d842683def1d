package org.driftwatch.checks;

import java.util.Locale;
import java.util.Optional;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.ReferenceSelfCheck;

/**
 * Whether a drift threshold sits below the reference's own noise: the statistic half against half of the
 * reference ({@link ReferenceSelfCheck}), scaled to tonight's sample sizes, already exceeds it, so the
 * threshold fires on noise. Used by the checks that own a drift threshold.
 */
final class ReferenceNoise {
    private ReferenceNoise() {
    }

    /** A WARN finding when {@code threshold} is below the column's noise level of {@code statistic}. */
    static Optional<Finding> below(String check, ColumnComparison c, String statistic, String setting, double threshold, String remedy) {
        Double tonight = ReferenceSelfCheck.levelTonight(c, statistic);
        if (tonight == null || !(tonight > threshold)) {
            return Optional.empty();
        }
        String words = String.format(Locale.ROOT, "threshold below the reference's own noise: %s %s < %s %.4f for %s (%.4f half against"
            + " half of the reference, scaled to tonight's sample sizes)", setting,
            java.math.BigDecimal.valueOf(threshold).stripTrailingZeros().toPlainString(), statistic, tonight, c.name(),
            ReferenceSelfCheck.level(c, statistic));
        return Optional.of(new Finding(check, c.name(), Status.WARN, tonight, threshold, words).advising("Raise " + setting + remedy));
    }
}
