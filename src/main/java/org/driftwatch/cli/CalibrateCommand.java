package org.driftwatch.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.driftwatch.DriftJob;
import org.driftwatch.checks.CheckCatalog;
import org.driftwatch.compare.Calibration;
import org.driftwatch.compare.CompareSettings;
import org.driftwatch.report.SummaryCsvWriter;
import org.driftwatch.rules.RuleException;
import org.driftwatch.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Splits the reference against itself and prints, per check and column, how often the rule file's
 * thresholds fire on data that did not drift, and the threshold that would fire in 1 % of the trials.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
    description = "False-alarm rates of the rule file's thresholds on the reference split against itself, and the thresholds that hold them at 1 %%.")
final class CalibrateCommand implements Callable<Integer> {
    @Mixin
    RuleFileOption ruleFile;

    @Option(names = "--trials", defaultValue = "20", paramLabel = "N", description = "Splits to try (default: ${DEFAULT-VALUE}); one Spark scan each.")
    int trials;

    @Option(names = "--by-column", paramLabel = "C",
        description = "Split by time instead of at random: cut column C (a date, timestamp or number) into N + 1 equal-count chunks and compare each with the next.")
    String byColumn;

    @Option(names = "--format", defaultValue = "table", paramLabel = "F", description = "table or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws Exception {
        if (trials < 2 || trials > 1000) {
            throw new RuleException(null, "--trials must be between 2 and 1000, not " + trials);
        }
        if (!List.of("table", "csv").contains(format)) {
            throw new RuleException(null, "--format must be table or csv, not '" + format + "'");
        }
        RuleSet set = ruleFile.parse();
        var checks = CheckCatalog.checksFor(set);
        CompareSettings.fromRules(set);
        if (!set.reference().hasData()) {
            throw new RuleException(set.file(), "reference has no path or table to calibrate on");
        }
        try (SparkSessions.Lease lease = SparkSessions.acquire("driftwatch calibrate " + set.monitor())) {
            List<Calibration.Line> lines = new DriftJob(lease.spark(), RunCommand::progress).calibrate(set, checks, set.reference(), trials,
                byColumn);
            print(lines);
        }
        return ExitCode.OK;
    }

    private void print(List<Calibration.Line> lines) throws java.io.IOException {
        if (format.equals("csv")) {
            try (org.apache.commons.csv.CSVPrinter csv = new org.apache.commons.csv.CSVPrinter(System.out,
                org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader("check", "column", "statistic", "threshold", "alarms", "trials",
                    "false_alarm_rate", "threshold_for_1_percent").setRecordSeparator('\n').get())) {
                for (Calibration.Line l : lines) {
                    csv.printRecord(l.check(), SummaryCsvWriter.spreadsheetSafe(l.column()), l.statistic(), l.threshold(), l.alarms(),
                        l.trials(), l.rate(), l.holdsAtOnePercent());
                }
            }
            return;
        }
        System.out.printf(Locale.ROOT, "%-24s %-20s %-20s %10s %9s %7s %14s%n", "check", "column", "statistic", "threshold", "alarms",
            "rate", "for 1 % alarms");
        for (Calibration.Line l : lines) {
            System.out.printf(Locale.ROOT, "%-24s %-20s %-20s %10s %9s %6.1f%% %14s%s%n", l.check(), l.column(), l.statistic(),
                num(l.threshold()), l.alarms() + "/" + l.trials(), 100 * l.rate(), (l.pValue() ? "< " : "> ") + num(l.holdsAtOnePercent()),
                l.rate() > 0.01 ? "   <- fires on noise" : "");
        }
        System.out.println("(" + (byColumn == null ? "random halves" : "adjacent " + byColumn + " chunks")
            + " of the reference; fixed thresholds; with fewer than 100 trials the 1 % threshold is the extreme trial, an estimate)");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
