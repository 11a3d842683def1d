package org.driftwatch.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.driftwatch.data.ColumnPlan;
import org.driftwatch.data.ModelPlan;
import org.driftwatch.data.SegmentPlan;
import org.driftwatch.profile.model.CategoryTable;
import org.driftwatch.profile.model.DatasetSummary;
import org.driftwatch.profile.model.JointProfile;
import org.driftwatch.profile.model.ModelOutcomes;
import org.driftwatch.profile.model.NumericDistribution;
import org.driftwatch.profile.model.NumericSummary;

/**
 * Every segment compared from the same profile as the whole columns: a segment column's profile is its
 * column's on the segment's rows (null elsewhere), so the whole-column comparison applied to a view of the
 * profile — the segment's rows, its columns under their own names, the nulls outside it taken out — gives
 * the segment's statistics by the very same definitions.
 */
final class SegmentComparisons {
    private SegmentComparisons() {
    }

    static List<SegmentComparison> build(ColumnPlan plan, JointProfile profile, CompareSettings settings,
                                         Optional<ModelPerformance> whole) {
        SegmentPlan segments = plan.segments();
        List<SegmentComparison> out = new ArrayList<>();
        int model = 0;
        for (SegmentPlan.Segment s : segments.segments()) {
            long refRows = rows(profile.reference(), s);
            long curRows = rows(profile.current(), s);
            String insufficient = Math.min(refRows, curRows) < segments.minRows()
                ? "insufficient data: " + refRows + " reference and " + curRows + " current rows (segments.min_rows " + segments.minRows() + ")"
                : null;
            JointProfile view = view(profile, s, refRows, curRows);
            Map<String, ColumnComparison> columns = new LinkedHashMap<>();
            for (String c : s.columns().keySet()) {
                boolean numerical = plan.numerical().contains(c);
                ColumnComparison compared = numerical ? ComparisonBuilder.numerical(c, view, settings) : ComparisonBuilder.categorical(c, view, settings);
                columns.put(c, insufficient == null ? compared.withMetrics() : compared.withoutStatistics(insufficient));
            }
            Optional<ModelPerformance> performance = Optional.empty();
            if (s.model() != null && whole.isPresent()) {
                ModelOutcomes ref = at(profile.segmentOutcomes().reference(), model);
                ModelOutcomes cur = at(profile.segmentOutcomes().current(), model);
                model++;
                if (insufficient == null) {
                    ModelPlan segmentModel = s.model().withTask(whole.get().task(), whole.get().taskReason());
                    performance = Optional.of(ModelPerformance.build(segmentModel, ref, cur, null));
                }
            }
            out.add(new SegmentComparison(s.name(), s.by(), s.value(), s.expression(), refRows, curRows, columns, performance, insufficient));
        }
        return out;
    }

    private static ModelOutcomes at(List<ModelOutcomes> outcomes, int k) {
        return k < outcomes.size() ? outcomes.get(k) : null;
    }

    private static long rows(DatasetSummary side, SegmentPlan.Segment s) {
        Long n = side.nonNull(s.rowsColumn());
        return n == null ? 0 : n;
    }

    /** The profile as the segment sees it: its rows, its columns under their compared names, nulls counted within it. */
    private static JointProfile view(JointProfile profile, SegmentPlan.Segment s, long refRows, long curRows) {
        Map<String, NumericDistribution> numeric = new HashMap<>();
        Map<String, CategoryTable> categorical = new HashMap<>();
        s.columns().forEach((c, scanned) -> {
            if (profile.numeric().containsKey(scanned)) {
                numeric.put(c, profile.numeric().get(scanned));
            }
            if (profile.categorical().containsKey(scanned)) {
                categorical.put(c, profile.categorical().get(scanned));
            }
        });
        return new JointProfile(side(profile.reference(), s, refRows), side(profile.current(), s, curRows), numeric, categorical,
            Optional.empty(), Optional.empty());
    }

    private static DatasetSummary side(DatasetSummary whole, SegmentPlan.Segment s, long rows) {
        long outside = whole.rows() - rows;
        Map<String, NumericSummary> numeric = new HashMap<>();
        Map<String, Long> nonNull = new HashMap<>();
        s.columns().forEach((c, scanned) -> {
            NumericSummary n = whole.numeric().get(scanned);
            if (n != null) {
                numeric.put(c, new NumericSummary(n.count(), n.nullCount() - outside, n.nanCount(), n.infiniteCount(), n.mean(), n.stdPop(),
                    n.stdSample(), n.min(), n.max()));
            }
            Long k = whole.nonNull(scanned);
            if (k != null) {
                nonNull.put(c, k);
            }
        });
        return new DatasetSummary(rows, numeric, nonNull);
    }
}
