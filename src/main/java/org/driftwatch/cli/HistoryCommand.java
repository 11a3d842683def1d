package org.driftwatch.cli;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.driftwatch.history.MetricsHistory;
import org.driftwatch.report.SummaryCsvWriter;
import org.driftwatch.rules.RuleException;
import org.driftwatch.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints a monitor's metrics history: one row per date, column and metric. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Print a monitor's metrics history (written by every run under <out>/_history/), one row per date, column and metric.")
final class HistoryCommand implements Callable<Integer> {
    @Mixin
    RuleFileOption.WithHistoryTable ruleFile;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports", description = "Report root whose _history/ is read (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "Only dates from this one on.")
    String since;

    @Option(names = "--column", paramLabel = "C", description = "Only this column (_run for the run's own rows, _performance for the model).")
    String column;

    @Option(names = "--metric", paramLabel = "M", description = "Only this metric (psi, ks_statistic, null_share, verdict, ...).")
    String metric;

    @Option(names = "--format", paramLabel = "F", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--drop", paramLabel = "YYYY-MM-DD",
        description = "Remove this night of the monitor from the history (a damaged night; the next run of that date writes it anew).")
    String drop;

    @Override
    public Integer call() throws Exception {
        RuleSet set = ruleFile.parse();
        if (!List.of("table", "csv", "json").contains(format)) {
            throw new RuleException(null, "--format must be table, csv or json, not '" + format + "'");
        }
        if (since != null) {
            RunCommand.checkDate(since, "--since");
        }
        if (drop != null) {
            RunCommand.checkDate(drop, "--drop");
        }
        try (SparkSessions.Lease lease = SparkSessions.acquire("driftwatch history " + set.monitor())) {
            org.driftwatch.DriftJob.catalogs(lease.spark(), set);
            MetricsHistory history = new MetricsHistory(lease.spark(), out.toString(), set.history());
            if (drop != null) {
                if (!history.drop(set.monitor(), drop)) {
                    throw new RuleException(null, "--drop " + drop + ": " + set.monitor() + " has no night " + drop + " in " + history.location());
                }
                RunCommand.progress("removed night " + drop + " of " + set.monitor() + " from " + history.location());
                return ExitCode.OK;
            }
            List<String> dates = history.dates(set.monitor());
            if (dates.isEmpty()) {
                RunCommand.progress("no history for " + set.monitor() + " in " + history.location() + " yet");
                return ExitCode.OK;
            }
            if (since != null) {
                dates = dates.stream().filter(d -> d.compareTo(since) >= 0).toList();
            }
            MetricsHistory.Read read = history.collect(set.monitor(), dates, this::narrow);
            if (read.rows().isEmpty() && read.unreadable().isEmpty() && (column != null || metric != null)) {
                // a typo in --column or --metric is not an empty history
                throw new RuleException(null, "no history rows of " + set.monitor() + " match"
                    + (column == null ? "" : " --column " + column) + (metric == null ? "" : " --metric " + metric)
                    + "; its columns are listed by 'driftwatch history' without them");
            }
            print(read.rows());
            for (org.driftwatch.compare.EarlierRuns.Unreadable u : read.unreadable()) {
                RunCommand.progress("warning: night " + u.date() + " could not be read and is not shown (" + u.reason()
                    + "); 'driftwatch history --drop " + u.date() + "' removes it");
            }
        }
        return ExitCode.OK;
    }

    private Dataset<Row> narrow(Dataset<Row> rows) {
        if (column != null) {
            rows = rows.where(col("column").equalTo(column));
        }
        if (metric != null) {
            rows = rows.where(col("metric").equalTo(metric));
        }
        return rows.select("date", "column", "metric", "value", "text").orderBy("date", "column", "metric");
    }

    /** A number as a person reads it: 6 significant digits, no trailing zeros (csv and json keep every digit). */
    static String shown(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        String s = String.format(java.util.Locale.ROOT, "%.6g", v);
        return s.contains("e") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private void print(List<Row> rows) throws Exception {
        if (format.equals("json")) {
            ObjectMapper json = new ObjectMapper();
            ArrayNode a = json.createArrayNode();
            for (Row r : rows) {
                ObjectNode o = a.addObject().put("date", r.getString(0)).put("column", r.getString(1)).put("metric", r.getString(2));
                if (r.isNullAt(3)) {
                    o.putNull("value");
                } else {
                    o.put("value", r.getDouble(3));
                }
                o.put("text", r.isNullAt(4) ? null : r.getString(4));
            }
            System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(a));
            return;
        }
        if (format.equals("csv")) {
            StringBuilder out = new StringBuilder();
            try (org.apache.commons.csv.CSVPrinter csv = new org.apache.commons.csv.CSVPrinter(out,
                org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader("date", "column", "metric", "value", "text").setRecordSeparator('\n').get())) {
                for (Row r : rows) {
                    csv.printRecord(r.getString(0), SummaryCsvWriter.spreadsheetSafe(r.getString(1)), r.getString(2),
                        r.isNullAt(3) ? null : r.getDouble(3), r.isNullAt(4) ? null : SummaryCsvWriter.spreadsheetSafe(r.getString(4)));
                }
            }
            System.out.print(out);
            return;
        }
        StringBuilder b = new StringBuilder(String.format("%-10s  %-24s  %-22s  %s%n", "date", "column", "metric", "value"));
        for (Row r : rows) {
            String value = r.isNullAt(3) ? (r.isNullAt(4) ? "" : r.getString(4)) : shown(r.getDouble(3));
            b.append(String.format("%-10s  %-24s  %-22s  %s%n", r.getString(0), r.getString(1), r.getString(2), value));
        }
        System.out.print(b);
    }
}
