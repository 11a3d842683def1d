package org.driftwatch.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.driftwatch.checks.Finding;
import org.driftwatch.compare.ColumnComparison.SideStats;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.Comparison;
import org.driftwatch.judge.Decision;
import org.driftwatch.profile.model.LeakageProfile;

/**
 * Renders a {@link DriftReport} as the versioned JSON contract (README "Report contract"). Strict
 * JSON: an undefined number is written as null, and the column's {@code notes} say why.
 */
public final class JsonReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReportWriter() {
    }

    public static void write(DriftReport report, Path target) throws IOException {
        ReportFiles.writeAtomically(target, bytes(report));
    }

    /** Rewrites this run's report.json, for example with the outcome of its actions. */
    public static void rewrite(DriftReport report, Path target) throws IOException {
        ReportFiles.rewriteAtomically(target, bytes(report));
    }

    public static byte[] bytes(DriftReport report) throws IOException {
        return JSON.writeValueAsBytes(toJson(report));
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
        c.columns().forEach((name, col) -> columns.set(name, column(col, "feature")));
        c.label().ifPresent(l -> columns.set(l.name(), column(l, "label")));
        root.put("columns_inferred", c.plan().inferred());
        if (!c.plan().skipped().isEmpty()) {
            strings(root.putArray("columns_skipped"), c.plan().skipped());
        }
        root.set("leakage", c.leakage().map(JsonReportWriter::leakage).orElse(null));
        root.set("label", c.label().map(JsonReportWriter::label).orElse(null));
        root.set("identical_rows", c.identicalRows().map(i -> {
            ObjectNode o = JSON.createObjectNode();
            o.put("current_rows_in_reference", i.currentRows());
            o.put("distinct_rows_in_both", i.distinctRows());
            strings(o.putArray("compared_columns"), i.columns());
            return o;
        }).orElse(null));
        ObjectNode dd = root.putObject("dataset_drift");
        num(dd, "share", r.datasetDrift().share());
        dd.put("threshold", r.datasetDrift().threshold());
        dd.put("detected", r.datasetDrift().detected());
        dd.put("tested_columns", r.datasetDrift().testedColumns());
        strings(dd.putArray("drifted_columns"), r.datasetDrift().driftedColumns());
        ObjectNode schema = root.putObject("schema");
        strings(schema.putArray("missing_in_current"), c.plan().schema().missingInCurrent());
        strings(schema.putArray("new_in_current"), c.plan().schema().newInCurrent());
        ObjectNode types = schema.putObject("type_changes");
        c.plan().schema().typeChanges().forEach((k, v) -> types.putObject(k).put("reference", v[0]).put("current", v[1]));
        root.set("decision", decision(r.decision()));
        ObjectNode thresholds = root.putObject("thresholds");
        r.thresholds().forEach(thresholds::put);
        ArrayNode actions = root.putArray("actions");
        for (DriftReport.ActionRecord a : r.actions()) {
            ObjectNode o = actions.addObject();
            o.put("action", a.action());
            o.put("outcome", a.outcome());
            strings(o.putArray("recipients"), a.recipients());
            o.put("attempts", a.attempts());
            o.put("message", a.message());
        }
        ArrayNode checks = root.putArray("checks");
        for (Finding cr : r.findings()) {
            ObjectNode o = checks.addObject();
            o.put("name", cr.check());
            o.put("column", cr.column());
            o.put("status", cr.status().json());
            num(o, "value", cr.value());
            num(o, "threshold", cr.threshold());
            o.put("message", cr.message());
        }
        return root;
    }

    private static ObjectNode decision(Decision decision) {
        ObjectNode d = JSON.createObjectNode();
        d.put("verdict", decision.verdict().json());
        ArrayNode reasons = d.putArray("reasons");
        for (Decision.Reason reason : decision.reasons()) {
            ObjectNode o = reasons.addObject();
            o.put("kind", reason.kind());
            o.put("column", reason.column());
            num(o, "value", reason.value());
            num(o, "threshold", reason.threshold());
            o.put("message", reason.message());
        }
        strings(d.putArray("retrain_columns"), decision.retrainColumns());
        return d;
    }

    private static ObjectNode run(DriftReport.RunInfo run) {
        ObjectNode o = JSON.createObjectNode();
        o.put("driftwatch_version", run.driftwatchVersion());
        o.put("spark_version", run.sparkVersion());
        o.put("spark_master", run.sparkMaster());
        o.put("started_at", run.startedAt());
        o.put("duration_seconds", Math.round(run.durationSeconds() * 1000) / 1000.0);
        o.put("spark_jobs", run.sparkJobs());
        o.put("rules_file", run.rulesFile());
        o.put("rules_sha256", run.rulesSha256());
        return o;
    }

    private static ObjectNode source(DriftReport.Source s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("source", s.location());
        o.put("format", s.format());
        o.put("rows", s.rows());
        return o;
    }

    private static ObjectNode column(ColumnComparison c, String role) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", c.type());
        o.put("role", role);
        o.set("reference", side(c.reference()));
        o.set("current", side(c.current()));
        num(o, "psi", c.psi());
        if (c.numerical()) {
            if (c.bins() != null) {
                ObjectNode b = o.putObject("psi_bins");
                doubles(b.putArray("inner_edges"), c.bins().innerEdges());
                longs(b.putArray("reference"), c.bins().reference());
                longs(b.putArray("current"), c.bins().current());
            }
            if (c.ks() != null) {
                ObjectNode ks = o.putObject("ks");
                num(ks, "statistic", c.ks().statistic());
                num(ks, "p_value", c.ks().pValue());
                ks.put("method", c.ks().method());
                num(ks, "bound", c.ks().bound());
            } else {
                o.putNull("ks");
            }
            num(o, "wasserstein", c.wasserstein());
            num(o, "wasserstein_normed", c.wassersteinNormed());
            num(o, "wasserstein_normed_bound", c.wassersteinNormedBound());
            if (c.method() != null) {
                o.putObject("comparison").put("method", c.method().method()).put("reason", c.method().reason());
            }
        } else {
            if (c.categories() != null) {
                ObjectNode shares = o.putObject("shares");
                shares(shares.putObject("reference"), c.categories().names(), c.categories().reference());
                shares(shares.putObject("current"), c.categories().names(), c.categories().current());
                o.put("categories_folded", c.categories().folded());
            }
            chiSquare(o, c.chiSquare());
            num(o, "jensen_shannon", c.jensenShannon());
            strings(o.putArray("unseen_categories"), c.unseenCategories());
            strings(o.putArray("missing_categories"), c.missingCategories());
        }
        c.metrics().forEach((name, v) -> {
            if (v.single()) {
                num(o, name, v.value());
            } else {
                ObjectNode m = o.putObject(name);
                v.fields().forEach((k, x) -> num(m, k, x));
            }
        });
        ObjectNode d = o.putObject("drift");
        d.put("test", c.drift().test());
        num(d, "score", c.drift().score());
        num(d, "threshold", c.drift().threshold());
        d.put("detected", c.drift().detected());
        if (c.drift().note() != null) {
            d.put("note", c.drift().note());
        }
        strings(o.putArray("notes"), c.notes());
        return o;
    }

    private static void chiSquare(ObjectNode o, ColumnComparison.ChiSquare chi) {
        if (chi == null) {
            o.putNull("chi_square");
            return;
        }
        ObjectNode x = o.putObject("chi_square");
        num(x, "statistic", chi.statistic());
        x.put("dof", chi.degreesOfFreedom());
        num(x, "p_value", chi.pValue());
    }

    private static ObjectNode side(SideStats s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("rows", s.rows());
        lng(o, "count", s.count());
        lng(o, "null_count", s.nullCount());
        num(o, "null_share", s.nullShare());
        if (s.nanCount() > 0 || s.infiniteCount() > 0) {
            o.put("nan_count", s.nanCount());
            o.put("infinite_count", s.infiniteCount());
        }
        if (s.mean() != null || s.min() != null) {
            num(o, "mean", s.mean());
            num(o, "std", s.stdPop());
            num(o, "std_sample", s.stdSample());
            num(o, "min", s.min());
            num(o, "max", s.max());
            if (s.median() != null) {
                num(o, "median", s.median());
            }
        }
        lng(o, "distinct", s.distinct());
        return o;
    }

    private static ObjectNode leakage(LeakageProfile l) {
        ObjectNode o = JSON.createObjectNode();
        o.put("key", l.column());
        o.put("overlapping_ids", l.overlappingIds());
        o.put("current_rows_with_reference_id", l.currentRowsWithReferenceId());
        o.put("reference_rows_with_current_id", l.referenceRowsWithCurrentId());
        o.put("reference_distinct_ids", l.referenceDistinctIds());
        o.put("current_distinct_ids", l.currentDistinctIds());
        strings(o.putArray("example_ids"), l.exampleIds());
        return o;
    }

    private static ObjectNode label(ColumnComparison c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("column", c.name());
        if (c.categories() != null) {
            shares(o.putObject("reference"), c.categories().names(), c.categories().reference());
            shares(o.putObject("current"), c.categories().names(), c.categories().current());
            ObjectNode counts = o.putObject("counts");
            counts(counts.putObject("reference"), c.categories().names(), c.categories().reference());
            counts(counts.putObject("current"), c.categories().names(), c.categories().current());
        }
        lng(o, "reference_null_count", c.reference().nullCount());
        lng(o, "current_null_count", c.current().nullCount());
        num(o, "psi", c.psi());
        num(o, "chi_square_p_value", c.chiSquare() == null ? null : c.chiSquare().pValue());
        chiSquare(o, c.chiSquare());
        num(o, "jensen_shannon", c.jensenShannon());
        strings(o.putArray("unseen_classes"), c.unseenCategories());
        strings(o.putArray("missing_classes"), c.missingCategories());
        strings(o.putArray("notes"), c.notes());
        return o;
    }

    private static void shares(ObjectNode o, List<String> names, long[] counts) {
        long n = 0;
        for (long x : counts) {
            n += x;
        }
        for (int i = 0; i < names.size(); i++) {
            if (n > 0) {
                o.put(names.get(i), (double) counts[i] / n);
            } else {
                o.putNull(names.get(i));
            }
        }
    }

    private static void counts(ObjectNode o, List<String> names, long[] counts) {
        for (int i = 0; i < names.size(); i++) {
            o.put(names.get(i), counts[i]);
        }
    }

    static void num(ObjectNode o, String key, Double v) {
        if (v == null || !Double.isFinite(v)) {
            o.putNull(key);
        } else {
            o.put(key, v.doubleValue());
        }
    }

    private static void lng(ObjectNode o, String key, Long v) {
        if (v == null) {
            o.putNull(key);
        } else {
            o.put(key, v.longValue());
        }
    }

    private static void strings(ArrayNode a, List<String> xs) {
        xs.forEach(a::add);
    }

    private static void doubles(ArrayNode a, double[] xs) {
        for (double x : xs) {
            if (Double.isFinite(x)) {
                a.add(x);
            } else {
                a.addNull();
            }
        }
    }

    private static void longs(ArrayNode a, long[] xs) {
        for (long x : xs) {
            a.add(x);
        }
    }

}
