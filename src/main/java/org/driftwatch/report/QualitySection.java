package org.driftwatch.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.driftwatch.checks.Finding;
import org.driftwatch.checks.Status;
import org.driftwatch.checks.quality.QualityCheck;
import org.driftwatch.compare.QualityMeasures;
import org.driftwatch.profile.model.QualityMeasure;
import org.driftwatch.report.html.HtmlBlock;

/**
 * {@code quality}: the data-quality constraints in rule-file order, each with both sides' counts, failing
 * share and failing values, its status and message (null without {@code checks.quality}); on the page a
 * "Data quality" block, failures first; in summary.csv one row per constraint (role "quality", the failing
 * shares in the value columns).
 */
final class QualitySection implements ReportSection {
    static final String TEMPLATE = "org/driftwatch/report/html/sections/quality.html.peb";

    /** One constraint of the report: both sides' measures and its finding. */
    record Line(String name, QualityMeasure reference, QualityMeasure current, Finding finding) {
        String kind() {
            return current.kind();
        }

        String column() {
            return current.column();
        }
    }

    static List<Line> lines(DriftReport report) {
        QualityMeasures q = report.comparison().quality();
        List<Line> out = new ArrayList<>();
        q.current().measures().forEach((name, cur) -> report.findings().stream()
            .filter(f -> (QualityCheck.JUDGED + name).equals(f.judged())).findFirst()
            .ifPresent(f -> out.add(new Line(name, q.reference(name), cur, f))));
        return out;
    }

    @Override
    public String key() {
        return "quality";
    }

    @Override
    public JsonNode json(DriftReport report) {
        List<Line> lines = lines(report);
        if (lines.isEmpty()) {
            return null;
        }
        QualityMeasures q = report.comparison().quality();
        ArrayNode a = JsonValues.JSON.createArrayNode();
        for (Line l : lines) {
            ObjectNode o = a.addObject();
            o.put("name", l.name());
            if (l.column() == null) {
                o.putNull("column");
            } else {
                o.put("column", l.column());
            }
            o.put("kind", l.kind());
            o.set("reference", side(l.reference(), q));
            o.set("current", side(l.current(), q));
            o.put("status", l.finding().status().json());
            o.put("message", l.finding().message());
        }
        return a;
    }

    private static JsonNode side(QualityMeasure m, QualityMeasures q) {
        if (m == null) {
            return JsonValues.JSON.nullNode();
        }
        ObjectNode o = JsonValues.JSON.createObjectNode();
        o.put("rows", m.rows());
        o.put("checked", m.checked());
        if (m.error() != null) {
            o.put("error", m.error());
            return o;
        }
        if ("freshness".equals(m.kind())) {
            if (m.latestMicros() == null) {
                o.putNull("max");
            } else {
                o.put("max", instant(m.latestMicros()));
            }
            JsonValues.num(o, "age_hours", q.ageHours(m.latestMicros()));
            return o;
        }
        JsonValues.lng(o, "failed", m.failed());
        JsonValues.num(o, "failed_share", m.failedShare());
        ArrayNode samples = o.putArray("samples");
        m.samples().forEach(v -> add(samples, v));
        if (m.distinct() != null) {
            o.put("distinct", m.distinct());
            JsonValues.lng(o, "duplicated_values", m.duplicatedValues());
        }
        return o;
    }

    /** A failing value: a number as a JSON number (NaN and infinities as text), text as text, a row as an object. */
    private static void add(ArrayNode a, Object v) {
        if (v instanceof Map<?, ?> row) {
            ObjectNode o = a.addObject();
            row.forEach((k, x) -> {
                ArrayNode one = JsonValues.JSON.createArrayNode();
                add(one, x);
                o.set(String.valueOf(k), one.get(0));
            });
        } else if (v == null) {
            a.addNull();
        } else if (v instanceof Long l) {
            a.add(l);
        } else if (v instanceof Double d) {
            if (Double.isFinite(d)) {
                a.add(d);
            } else {
                a.add(Double.toString(d));
            }
        } else {
            a.add(String.valueOf(v));
        }
    }

