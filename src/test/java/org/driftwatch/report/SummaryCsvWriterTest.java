package org.driftwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.Columns;
import org.driftwatch.compare.Comparison;
import org.driftwatch.judge.Judge;
import org.driftwatch.judge.RetrainPolicy;
import org.junit.jupiter.api.Test;

/** summary.csv is opened in spreadsheets: nothing in it may run as a formula; report.json stays exact. */
class SummaryCsvWriterTest {
    static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")";

    static DriftReport report() {
        ColumnComparison num = Columns.numerical(FORMULA).psi(-0.0).build();
        ColumnComparison cat = Columns.categorical("+cmd", List.of("@SUM(1)", "b"), new long[] {0, 5}, new long[] {3, 5})
            .unseen("@SUM(1)").build();
        ColumnComparison tab = Columns.numerical("\tx").build();
        Comparison c = Columns.comparison(List.of(num, cat, tab));
        return new DriftReport("m", "2026-11-26", new DriftReport.RunInfo("t", "4", "local", "now", 1, 1, "r", "0"),
            new DriftReport.Source("a", "csv", 1000), new DriftReport.Source("b", "csv", 1000), c, List.of(),
            new Judge(RetrainPolicy.defaults()).judge(c, List.of()), java.util.Map.of(), List.of());
    }

    @Test
    void textThatASpreadsheetWouldRunGetsALeadingQuote() throws Exception {
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
            .parse(new StringReader(SummaryCsvWriter.render(report()))).getRecords();
        assertEquals("'" + FORMULA, rows.get(0).get("column"));
        assertEquals("'+cmd", rows.get(1).get("column"));
        assertEquals("'@SUM(1)", rows.get(1).get("unseen_categories"));
        assertEquals("'\tx", rows.get(2).get("column"));
        assertEquals("-0.0", rows.get(0).get("psi"), "numbers are written as numbers, minus sign and all");
        assertEquals("feature", rows.get(0).get("role"));
    }

    @Test
    void reportJsonKeepsTheNamesExact() {
        var json = JsonReportWriter.toJson(report());
        assertEquals(FORMULA, json.get("columns").fieldNames().next());
        assertEquals("@SUM(1)", json.get("columns").get("+cmd").get("unseen_categories").get(0).asText());
    }
}
