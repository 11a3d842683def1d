package org.driftwatch.compare;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.driftwatch.data.ColumnPlan;
import org.driftwatch.profile.model.IdenticalRows;
import org.driftwatch.profile.model.LeakageProfile;

/**
 * The comparison of a run: per-column statistics, the label, leakage and the schema plan.
 * {@link #columns} holds the features; the label is compared the same way but kept apart, since
 * its drift is judged by its own check and does not count towards {@link #datasetDrift}; so is the
 * model's prediction, inside {@link #performance} (present when the rule file monitors a model).
 * {@link #earlier} is the monitor's metrics history before tonight ({@link EarlierRuns#NONE} without one).
 * {@link #analyzed} holds the metrics of the analyzers the checks asked the scans for, by analyzer name;
 * {@link #quality} the data-quality constraints' measures on both sides; {@link #segments} each segment's comparison,
 * in report order (empty without {@code segments:}); {@link #counted} the columns the scans count but do not
 * compare (the id): rows and nulls per side, for the null check.
 */
public record Comparison(long referenceRows, long currentRows, ColumnPlan plan,
                         Map<String, ColumnComparison> columns, Optional<ColumnComparison> label,
                         Optional<LeakageProfile> leakage, Optional<IdenticalRows> identicalRows,
                         DatasetDrift datasetDrift, Optional<ModelPerformance> performance, EarlierRuns earlier,
                         Map<String, Analyzed> analyzed, QualityMeasures quality, List<SegmentComparison> segments,
                         Map<String, ColumnComparison> counted) {
    public Comparison(long referenceRows, long currentRows, ColumnPlan plan,
                      Map<String, ColumnComparison> columns, Optional<ColumnComparison> label,
                      Optional<LeakageProfile> leakage, Optional<IdenticalRows> identicalRows,
                      DatasetDrift datasetDrift, Optional<ModelPerformance> performance, EarlierRuns earlier,
                      Map<String, Analyzed> analyzed, QualityMeasures quality, List<SegmentComparison> segments) {
        this(referenceRows, currentRows, plan, columns, label, leakage, identicalRows, datasetDrift, performance, earlier, analyzed,
            quality, segments, Map.of());
    }

    public Comparison(long referenceRows, long currentRows, ColumnPlan plan,
                      Map<String, ColumnComparison> columns, Optional<ColumnComparison> label,
                      Optional<LeakageProfile> leakage, Optional<IdenticalRows> identicalRows,
                      DatasetDrift datasetDrift, Optional<ModelPerformance> performance, EarlierRuns earlier,
                      Map<String, Analyzed> analyzed, QualityMeasures quality) {
        this(referenceRows, currentRows, plan, columns, label, leakage, identicalRows, datasetDrift, performance, earlier, analyzed,
            quality, List.of());
    }

    public Comparison(long referenceRows, long currentRows, ColumnPlan plan,
                      Map<String, ColumnComparison> columns, Optional<ColumnComparison> label,
                      Optional<LeakageProfile> leakage, Optional<IdenticalRows> identicalRows,
                      DatasetDrift datasetDrift, Optional<ModelPerformance> performance, EarlierRuns earlier,
                      Map<String, Analyzed> analyzed) {
        this(referenceRows, currentRows, plan, columns, label, leakage, identicalRows, datasetDrift, performance, earlier, analyzed,
            QualityMeasures.NONE);
    }

    public Comparison {
        quality = quality == null ? QualityMeasures.NONE : quality;
        earlier = earlier == null ? EarlierRuns.NONE : earlier;
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
        analyzed = analyzed == null ? Map.of() : Map.copyOf(analyzed);
        segments = segments == null ? List.of() : List.copyOf(segments);
        counted = counted == null ? Map.of() : Map.copyOf(counted);
    }

    public Comparison(long referenceRows, long currentRows, ColumnPlan plan, Map<String, ColumnComparison> columns,
                      Optional<ColumnComparison> label, Optional<LeakageProfile> leakage, Optional<IdenticalRows> identicalRows,
                      DatasetDrift datasetDrift, Optional<ModelPerformance> performance, EarlierRuns earlier) {
        this(referenceRows, currentRows, plan, columns, label, leakage, identicalRows, datasetDrift, performance, earlier, Map.of());
    }

    /** An analyzer's metric on both sides, or null when no scan ran it (its column was not scanned as a number). */
    public Analyzed analyzed(String name) {
        return analyzed.get(name);
    }

    public Comparison(long referenceRows, long currentRows, ColumnPlan plan, Map<String, ColumnComparison> columns,
                      Optional<ColumnComparison> label, Optional<LeakageProfile> leakage, Optional<IdenticalRows> identicalRows,
                      DatasetDrift datasetDrift) {
        this(referenceRows, currentRows, plan, columns, label, leakage, identicalRows, datasetDrift, Optional.empty(), EarlierRuns.NONE);
    }

    /** The same comparison with what the metrics history remembers of earlier runs, for checks that look back. */
    public Comparison withEarlier(EarlierRuns runs) {
        return new Comparison(referenceRows, currentRows, plan, columns, label, leakage, identicalRows, datasetDrift, performance, runs,
            analyzed, quality, segments, counted);
    }

    /** The same comparison on a run date (freshness is judged against it). */
    public Comparison dated(java.time.LocalDate date) {
        return new Comparison(referenceRows, currentRows, plan, columns, label, leakage, identicalRows, datasetDrift, performance, earlier,
            analyzed, quality.on(date), segments, counted);
    }

    /** Features then the label, for renderers that list every compared column. */
    public java.util.List<ColumnComparison> allColumns() {
        java.util.List<ColumnComparison> all = new java.util.ArrayList<>(columns.values());
        label.ifPresent(all::add);
        return all;
    }
}
