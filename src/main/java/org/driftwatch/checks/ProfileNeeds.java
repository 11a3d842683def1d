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
    private final java.util.Map<String, java.util.List<String>> compared = new java.util.LinkedHashMap<>();

    /**
     * Columns a check judges only when the run compares them, by the rule-file key that names them: a name
     * the data does not have, or a column not compared, is a rule-file mistake said before any scan, never
     * a check that passes silently.
     */
    public ProfileNeeds compared(String key, java.util.List<String> columns) {
        compared.computeIfAbsent(key, k -> new java.util.ArrayList<>()).addAll(columns);
        return this;
    }

    /** The columns checks need compared, by the rule-file key that names them. */
    public java.util.Map<String, java.util.List<String>> compared() {
        return java.util.Collections.unmodifiableMap(compared);
    }

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
