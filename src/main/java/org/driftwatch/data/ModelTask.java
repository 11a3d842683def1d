package org.driftwatch.data;

import java.util.Locale;

/**
 * What the monitored model predicts. {@link #CLASSIFICATION} is an inferred classifier whose classes are
 * not known before the scan: the compare stage makes it binary or multiclass from the classes it finds.
 */
public enum ModelTask {
    BINARY, MULTICLASS, REGRESSION, CLASSIFICATION;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean classifier() {
        return this != REGRESSION;
    }

    public static ModelTask of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
