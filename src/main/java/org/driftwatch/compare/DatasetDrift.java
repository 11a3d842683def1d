package org.driftwatch.compare;

import java.util.Collection;
import java.util.List;

/**
 * Share of tested features whose drift test fired, against {@code compare.dataset_share}.
 *
 * @param share null when no column could be tested
 */
public record DatasetDrift(Double share, double threshold, boolean detected, List<String> driftedColumns, int testedColumns) {
    public DatasetDrift {
        driftedColumns = List.copyOf(driftedColumns);
    }

    public static DatasetDrift of(Collection<ColumnComparison> features, double threshold) {
        List<String> drifted = features.stream().filter(c -> c.drift().detected()).map(ColumnComparison::name).toList();
        int tested = (int) features.stream().filter(c -> c.drift().score() != null).count();
        Double share = tested == 0 ? null : (double) drifted.size() / tested;
        return new DatasetDrift(share, threshold, share != null && share >= threshold, drifted, tested);
    }
}
