package org.driftwatch.profile.model;

import java.util.Map;

/**
 * Every data-quality constraint measured on one side, by constraint name in rule-file order, and the rows
 * failing at least one row-level constraint (every kind but freshness).
 *
 * @param failingRows null when it could not be counted (see {@code note})
 */
public record QualitySide(Map<String, QualityMeasure> measures, Long failingRows, String note) {
    public static final QualitySide NONE = new QualitySide(Map.of(), null, null);

    public QualitySide {
        measures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(measures));
    }

    public QualityMeasure measure(String name) {
        return measures.get(name);
    }
}
