package org.driftwatch.profile.quality;

import java.io.Serializable;

/**
 * One data-quality constraint as the profile stage measures it, on each side: what to read and which
 * rows fail. The check that asked for it (checks.quality) judges the measure; the scans only count.
 * Kinds: {@link ValueRule} (a test of each value, folded in the scans), {@link ConditionRule} (a Spark SQL
 * expression per row, folded too), {@link UniqueRule} and {@link ExistsInRule} (one aggregation for all of
 * them, {@link KeyedQuality}), {@link FreshnessRule} (the column's latest instant, folded).
 */
public interface QualityRule extends Serializable {
    /** Unique in a run: the key of its measure on each side. */
    String name();

    /** Its key in the rule file ({@code range}, {@code unique}, ...). */
    String kind();

    /** The column it reads; null for a row condition. */
    String column();

    /** At most this many failing values (or rows) are kept as samples. */
    int samples();
}
