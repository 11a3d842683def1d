package org.driftwatch.compare;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.driftwatch.stats.AndersonDarling;
import org.driftwatch.stats.CramerVonMises;

/**
 * The per-column drift tests, as one registry (Evidently's stat-test registry): each test's name, the
 * column kinds it applies to, its default threshold, which way it fires, and where its score is in a
 * column's comparison. {@link DriftTestChoice} picks one per column; a rule file may name another.
 */
public enum DriftTest {
    KS("KS", true, false, 0.05, Direction.P_VALUE_AT_MOST, c -> c.ks() == null ? null : c.ks().pValue(), null),
    WASSERSTEIN("Wasserstein", true, false, 0.1, Direction.DISTANCE, ColumnComparison::wassersteinNormed, "wasserstein_normed"),
    CHI_SQUARE("χ²", true, true, 0.05, Direction.P_VALUE_BELOW, c -> c.chiSquare() == null ? null : c.chiSquare().pValue(), null),
    JENSEN_SHANNON("JS", true, true, 0.1, Direction.DISTANCE, ColumnComparison::jensenShannon, "jensen_shannon"),
    PSI("PSI", true, true, org.driftwatch.stats.PopulationStabilityIndex.MODERATE, Direction.DISTANCE, ColumnComparison::psi, "psi"),
    CRAMER_VON_MISES("Cramér–von Mises", true, false, 0.05, Direction.P_VALUE_AT_MOST,
        c -> EcdfTestMetric.pValue(c, CramerVonMises.NAME), null),
    ANDERSON_DARLING("Anderson–Darling", true, false, 0.05, Direction.P_VALUE_AT_MOST,
        c -> EcdfTestMetric.pValue(c, AndersonDarling.NAME), null);

    /** How a score is read against the threshold. */
    public enum Direction {
        /** a p-value: drift when score ≤ threshold (scipy's ks_2samp convention in Evidently) */
        P_VALUE_AT_MOST,
        /** a p-value: drift when score &lt; threshold */
        P_VALUE_BELOW,
        /** a distance: drift when score ≥ threshold */
        DISTANCE;

        boolean detects(double score, double threshold) {
            return switch (this) {
                case P_VALUE_AT_MOST -> score <= threshold;
                case P_VALUE_BELOW -> score < threshold;
                case DISTANCE -> score >= threshold;
            };
        }
    }

    private final String display;
    private final boolean numerical;
    private final boolean categorical;
    private final double defaultThreshold;
    private final Direction direction;
    private final Function<ColumnComparison, Double> score;
    private final String statistic;

    DriftTest(String display, boolean numerical, boolean categorical, double defaultThreshold, Direction direction,
              Function<ColumnComparison, Double> score, String statistic) {
        this.statistic = statistic;
        this.display = display;
        this.numerical = numerical;
        this.categorical = categorical;
        this.defaultThreshold = defaultThreshold;
        this.direction = direction;
        this.score = score;
    }

    /** The rule file's and the report's name: ks, wasserstein, chi_square, jensen_shannon, psi, cramer_von_mises, anderson_darling. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String display() {
        return display;
    }

    public double defaultThreshold() {
        return defaultThreshold;
    }

    public Direction direction() {
        return direction;
    }

    /** A distance test's statistic as the self-check and the history name it; null for p-value tests. */
    public String statistic() {
        return statistic;
    }

    /** Whether the test applies to a column of this kind (chi-square and JS need a value table on numbers). */
    public boolean appliesTo(boolean numericalColumn) {
        return numericalColumn ? numerical : categorical;
    }

    /** The test run on a compared column; score null (not detected) when the column lacks the statistic. */
    public ColumnComparison.DriftResult run(ColumnComparison column, String note) {
        Double s = score.apply(column);
        boolean detected = s != null && direction.detects(s, defaultThreshold);
        return new ColumnComparison.DriftResult(key(), s, defaultThreshold, detected, note);
    }

    public static DriftTest byKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst().orElse(null);
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(DriftTest::key).toList();
    }

    /** The display name of a test named in a report (for renderers), or the name itself. */
    public static String displayOf(String key) {
        DriftTest t = byKey(key);
        return t == null ? key : t.display();
    }
}
