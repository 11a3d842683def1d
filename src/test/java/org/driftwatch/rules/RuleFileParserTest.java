package org.driftwatch.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.driftwatch.checks.CheckCatalog;
import org.driftwatch.checks.PsiCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFileParserTest {
    @TempDir
    Path tmp;

    private static final String SOURCES = "reference: {path: data/train.parquet}\ncurrent: {path: \"data/prod/{date}/\", format: parquet}\n";

    private Path file(String yaml) throws IOException {
        Path f = tmp.resolve("rules.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private String error(String yaml) throws IOException {
        Path f = file(yaml);
        RuleException e = assertThrows(RuleException.class, () -> {
            RuleSet r = RuleFileParser.parse(f);
            CheckCatalog.checksFor(r);
            org.driftwatch.compare.CompareSettings.fromRules(r);
            org.driftwatch.judge.RetrainPolicy.fromRules(r);
            org.driftwatch.actions.ActionPlan.of(r, List.of(), false, java.util.Map.of());
        });
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        return e.getMessage().substring(f.toString().length());
    }

    @Test
    void fullRuleFileParses() throws IOException {
        RuleSet r = RuleFileParser.parse(file("monitor: fraud-detection\n" + SOURCES
            + "columns:\n  numerical: [amount, hour]\n  categorical: [country]\n  id: user_id\n  label: is_fraud\n"
            + "checks:\n  psi: {bins: 20, warn: 0.1, fail: 0.3}\n  ks: {alpha: 0.01}\n"
            + "  nulls: {required: [user_id], max_null_share: 0.05, max_null_share_increase: 0.02}\n"
            + "  leakage: {key: user_id, max_overlap: 0}\n  label_distribution: {psi_warn: 0.1, psi_fail: 0.2}\n"));
        assertEquals("fraud-detection", r.monitor());
        assertEquals("parquet", r.reference().format(), "format told from the path");
        assertEquals("data/prod/2026-11-26/", r.current().withDate("2026-11-26").path());
        assertEquals(List.of("amount", "hour"), r.columns().numerical());
        assertEquals("is_fraud", r.columns().label());
        assertEquals(64, r.sha256().length());
        var checks = CheckCatalog.checksFor(r);
        assertEquals(List.of("psi", "ks", "drift", "nulls", "leakage", "label_distribution", "identical_rows", "schema",
            "volume"),
            checks.stream().map(c -> c.name()).toList());
        assertEquals(0.3, ((PsiCheck) checks.get(0)).fail());
    }

    @Test
    void anyCheckCanBeSwitchedOff() throws IOException {
        RuleSet r = RuleFileParser.parse(file("monitor: m\n" + SOURCES + "checks:\n  ks: {enabled: false}\n  identical_rows: {enabled: false}\n"));
        assertEquals(List.of("psi", "drift", "nulls", "schema", "volume"), CheckCatalog.checksFor(r).stream().map(c -> c.name()).toList());
    }

    @Test
    void omittedColumnsMeanInferred() throws IOException {
        RuleSet r = RuleFileParser.parse(file("monitor: m\n" + SOURCES));
        assertTrue(r.columns().inferred());
        assertNull(r.columns().id());
    }

    /** The command line's table is validated as the rule file's is, before it can reach SQL text (#31 item 7). */
    @Test
    void aHistoryTableFromTheCommandLineIsValidated() throws IOException {
        RuleSet r = RuleFileParser.parse(file("monitor: m\n" + SOURCES));
        assertEquals("db.drift_metrics", r.withHistoryTable("db.drift_metrics").history().table());
        for (String bad : List.of("db.t; DROP TABLE x", "a.b.c.d", "t`", "1abc", "db.t --")) {
            RuleException e = assertThrows(RuleException.class, () -> r.withHistoryTable(bad));
            assertTrue(e.getMessage().startsWith("--history-table") && e.getMessage().contains("is not a table name"), e.getMessage());
        }
    }

    @Test
    void unknownKeysSuggestTheNearest() throws IOException {
        assertEquals(":1:1: unknown key 'monitr' at the top level (did you mean 'monitor'?); allowed: monitor, description, reference, current, columns, compare, model, history, checks, actions, segments, spark_conf",
            error("monitr: m\n" + SOURCES));
        assertTrue(error("monitor: m\n" + SOURCES + "columns: {numerical: [a], lable: y}\n")
            .contains(":4:27: unknown key 'lable' under columns (did you mean 'label'?)"));
        assertTrue(error("monitor: m\n" + SOURCES + "checks:\n  nulls: {max_null_shares: 0.1}\n")
            .contains(":5:11: unknown key 'max_null_shares' under checks.nulls (did you mean 'max_null_share'?)"));
        assertTrue(error("monitor: m\n" + SOURCES + "checks:\n  leak: {}\n").contains(":5:3: unknown check 'leak' (did you mean 'leakage'?)"));
        String action = error("monitor: m\n" + SOURCES + "actions:\n  webhook: {url: \"http://127.0.0.1/x\"}\n");
        assertTrue(action.contains(":5:3: unknown action 'webhook' (did you mean 'webhooks'?)"), action);
        assertTrue(action.contains(String.join(", ", org.driftwatch.actions.ActionKinds.keys())), "the registered kinds are named: " + action);
    }

    @Test
    void badValuesNameTheKey() throws IOException {
        assertTrue(error("monitor: m\n" + SOURCES + "checks: {psi: {bins: ten}}\n").contains("checks.psi.bins must be a whole number, not 'ten'"));
        assertTrue(error("monitor: m\n" + SOURCES + "checks: {psi: {warn: 0.3, fail: 0.2}}\n").contains("must not exceed checks.psi.fail"));
        assertTrue(error("monitor: m\n" + SOURCES + "checks: {ks: {alpha: 2}}\n").contains("checks.ks.alpha must be between"));
        assertTrue(error("monitor: Fraud Detection\n" + SOURCES).contains("monitor 'Fraud Detection' must be lower-case"));
        assertTrue(error("monitor: m\nreference: {path: a.parquet}\n").contains("missing key 'current'"));
        assertTrue(error("monitor: m\nreference: {path: a.txt}\ncurrent: {path: b.parquet}\n").contains("reference.format is missing"));
        assertTrue(error("monitor: m\nreference: {path: a, format: parket}\ncurrent: {path: b.parquet}\n").contains("(did you mean 'parquet'?)"));
        assertTrue(error("monitor: m\n" + SOURCES + "checks: {leakage: {}}\n").contains("checks.leakage needs a key column"));
        assertTrue(error("monitor: m\n" + SOURCES + "columns: {numerical: [a, a]}\n").contains("column 'a' is listed twice"));
        assertTrue(error("monitor: m\n" + SOURCES + "actions: {retrain: {when: [psi_fails]}}\n").contains("unknown reason 'psi_fails' (did you mean 'psi_fail'?)"));
        assertTrue(error("monitor: m\n" + SOURCES + "actions: {retrain: {airflow: {dag_id: d}}}\n").contains("actions.retrain.airflow needs 'url'"));
        assertTrue(error("monitor: m\n" + SOURCES + "actions: {retrain: {airflow: {url: \"http://a\", dag_id: d, api: v3}}}\n").contains("must be v2 (Airflow 3) or v1 (Airflow 2)"));
        assertTrue(error("monitor: m\n" + SOURCES + "actions: {webhooks: [{url: \"http://h\", when: [retrian]}]}\n").contains("unknown event 'retrian' (did you mean 'retrain'?)"));
        assertTrue(error("monitor: m\n" + SOURCES + "actions: {webhooks: [{url: \"http://h\", headers_from_env: {Authorization: \"Bearer abc\"}}]}\n").contains("must name an environment variable, not a value"));
        assertTrue(error("monitor: m\n" + SOURCES + "actions: {emial: {to: [a@b.c]}}\n").contains("unknown action 'emial' (did you mean 'email'?)"));
        assertTrue(error("monitor: m\n" + SOURCES + "actions: {email: {to: [not-an-address]}}\n").contains("'not-an-address' is not an email address"));
        assertTrue(error("monitor: m\n" + SOURCES + "actions: {email: {to: [a@b.c], when: [failed]}}\n").contains("unknown outcome 'failed' (did you mean 'fail'?)"));
    }

    /** The lakehouse keys (#32): where, as_of, history.format and spark_conf, each mistake one line naming its key. */
    @Test
    void lakehouseKeysAreCheckedBeforeSpark() throws IOException {
        String current = "current: {path: b.parquet}\n";
        assertTrue(error("monitor: m\nreference: {path: t, format: delta, where: \"event_date = = '{date}'\"}\n" + current)
            .contains(":2:"), "located");
        assertTrue(error("monitor: m\nreference: {path: t, format: delta, where: \"event_date = = '{date}'\"}\n" + current)
            .contains("reference.where is not a Spark SQL condition"));
        assertTrue(error("monitor: m\nreference: {path: a.parquet, as_of: {version: 3}}\n" + current)
            .contains("reference.as_of needs a Delta or Iceberg table"));
        assertTrue(error("monitor: m\nreference: {table: t, as_of: {version: 3, timestamp: \"2026-11-01T00:00:00Z\"}}\n" + current)
            .contains("needs exactly one of 'version' or 'timestamp'"));
        assertTrue(error("monitor: m\nreference: {table: t, as_of: {version: twelve}}\n" + current)
            .contains("reference.as_of.version 'twelve' is not a version number"));
        assertTrue(error("monitor: m\nreference: {table: t, as_of: {timestamp: \"2026-11-01\"}}\n" + current)
            .contains("is not an ISO-8601 instant with its offset"));
        assertTrue(error("monitor: m\n" + SOURCES + "history: {table: db.h, format: detla}\n").contains("(did you mean 'delta'?)"));
        assertTrue(error("monitor: m\n" + SOURCES + "history: {format: iceberg}\n").contains("history.format applies to a history table"));
        assertTrue(error("monitor: m\n" + SOURCES + "spark_conf: {spark.executor.memory: 4g}\n").contains("a rule file sets catalogs only"));
        RuleSet ok = RuleFileParser.parse(file("monitor: m\nreference: {table: lake.db.t, as_of: {timestamp: \"2026-11-01T00:00:00Z\"}}\n"
            + "current: {path: t, format: delta, where: \"event_date = '{date}'\"}\n"));
        assertEquals("table lake.db.t as of 2026-11-01T00:00:00Z", ok.reference().describe());
        assertEquals("t where event_date = '2026-11-26'", ok.current().withDate("2026-11-26").describe());
    }

    @Test
    void brokenYamlAndMissingFileAreOneLine() throws IOException {
        String broken = error("monitor: m\nreference: {path: [\n");
        assertTrue(broken.contains("not valid YAML"), broken);
        assertTrue(broken.lines().count() == 1, broken);
        RuleException e = assertThrows(RuleException.class, () -> RuleFileParser.parse(tmp.resolve("none.yaml")));
        assertTrue(e.getMessage().endsWith("none.yaml: rule file not found"));
    }
}
