package org.driftwatch.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.driftwatch.checks.Finding;
import org.driftwatch.checks.SegmentCheck;
import org.driftwatch.checks.Status;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.SegmentComparison;

/**
 * {@code segments}: per segment its rows, each segmented column with the same fields as
 * {@code report.columns[name]}, the model's performance there, the drifted columns and the segments check's
 * status and words (null without {@code segments:}); on the page only the segments that moved
 * ({@link SegmentsBlock}); in summary.csv a row per segment and column (role "segment").
 */
final class SegmentsSection implements ReportSection {
    @Override
    public String key() {
        return "segments";
    }

    @Override
    public JsonNode json(DriftReport report) {
        if (report.comparison().segments().isEmpty()) {
            return null;
        }
        ArrayNode out = JsonValues.JSON.createArrayNode();
        for (SegmentComparison s : report.comparison().segments()) {
            ObjectNode o = out.addObject();
            o.put("segment", s.name());
            if (s.by() != null) {
                o.putObject("by").put(s.by(), s.value());
            } else {
                o.putNull("by");
            }
            o.put("expression", s.expression());
            o.putObject("rows").put("reference", s.referenceRows()).put("current", s.currentRows());
            o.put("statistics", s.measured() ? "computed" : "insufficient data");
            ObjectNode columns = o.putObject("columns");
            s.columns().forEach((name, c) -> columns.set(name, ColumnJson.column(c, "feature")));
            o.set("performance", s.performance().map(p -> (JsonNode) PerformanceJson.segment(p)).orElse(null));
            JsonValues.strings(o.putArray("drifted_columns"), s.driftedColumns());
            Finding f = finding(report, s);
            o.put("status", f == null ? null : f.status().json());
            o.put("masked", f != null && f.kind() == org.driftwatch.checks.DriftKind.MASKED);
            o.put("message", f == null ? s.insufficient() : f.message());
        }
        return out;
    }

    /** The segments check's finding for this segment, or null when the check did not run. */
    static Finding finding(DriftReport report, SegmentComparison s) {
        String key = SegmentCheck.JUDGED + s.name();
        return report.findings().stream().filter(f -> key.equals(f.judged())).findFirst().orElse(null);
    }

    static final String TEMPLATE = "org/driftwatch/report/html/sections/segments.html.peb";
    /** Segments listed on the page at most: the worst first; the rest are in report.json and summary.csv. */
    static final int SHOWN = 20;

    @Override
    public org.driftwatch.report.html.HtmlBlock html(DriftReport report) {
        List<SegmentComparison> all = report.comparison().segments();
        if (all.isEmpty()) {
            return null;
        }
        List<SegmentComparison> moved = new ArrayList<>(all.stream().filter(s -> {
            Finding f = finding(report, s);
            return f != null && f.status() != Status.OK;
        }).toList());
        moved.sort(java.util.Comparator.comparing((SegmentComparison s) -> finding(report, s).status()).reversed());
        List<java.util.Map<String, Object>> rows = new ArrayList<>();
        for (SegmentComparison s : moved.subList(0, Math.min(SHOWN, moved.size()))) {
            Finding f = finding(report, s);
            java.util.Map<String, Object> r = new java.util.LinkedHashMap<>();
            r.put("status", f.status().name());
            r.put("color", f.status() == Status.WARN ? "#8a5300" : "#b3261e");
            r.put("name", s.name());
            r.put("rows", String.format(java.util.Locale.ROOT, "%,d → %,d rows", s.referenceRows(), s.currentRows()));
            String message = f.message();
            r.put("moved", message.startsWith(s.name() + ": ") ? message.substring(s.name().length() + 2) : message);
            r.put("masked", f.kind() == org.driftwatch.checks.DriftKind.MASKED);
            rows.add(r);
        }
        long insufficient = all.stream().filter(s -> !s.measured()).count();
        java.util.Map<String, Object> model = new java.util.LinkedHashMap<>();
        model.put("title", "Segments: " + (moved.isEmpty() ? "none of " + all.size() + " moved"
            : moved.size() + " of " + all.size() + " moved"));
        model.put("rows", rows);
        List<String> note = new ArrayList<>();
        if (moved.size() > SHOWN) {
            note.add("the " + SHOWN + " worst shown; all " + moved.size() + " are in report.json and summary.csv");
        }
        if (insufficient > 0) {
            note.add(insufficient + " with too few rows to compare (segments.min_rows)");
        }
        model.put("note", String.join("; ", note));
        return new org.driftwatch.report.html.HtmlBlock(TEMPLATE, model, List.of());
    }

    @Override
    public List<List<Object>> csvRows(DriftReport report, int width) {
        List<List<Object>> rows = new ArrayList<>();
        for (SegmentComparison s : report.comparison().segments()) {
            Finding f = finding(report, s);
            for (ColumnComparison c : s.columns().values()) {
                List<Object> row = new ArrayList<>(Collections.nCopies(width, null));
                List<Object> cells = SummaryCsvWriter.columnCells(c, "segment", f == null ? "" : segmentColumnStatus(f, s, c));
                for (int i = 0; i < cells.size(); i++) {
                    row.set(i, cells.get(i));
                }
                row.set(width - 4, s.name());
                rows.add(row);
            }
        }
        return rows;
    }

    /** A column's status within its segment: the segment's status where its drift test fired, else ok. */
    private static String segmentColumnStatus(Finding f, SegmentComparison s, ColumnComparison c) {
        return s.driftedColumns().contains(c.name()) ? f.status().json() : Status.OK.json();
    }
}
