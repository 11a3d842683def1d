package org.driftwatch.checks;

import java.util.Locale;

/**
 * The kinds of drift a run can show, as the report names them: data drift P(X) in the features, label
 * drift P(Y), a performance drop (concept drift P(Y|X) when the features did not drift), upstream drift
 * (schema changes, new nulls, missing rows) and prediction drift, the earliest warning while labels are late.
 * A check marks its findings with the kind they are evidence of; the judge names the kinds present.
 */
public enum DriftKind {
    DATA("data drift P(X)"),
    LABEL("label drift P(Y)"),
    PERFORMANCE("performance drop"),
    UPSTREAM("upstream drift"),
    PREDICTION("prediction drift"),
    /** Drift within a segment while the whole column did not drift: the whole data hides it. */
    MASKED("masked drift in a segment");

    private final String words;

    DriftKind(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
