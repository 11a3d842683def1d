package org.driftwatch.history;

import java.util.ArrayList;
import java.util.List;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.ModelPerformance;
import org.driftwatch.compare.RememberedNumbers;
import org.driftwatch.report.DriftReport;

/** The rows a judged report leaves in the history: per column its drift statistics, then the model, then the run. */
public final class HistoryRows {
    private HistoryRows() {
    }

    public static List<HistoryRow> of(DriftReport r) {
        List<HistoryRow> out = new ArrayList<>();
        for (ColumnComparison c : r.comparison().allColumns()) {
            column(out, c);
        }
        r.comparison().performance().ifPresent(p -> performance(out, p));
        RememberedNumbers.quality(r.comparison().quality()).forEach((column, numbers) -> numbers.forEach((m, v) -> add(out, column, m, v)));
        RememberedNumbers.segments(r.comparison().segments()).forEach((column, numbers) -> numbers.forEach((m, v) -> add(out, column, m, v)));
        add(out, HistoryRow.RUN, "rows_reference", (double) r.reference().rows());
        add(out, HistoryRow.RUN, "rows_current", (double) r.current().rows());
        add(out, HistoryRow.RUN, "duration_seconds", r.run().durationSeconds());
        add(out, HistoryRow.RUN, "breached", r.judgement().breached() ? 1.0 : 0.0);
        add(out, HistoryRow.RUN, "data_unfit", r.decision().dataUnfit() ? 1.0 : 0.0);
        add(out, HistoryRow.RUN, "drift_share", r.datasetDrift().share());
        out.add(new HistoryRow(HistoryRow.RUN, "status", null, r.status().json()));
        out.add(new HistoryRow(HistoryRow.RUN, "verdict", null, r.decision().verdict().json()));
        out.add(new HistoryRow(HistoryRow.RUN, "outcome", null, r.judgement().outcome().json()));
        out.add(new HistoryRow(HistoryRow.RUN, "rules_sha256", null, r.run().rulesSha256()));
        return out;
    }

    private static void column(List<HistoryRow> out, ColumnComparison c) {
        RememberedNumbers.of(c).forEach((metric, v) -> add(out, c.name(), metric, v));
    }

    private static void performance(List<HistoryRow> out, ModelPerformance p) {
        if (p.current() != null) {
            p.current().metrics().forEach((k, v) -> add(out, HistoryRow.PERFORMANCE, k, v));
            add(out, HistoryRow.PERFORMANCE, "n", (double) p.current().n());
        }
        add(out, HistoryRow.PERFORMANCE, "prediction_psi", p.predictionDrift().psi());
    }

    private static void add(List<HistoryRow> out, String column, String metric, Double v) {
        if (v != null && Double.isFinite(v)) {
            out.add(new HistoryRow(column, metric, v, null));
        }
    }
}
