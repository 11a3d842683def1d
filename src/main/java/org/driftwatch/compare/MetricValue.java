package org.driftwatch.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link ColumnMetric} found, in a form every writer reads: named numbers in order (one named
 * {@link #VALUE} is written as the metric itself; several as an object of them) and the words a person reads.
 */
public record MetricValue(Map<String, Double> fields, String words) {
    public static final String VALUE = "value";

    public MetricValue {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static MetricValue of(double value, String words) {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put(VALUE, value);
        return new MetricValue(f, words);
    }

    /** The single value, or the first field. */
    public Double value() {
        return fields.isEmpty() ? null : fields.values().iterator().next();
    }

    public boolean single() {
        return fields.size() == 1 && fields.containsKey(VALUE);
    }
}
