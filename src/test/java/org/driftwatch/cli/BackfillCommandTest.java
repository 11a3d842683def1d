package org.driftwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.driftwatch.CliRun;
import org.driftwatch.GoldenCase;
import org.driftwatch.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backfill runs every date of a range in order, skips a date without data with a warning, and fills the history. */
class BackfillCommandTest {
    @TempDir
    Path dir;

    @Test
    void everyDateWithDataRunsOnceAndFillsTheHistory() throws Exception {
        TestSpark.session();
        GoldenCase g = GoldenCase.load("synthetic_injected_drift");
        for (String d : new String[] {"2026-10-01", "2026-10-02", "2026-10-04"}) {
            Files.createDirectories(dir.resolve("batches").resolve(d));
            Files.copy(g.file("current", "csv"), dir.resolve("batches").resolve(d).resolve("current.csv"));
        }
        Path rules = dir.resolve("b.yaml");
        Files.writeString(rules, "monitor: backfilled\nreference: {path: \"" + g.file("reference", "csv") + "\"}\n"
            + "current: {path: \"" + dir.resolve("batches") + "/{date}/current.csv\"}\n"
            + "columns: {numerical: [x_stable, x_shift], categorical: [cat_drift], id: id, label: label}\n");
        CliRun r = CliRun.of("backfill", "--rules", rules.toString(), "--from", "2026-10-01", "--to", "2026-10-04",
            "--out", dir.resolve("out").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("warning: 2026-10-03: no current data at"), r.err());
        assertTrue(r.err().contains("backfill of backfilled: 3 dates run, 1 skipped"), r.err());
        // each night's verdict at a glance (#30 item 13)
        java.util.List<String> table = r.out().lines().toList();
        assertTrue(table.get(0).startsWith("date        outcome    headline"), r.out());
        assertTrue(table.get(1).startsWith("2026-10-01  RETRAIN    "), r.out());
        assertTrue(table.get(3).startsWith("2026-10-03  -          skipped: no current data"), r.out());
        for (String d : new String[] {"2026-10-01", "2026-10-02", "2026-10-04"}) {
            assertTrue(Files.exists(dir.resolve("out/backfilled").resolve(d).resolve("report.json")), d);
        }
        CliRun h = CliRun.of("history", "--rules", rules.toString(), "--out", dir.resolve("out").toString(), "--column", "_run",
            "--metric", "verdict", "--format", "csv");
        assertEquals(java.util.List.of("date,column,metric,value,text", "2026-10-01,_run,verdict,,retrain", "2026-10-02,_run,verdict,,retrain",
            "2026-10-04,_run,verdict,,retrain"), h.out().lines().toList());
        String html = Files.readString(dir.resolve("out/backfilled/2026-10-04/report.html"));
        assertTrue(html.contains("Trend: the last 3 nights"), "the verdict row of the last nights");
        assertTrue(html.contains("alt=\"PSI, 3 runs: "), "a sparkline beside each PSI");
        CliRun bad = CliRun.of("backfill", "--rules", rules.toString(), "--from", "2026-10-04", "--to", "2026-10-01");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.errorLine().contains("--to 2026-10-01 is before --from 2026-10-04"), bad.err());
    }

    @Test
    void theBundledNightlyExampleShowsATrendOnItsFirstDay() throws Exception {
        TestSpark.session();
        Path out = dir.resolve("example");
        CliRun r = CliRun.of("backfill", "--rules", "rules/nightly-orders.yaml", "--from", "2026-11-01", "--to", "2026-11-14",
            "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("backfill of nightly-orders: 14 dates run, 0 skipped"), r.err());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.List<String> verdicts = new java.util.ArrayList<>();
        java.util.List<org.driftwatch.judge.Outcome> outcomes = new java.util.ArrayList<>();
        for (int night = 1; night <= 14; night++) {
            var report = json.readTree(out.resolve(String.format("nightly-orders/2026-11-%02d/report.json", night)).toFile());
            verdicts.add(report.get("decision").get("verdict").asText());
            // one vocabulary (#30 item 5): report.json's outcome is the word of the page's title and banner
            var outcome = org.driftwatch.judge.Outcome.valueOf(report.get("decision").get("outcome").asText().toUpperCase(java.util.Locale.ROOT));
            outcomes.add(outcome);
            var page = org.jsoup.Jsoup.parse(out.resolve(String.format("nightly-orders/2026-11-%02d/report.html", night)).toFile());
            assertEquals(String.format("driftwatch nightly-orders 2026-11-%02d: %s", night, outcome.word()), page.title());
            assertTrue(page.body().text().contains(outcome.mark() + " " + outcome.word()), "the banner, night " + night);
            boolean volumeFailed = false;
            for (var c : report.get("checks")) {
                volumeFailed |= c.get("name").asText().equals("volume") && c.get("status").asText().equals("fail");
            }
            assertEquals(night == 10, volumeFailed, "volume against the history's median on night " + night);
            // never retrain on broken data (#30 item 1): the short night holds its retrain reasons
            assertEquals(volumeFailed, report.get("decision").get("data_unfit").asBoolean(), "night " + night);
            if (volumeFailed) {
                assertEquals("alert", report.get("decision").get("verdict").asText());
                assertEquals("psi_fail", report.get("decision").get("held_reasons").get(0).get("kind").asText());
            }
        }
        int retrain = verdicts.indexOf("retrain");
        assertTrue(retrain >= 2 && verdicts.get(retrain - 1).equals("alert") && verdicts.get(retrain - 2).equals("alert"),
            "the retrain comes on the third breaching night: " + verdicts);
        assertEquals(1, verdicts.stream().filter("retrain"::equals).count(), "then the 7-day cooldown: " + verdicts);
        String html = Files.readString(out.resolve("nightly-orders/2026-11-14/report.html"));
        assertTrue(html.contains("alt=\"PSI, 14 runs: 2026-11-01 "), "a sparkline of the 14 nights, its first date and value in words");
        assertTrue(html.matches("(?s).*alt=\"PSI, 14 runs: 2026-11-01 [0-9.]+ → 2026-11-14 [0-9.]+\".*"), "and its last");
        assertTrue(html.contains("Trend: the last 14 nights"));
        // trend cells tell a data failure and a retrain held back from an alert (#30 item 7)
        assertTrue(html.contains("title=\"2026-11-10: FIX DATA\""), "night 10 is a data failure");
        assertTrue(html.contains("title=\"2026-11-08: HELD BACK\""), "night 8 held its retrain (1st of 3)");
        assertEquals(org.driftwatch.judge.Outcome.FIX_DATA, outcomes.get(9));
        assertEquals(org.driftwatch.judge.Outcome.HELD_BACK, outcomes.get(7));
        // each trend cell says the letter of the outcome its night's banner said
        var cells = org.jsoup.Jsoup.parse(html).select("td[title^=2026-11-]");
        assertEquals(14, cells.size());
        for (int night = 1; night <= 14; night++) {
            assertTrue(cells.get(night - 1).text().contains(outcomes.get(night - 1).letter()), cells.get(night - 1).outerHtml());
        }
        // a held-back night does not wear a retrain's mark
        assertTrue(java.util.Arrays.stream(org.driftwatch.judge.Outcome.values()).map(org.driftwatch.judge.Outcome::mark).distinct().count() == 6);
    }

    /** consecutive: 3 without a cooldown: one retrain per run of breaching nights, none on the short night (#30 items 1, 2). */
    @Test
    void withoutACooldownAStreakRetrainsOnce() throws Exception {
        TestSpark.session();
        Path rules = dir.resolve("no-cooldown.yaml");
        Files.writeString(rules, Files.readString(Path.of("rules/nightly-orders.yaml")).replaceAll("(?m)^\\s*cooldown_days:.*$", "")
            .replace("rules/data/", Path.of("rules/data").toAbsolutePath() + "/"));
        Path out = dir.resolve("no-cooldown");
        CliRun r = CliRun.of("backfill", "--rules", rules.toString(), "--from", "2026-11-01", "--to", "2026-11-14", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.List<String> verdicts = new java.util.ArrayList<>();
        for (int night = 1; night <= 14; night++) {
            var decision = json.readTree(out.resolve(String.format("nightly-orders/2026-11-%02d/report.json", night)).toFile()).get("decision");
            verdicts.add(decision.get("verdict").asText());
            if (decision.get("data_unfit").asBoolean()) {
                assertEquals("alert", decision.get("verdict").asText(), "no retrain on broken data, night " + night);
            }
        }
        assertEquals(1, verdicts.stream().filter("retrain"::equals).count(), "one retrain per streak: " + verdicts);
    }
}
