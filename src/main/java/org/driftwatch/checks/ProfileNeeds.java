package org.driftwatch.checks;

/**
 * What the checks of one run ask of the profiler beyond the comparison every run computes; filled by
 * {@link Check#require}. (Settings that shape every statistic are {@link org.driftwatch.compare.CompareSettings}.)
 */
public final class ProfileNeeds {
    private String leakageKey;
    private boolean identicalRows;
    private final java.util.Map<String, org.driftwatch.profile.analyzer.Analyzer<?>> analyzers = new java.util.LinkedHashMap<>();
    private final java.util.List<org.driftwatch.profile.quality.QualityRule> quality = new java.util.ArrayList<>();

    /**
     * Asks the scans to fold this analyzer on both sides; {@code Comparison.analyzed(name)} then holds its
     * metrics. Two checks asking for the same name get one analyzer.
     */
    public ProfileNeeds analyze(org.driftwatch.profile.analyzer.Analyzer<?> analyzer) {
        analyzers.putIfAbsent(analyzer.name(), analyzer);
        return this;
    }

    /** Asks the scans to measure a data-quality constraint on both sides ({@code Comparison.quality}). */
    public ProfileNeeds measure(org.driftwatch.profile.quality.QualityRule rule) {
        quality.add(rule);
        return this;
    }

    /** The data-quality constraints to measure, in the order asked. */
    public java.util.List<org.driftwatch.profile.quality.QualityRule> quality() {
        return java.util.List.copyOf(quality);
    }

    public java.util.List<org.driftwatch.profile.analyzer.Analyzer<?>> analyzers() {
        return java.util.List.copyOf(analyzers.values());
    }

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
