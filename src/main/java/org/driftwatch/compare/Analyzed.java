package org.driftwatch.compare;

import java.util.Map;

/**
 * One analyzer's metric on both sides, as the scans folded it (see {@code profile.analyzer.Analyzer}):
 * named numbers. A side is null when it was not scanned for it (a saved reference profile written
 * without this analyzer, or the column absent there).
 */
public record Analyzed(Map<String, Double> reference, Map<String, Double> current) {
    /** A field of the reference's metric, or null. */
    public Double reference(String field) {
        return reference == null ? null : reference.get(field);
    }

    /** A field of the current data's metric, or null. */
    public Double current(String field) {
        return current == null ? null : current.get(field);
    }
}
