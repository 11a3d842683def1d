package org.driftwatch.checks;

/** What the checks of one run ask of the profiler and of the comparison; filled by {@link Check#require}. */
public final class ProfileNeeds {
    public static final int DEFAULT_BINS = 10;
    public static final int DEFAULT_MIN_COUNT = 30;
    public static final int DEFAULT_MAX_CATEGORIES = 1000;

    private int psiBins = DEFAULT_BINS;
    private int minCount = DEFAULT_MIN_COUNT;
    private int maxCategories = DEFAULT_MAX_CATEGORIES;
    private String leakageKey;
    private boolean identicalRows;

    public boolean identicalRows() {
        return identicalRows;
    }

    public ProfileNeeds identicalRows(boolean wanted) {
        this.identicalRows = wanted;
        return this;
    }

    public int psiBins() {
        return psiBins;
    }

    public ProfileNeeds psiBins(int bins) {
        this.psiBins = bins;
        return this;
    }

    public int minCount() {
        return minCount;
    }

    public ProfileNeeds minCount(int count) {
        this.minCount = count;
        return this;
    }

    public int maxCategories() {
        return maxCategories;
    }

    public ProfileNeeds maxCategories(int max) {
        this.maxCategories = max;
        return this;
    }

    public String leakageKey() {
        return leakageKey;
    }

    public ProfileNeeds leakageKey(String key) {
        this.leakageKey = key;
        return this;
    }
}
