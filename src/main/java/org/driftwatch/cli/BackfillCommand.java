package org.driftwatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.driftwatch.DriftJob;
import org.driftwatch.actions.ActionPlan;
import org.driftwatch.checks.Check;
import org.driftwatch.checks.CheckCatalog;
import org.driftwatch.compare.CompareSettings;
import org.driftwatch.data.DataException;
import org.driftwatch.judge.RetrainPolicy;
import org.driftwatch.report.ReportFiles;
import org.driftwatch.rules.DataSource;
import org.driftwatch.rules.RuleException;
import org.driftwatch.rules.RuleSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs every date of a range, oldest first, in one Spark session, as the nightly runs would have (same
 * reports, actions and look-back rules), to fill the history of a new monitor. The reference is profiled
 * once and the profile reused; a date whose dated current path has no data is skipped with a warning.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true,
    description = "Run every date from --from to --to in date order in one Spark session, to fill a new monitor's history.")
final class BackfillCommand implements Callable<Integer> {
    @Mixin
    RuleFileOption.WithHistoryTable ruleFile;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First date.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last date (included).")
    String to;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports", description = "Report root folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-email", description = "Send no email, whatever the rule file says.")
    boolean noEmail;

    @CommandLine.ParentCommand
    Main main;

    @Override
    public Integer call() throws Exception {
        LocalDate first = LocalDate.parse(RunCommand.checkDate(from, "--from"));
        LocalDate last = LocalDate.parse(RunCommand.checkDate(to, "--to"));
        if (last.isBefore(first)) {
            throw new RuleException(null, "--to " + to + " is before --from " + from);
        }
        if (first.plusDays(3660).isBefore(last)) {
            throw new RuleException(null, "a backfill covers at most 10 years of dates");
        }
        RuleSet set = ruleFile.parse();
        List<Check> checks = CheckCatalog.checksFor(set);
        CompareSettings.fromRules(set);
        RetrainPolicy.fromRules(set);
        ActionPlan actions = ActionPlan.of(set, List.of(), noEmail, main.env);
        ReportFiles.checkWritable(out.toAbsolutePath(), "report folder");
        RunCommand.checkHistoryWritable(set, out);
        org.driftwatch.data.Lakehouse.requireFor(set);   // before Spark starts, and not once per night
        int ran = 0;
        int skipped = 0;
        boolean actionFailed = false;
        boolean historyNotWritten = false;
        StringBuilder nights = new StringBuilder(String.format("%-10s  %-9s  %s%n", "date", "outcome", "headline"));
        try (SparkSessions.Lease lease = SparkSessions.acquire("driftwatch backfill " + set.monitor())) {
            DriftJob job = new DriftJob(lease.spark(), RunCommand::progress).withProfileKey(RunCommand.profileKey(main.env));
            Path profile = reusableProfile(set, job);
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                String date = d.toString();
                DataSource cur = set.current().withDate(date);
                if (missing(cur)) {
                    RunCommand.progress("warning: " + date + ": no current data at " + cur.describe() + "; date skipped");
                    nights.append(String.format("%-10s  %-9s  %s%n", date, "-", "skipped: no current data"));
                    skipped++;
                    continue;
                }
                try {
                    DriftJob.Outcome o = job.run(set, checks, new DriftJob.Inputs(set.reference().withDate(date), cur, date, out, profile), actions);
                    actionFailed |= o.actionFailed();
                    historyNotWritten |= o.historyNotWritten();
                    String word = o.report().judgement().outcome().word();
                    RunCommand.progress(date + ": " + word);
                    nights.append(String.format("%-10s  %-9s  %s%n", date, word,
                        org.driftwatch.report.BoundedText.name(o.report().explanation().headline())));
                    ran++;
                } catch (DataException e) {
                    RunCommand.progress("warning: " + date + ": " + e.getMessage() + "; date skipped");
                    nights.append(String.format("%-10s  %-9s  %s%n", date, "-", "skipped: " + org.driftwatch.report.BoundedText.name(e.getMessage())));
                    skipped++;
                }
            }
        }
        RunCommand.progress("backfill of " + set.monitor() + ": " + ran + " dates run, " + skipped + " skipped");
        System.out.print(nights);   // each night's verdict at a glance, on stdout
        return actionFailed ? ExitCode.ACTION_FAILED : historyNotWritten ? ExitCode.HISTORY_NOT_WRITTEN : ExitCode.OK;
    }

    /** The reference profiled once for the whole range (when the reference does not itself depend on the date). */
    private Path reusableProfile(RuleSet set, DriftJob job) throws java.io.IOException {
        if (set.reference().profile() != null) {
            Path p = Path.of(set.reference().profile());
            if (!Files.exists(p) && set.reference().hasData()) {
                job.writeProfile(set, CheckCatalog.checksFor(set), set.reference(), p);
            }
            return p;
        }
        if (!set.reference().hasData() || (set.reference().path() != null && set.reference().path().contains("{date}"))) {
            return null;
        }
        Path p = out.resolve(set.monitor()).resolve("backfill-reference-profile.json");
        Files.createDirectories(p.getParent());
        RunCommand.progress("profiling the reference once for every date: " + p);
        return job.writeProfile(set, CheckCatalog.checksFor(set), set.reference(), p);
    }

    private static boolean missing(DataSource cur) {
        if (cur.path() == null || cur.path().contains("://") && !cur.path().startsWith("file:")) {
            return false;
        }
        String p = cur.path().startsWith("file:") ? cur.path().replaceFirst("^file:(//)?", "") : cur.path();
        if (p.contains("*") || p.contains("?")) {
            return false;
        }
        return !Files.exists(Path.of(p));
    }
}
