package org.driftwatch.report;

import java.io.IOException;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.driftwatch.checks.Finding;
import org.driftwatch.compare.Comparison;
import org.driftwatch.judge.Decision;

/**
 * Renders a {@link DriftReport} as the versioned JSON contract (README "Report contract"). Strict
 * JSON: an undefined number is written as null, and the column's {@code notes} say why.
 */
public final class JsonReportWriter {
    private static final ObjectMapper JSON = JsonValues.JSON;

    private JsonReportWriter() {
    }

    /** Rewrites this run's report.json, for example with the outcome of its actions. */
    public static void rewrite(DriftReport report, Path target) throws IOException {
        ReportFiles.rewriteAtomically(target, bytes(report));
    }

    public static byte[] bytes(DriftReport report) throws IOException {
        return JSON.writeValueAsBytes(BoundedText.tree(toJson(report)));
    }

    public static ObjectNode toJson(DriftReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", DriftReport.SCHEMA_VERSION);
        root.put("monitor", r.monitor());
        root.put("date", r.date());
        root.put("status", r.status().json());
        root.set("run", run(r.run()));
        root.set("reference", source(r.reference()));
        root.set("current", source(r.current()));
        Comparison c = r.comparison();
        ObjectNode columns = root.putObject("columns");
        c.columns().forEach((name, col) -> columns.set(name, ColumnJson.column(col, "feature")));
        c.label().ifPresent(l -> columns.set(l.name(), ColumnJson.column(l, "label")));
        root.put("columns_inferred", c.plan().inferred());
        if (!c.plan().skipped().isEmpty()) {
            JsonValues.strings(root.putArray("columns_skipped"), c.plan().skipped());
            ObjectNode why = root.putObject("columns_skipped_reasons");
            c.plan().skipReasons().forEach(why::put);
        }
        for (ReportSection section : ReportSections.ALL) {
            root.set(section.key(), section.json(r));
        }
        root.set("decision", decision(r.decision(), r.judgement().outcome()));
        JsonValues.strings(((ObjectNode) root.get("decision")).putArray("drift_types"), r.judgement().explanation().driftTypes());
        ObjectNode thresholds = root.putObject("thresholds");
        r.thresholds().forEach(thresholds::put);
        ArrayNode actions = root.putArray("actions");
        for (DriftReport.ActionRecord a : r.actions()) {
            ObjectNode o = actions.addObject();
            o.put("action", a.action());
            o.put("outcome", a.outcome());
            JsonValues.strings(o.putArray("recipients"), a.recipients());
            o.put("attempts", a.attempts());
            o.put("message", a.message());
        }
        if (r.history() != null) {
            root.set("history", history(r.history()));
        }
        ArrayNode checks = root.putArray("checks");
        for (Finding cr : r.findings()) {
            ObjectNode o = checks.addObject();
            o.put("name", cr.check());
            o.put("column", cr.column());
            o.put("status", cr.status().json());
            JsonValues.num(o, "value", cr.value());
            JsonValues.num(o, "threshold", cr.threshold());
            o.put("message", cr.message());
        }
        return root;
    }

    private static ObjectNode history(DriftReport.HistoryUse h) {
        ObjectNode o = JSON.createObjectNode();
        o.put("location", h.location());
        o.put("nights_read", h.nightsRead());
        ArrayNode unreadable = o.putArray("unreadable_nights");
        h.unreadable().forEach(u -> unreadable.addObject().put("date", u.date()).put("reason", u.reason()));
        o.put("written", h.writeError() == null);
        o.put("write_error", h.writeError());
        return o;
    }

    private static ObjectNode decision(Decision decision, org.driftwatch.judge.Outcome outcome) {
        ObjectNode d = JSON.createObjectNode();
        d.put("verdict", decision.verdict().json());
        d.put("outcome", outcome.json());
        reasons(d.putArray("reasons"), decision.reasons());
        JsonValues.strings(d.putArray("retrain_columns"), decision.retrainColumns());
        d.put("data_unfit", decision.dataUnfit());
        reasons(d.putArray("held_reasons"), decision.held());
        return d;
    }

    private static void reasons(ArrayNode into, java.util.List<Decision.Reason> reasons) {
        for (Decision.Reason reason : reasons) {
            ObjectNode o = into.addObject();
            o.put("kind", reason.kind());
            o.put("column", reason.column());
            JsonValues.num(o, "value", reason.value());
            JsonValues.num(o, "threshold", reason.threshold());
            o.put("message", reason.message());
        }
    }

    private static ObjectNode run(DriftReport.RunInfo run) {
        ObjectNode o = JSON.createObjectNode();
        o.put("driftwatch_version", run.driftwatchVersion());
        o.put("spark_version", run.sparkVersion());
        o.put("spark_master", run.sparkMaster());
        o.put("started_at", run.startedAt());
        o.put("duration_seconds", Math.round(run.durationSeconds() * 1000) / 1000.0);
        o.put("spark_jobs", run.sparkJobs());
        if (run.driverPeakHeapBytes() >= 0) {
            o.put("driver_peak_heap_mb", run.driverPeakHeapBytes() >> 20);
        }
        if (run.driverHeapAfterGcBytes() >= 0) {
            o.put("driver_heap_after_gc_mb", run.driverHeapAfterGcBytes() >> 20);
        }
        o.put("rules_file", run.rulesFile());
        o.put("rules_sha256", run.rulesSha256());
        return o;
    }

    private static ObjectNode source(DriftReport.Source s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("source", s.location());
        o.put("format", s.format());
        o.put("rows", s.rows());
        if (s.version() != null) {
            o.put("version", s.version());
        }
        return o;
    }


}
