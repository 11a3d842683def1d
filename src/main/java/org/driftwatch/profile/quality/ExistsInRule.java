package org.driftwatch.profile.quality;

import org.driftwatch.rules.DataSource;

/**
 * Every non-null value's text must be among the non-null values of another table's column (compared as
 * text); measured by {@link KeyedQuality}, which reads that column once.
 */
public record ExistsInRule(String name, String column, int samples, DataSource table, String tableColumn) implements QualityRule {
    @Override
    public String kind() {
        return "exists_in";
    }

}