    static String instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L).toString();
    }

    @Override
    public HtmlBlock html(DriftReport report) {
        List<Line> lines = new ArrayList<>(lines(report));
        if (lines.isEmpty()) {
            return null;
        }
        lines.sort(Comparator.comparing((Line l) -> l.finding().status()).reversed());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Line l : lines) {
            Map<String, Object> r = new LinkedHashMap<>();
            Status s = l.finding().status();
            r.put("status", s.name());
            r.put("color", s == Status.OK ? "#1e6b2e" : s == Status.WARN ? "#8a5300" : "#b3261e");
            r.put("name", l.name());
            r.put("what", l.kind() + (l.column() == null ? "" : " · " + l.column()));
            r.put("current", shown(l.current(), report.comparison().quality()));
            r.put("reference", shown(l.reference(), report.comparison().quality()));
            r.put("samples", samples(l.current()));
            r.put("message", l.finding().message());
            r.put("trend", trend(report.trends().quality().get(l.name()), "freshness".equals(l.kind())));
            rows.add(r);
        }
        long failing = lines.stream().filter(l -> l.finding().status() != Status.OK).count();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Data quality: " + (failing == 0 ? "all " + lines.size() + " constraints hold"
            : failing + " of " + lines.size() + " constraints need attention"));
        model.put("rows", rows);
        model.put("failingRows", failingRows(report));
        return new HtmlBlock(TEMPLATE, model, List.of());
    }

    /** The last nights' failing shares (ages), oldest first, when the history has more than tonight. */
    private static String trend(List<org.driftwatch.report.Trends.Share> shares, boolean ages) {
        if (shares == null || shares.size() < 2) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (org.driftwatch.report.Trends.Share s : shares.subList(Math.max(0, shares.size() - TREND_NIGHTS), shares.size())) {
            out.add(ages ? String.format(Locale.ROOT, "%.0f h", s.value()) : percent(s.value()));
        }
        return "last " + out.size() + " nights: " + String.join(" → ", out);
    }

    /** Nights the page's trend line of a constraint shows. */
    static final int TREND_NIGHTS = 7;

    private static String failingRows(DriftReport report) {
        QualityMeasures q = report.comparison().quality();
        Long cur = q.current().failingRows();
        Long ref = q.reference().failingRows();
        if (cur == null) {
            return q.current().note() == null ? "" : q.current().note();
        }
        return String.format(Locale.ROOT, "Rows failing at least one constraint: %,d of %,d tonight%s", cur, report.current().rows(),
            ref == null ? "" : String.format(Locale.ROOT, ", %,d of %,d in the reference", ref, report.reference().rows()));
    }

    /** A side's failing share (or age) as the page shows it. */
    private static String shown(QualityMeasure m, QualityMeasures q) {
        if (m == null) {
            return "–";
        }
        if (m.error() != null) {
            return "error";
        }
        if ("freshness".equals(m.kind())) {
            Double age = q.ageHours(m.latestMicros());
            return age == null ? "no values" : String.format(Locale.ROOT, "%.1f h old", age);
        }
        Double share = m.failedShare();
        return share == null ? "no values" : String.format(Locale.ROOT, "%s (%,d of %,d)", percent(share), m.failed(), m.checked());
    }

    static String percent(double share) {
        double p = 100 * share;
        return p == 0 ? "0 %" : p < 0.01 ? "<0.01 %" : String.format(Locale.ROOT, "%.2f %%", p);
    }

    private static String samples(QualityMeasure m) {
        List<String> out = new ArrayList<>();
        for (Object v : m.samples()) {
            out.add(bounded(v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d) : String.valueOf(v)));
        }
        return String.join(", ", out);
    }

    static String bounded(String s) {
        return BoundedText.name(s);   // a sample is a value: cut as names are, beyond 200 characters
    }

    @Override
    public List<List<Object>> csvRows(DriftReport report, int width) {
        List<List<Object>> rows = new ArrayList<>();
        for (Line l : lines(report)) {
            List<Object> row = new ArrayList<>(Collections.nCopies(width, null));
            row.set(0, l.name());
            row.set(1, "quality");
            row.set(2, l.kind());
            row.set(3, l.finding().status().json());
            Double ref = l.reference() == null ? null : l.reference().failedShare();
            Double cur = l.current().failedShare();
            row.set(width - 3, ref);
            row.set(width - 2, cur);
            row.set(width - 1, ref == null || cur == null ? null : cur - ref);
            row.set(SummaryCsvWriter.NOTES, bounded(l.finding().message()) + (l.current().samples().isEmpty() ? ""
                : "; failing values: " + samples(l.current())));
            rows.add(row);
        }
        return rows;
    }
}
