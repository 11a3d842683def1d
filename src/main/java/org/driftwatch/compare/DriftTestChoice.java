package org.driftwatch.compare;

/**
 * The one table that picks a column's default drift test (Evidently's rules, so results compare):
 * with at most {@link #SMALL_REFERENCE} reference values, p-value tests (KS for numbers with more
 * than {@link #FEW_VALUES} distinct values, chi-square otherwise); above it, distances (normed
 * Wasserstein, or Jensen–Shannon).
 */
public final class DriftTestChoice {
    static final long SMALL_REFERENCE = 1000;
    static final int FEW_VALUES = 5;

    private DriftTestChoice() {
    }

    /**
     * @param asCategories a numeric column with at most {@link #FEW_VALUES} distinct values, tested as categories
     */
    public static DriftTest defaultFor(boolean numerical, boolean asCategories, long referenceCount) {
        boolean small = referenceCount <= SMALL_REFERENCE;
        if (numerical && !asCategories) {
            return small ? DriftTest.KS : DriftTest.WASSERSTEIN;
        }
        return small ? DriftTest.CHI_SQUARE : DriftTest.JENSEN_SHANNON;
    }

    /** Whether a numeric column with this many pooled distinct values (−1: many) is tested as categories. */
    public static boolean fewValues(long pooledDistinct) {
        return pooledDistinct >= 0 && pooledDistinct <= FEW_VALUES;
    }

    static String fewValuesNote() {
        return "numeric column with at most " + FEW_VALUES + " distinct values: tested as categories";
    }
}
