package org.driftwatch.checks;

/**
 * What the checks of one run ask of the profiler beyond the comparison every run computes; filled by
 * {@link Check#require}. (Settings that shape every statistic are {@link org.driftwatch.compare.CompareSettings}.)
 */
public final class ProfileNeeds {
    private String leakageKey;
    private boolean identicalRows;

    public boolean identicalRows() {
        return identicalRows;
    }

    public ProfileNeeds identicalRows(boolean wanted) {
        this.identicalRows = wanted;
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
