package org.driftwatch.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.driftwatch.DriftJob;
import org.driftwatch.actions.ActionPlan;
import org.driftwatch.checks.Check;
import org.driftwatch.checks.CheckCatalog;
import org.driftwatch.compare.CompareSettings;
import org.driftwatch.judge.RetrainPolicy;
import org.driftwatch.judge.Verdict;
import org.driftwatch.report.ReportFiles;
import org.driftwatch.rules.DataSource;
import org.driftwatch.rules.RuleException;
import org.driftwatch.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** Runs the whole job for one rule file. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Compare reference and current data and write the reports.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    RuleFileOption.WithHistoryTable ruleFile;

    @Option(names = "--reference", paramLabel = "PATH", description = "Reference data instead of the rule file's.")
    String reference;

    @Option(names = "--current", paramLabel = "PATH", description = "Current data instead of the rule file's.")
    String current;

    @Option(names = "--reference-profile", paramLabel = "FILE",
        description = "Saved reference profile (from 'driftwatch profile') to compare against instead of scanning the reference.")
    String referenceProfile;

    @Option(names = "--format", paramLabel = "F", description = "Format of --reference/--current: parquet, csv, json, orc.")
    String format;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Run date: fills {date} in paths and names the report folder (default: today, UTC).")
    String date;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports", description = "Report root folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-email", description = "Send no email, whatever the rule file says.")
    boolean noEmail;

    @Option(names = "--email-to", paramLabel = "ADDR", description = "Send the report email to ADDR instead of the rule file's recipients (repeatable).")
    List<String> emailTo = new java.util.ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "drift|warn",
        description = "Exit 5 when the verdict is retrain (drift) or anything but ok (warn); by default a run that completes exits 0 whatever it found.")
    FailOn failOn;

    enum FailOn { drift, warn }

    @CommandLine.ParentCommand
    Main main;

    @Override
    public Integer call() {
        String runDate = date == null ? LocalDate.now(ZoneOffset.UTC).toString() : date;
        RuleSet set;
        ActionPlan actions;
        try {
            runDate = runDate();
            set = ruleFile.parse();
            actions = ActionPlan.of(set, emailTo, noEmail, main.env);
        } catch (RuntimeException e) {
            ActionPlan.commandLineOnly(emailTo, noEmail, main.env).onError(null, runDate, Errors.classify(e).message(), RunCommand::progress);
            throw e;
        }
        try {
            return run(set, actions, runDate);
        } catch (RuntimeException e) {
            actions.onError(set.monitor(), runDate, Errors.classify(e).message(), RunCommand::progress);
            throw e;
        }
    }

    private int run(RuleSet set, ActionPlan actions, String runDate) {
        List<Check> checks = CheckCatalog.checksFor(set);
        CompareSettings.fromRules(set);   // rule errors before Spark starts; the job reads them again
        RetrainPolicy.fromRules(set);
        if (format != null && !DataSource.FORMATS.contains(format.toLowerCase())) {
            throw new RuleException(null, "--format must be one of " + String.join(", ", DataSource.FORMATS) + ", not '" + format + "'");
        }
        DataSource ref = override(set.reference(), reference).withDate(runDate);
        DataSource cur = override(set.current(), current).withDate(runDate);
        // output problems are found now, not after all the work
        ReportFiles.checkWritable(ReportFiles.directory(out, set.monitor(), runDate).toAbsolutePath(), "report folder");
        checkHistoryWritable(set, out);
        org.driftwatch.data.Lakehouse.requireFor(set);   // a format or catalog the rules need, before Spark starts
        progress(set.monitor() + " " + runDate + ": starting Spark");
        try (SparkSessions.Lease lease = SparkSessions.acquire("driftwatch " + set.monitor())) {
            DriftJob.Outcome outcome = new DriftJob(lease.spark(), RunCommand::progress).withProfileKey(profileKey(main.env))
                .run(set, checks, new DriftJob.Inputs(ref, cur, runDate, out, profilePath(set, runDate),
                    referenceProfile == null), actions);
            if (outcome.actionFailed()) {
                System.err.println("driftwatch: error: an action failed (see above); the reports are in " + outcome.reportJson().getParent());
                return ExitCode.ACTION_FAILED;
            }
            if (outcome.historyNotWritten()) {
                System.err.println("driftwatch: error: " + outcome.report().history().writeError() + "; the reports are in "
                    + outcome.reportJson().getParent());
                return ExitCode.HISTORY_NOT_WRITTEN;
            }
            Verdict verdict = outcome.report().decision().verdict();   // said once, in the banner line above
            if ((failOn == FailOn.drift && verdict == Verdict.RETRAIN)
                || (failOn == FailOn.warn && verdict != Verdict.OK)) {
                progress("exit " + ExitCode.FAIL_ON + ": verdict " + verdict.json() + " meets --fail-on " + failOn);
                return ExitCode.FAIL_ON;
            }
            return ExitCode.OK;
        }
    }

    /** {@code DRIFTWATCH_PROFILE_KEY}: the key saved profiles are signed with and checked against; null when unset. */
    static byte[] profileKey(java.util.Map<String, String> env) {
        String key = env.get("DRIFTWATCH_PROFILE_KEY");
        return key == null || key.isBlank() ? null : key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The metrics history's folder (when the history is a folder) must be writable: found before Spark starts, not after the work. */
    static void checkHistoryWritable(RuleSet set, Path out) {
        if (set.keepsHistory() && set.history().table() == null) {
            ReportFiles.checkWritable(out.toAbsolutePath().resolve("_history").resolve("monitor=" + set.monitor()), "metrics history folder");
        }
    }

    private java.nio.file.Path profilePath(RuleSet set, String runDate) {
        String p = referenceProfile != null ? referenceProfile : reference != null ? null : set.reference().profile();
        if (p == null) {
            if (!set.reference().hasData()) {
                throw new RuleException(set.file(), "reference has only a profile; give --reference or --reference-profile");
            }
            return null;
        }
        return java.nio.file.Path.of(p.replace("{date}", runDate));
    }

    private DataSource override(DataSource fromRules, String path) {
        if (path == null) {
            return fromRules;
        }
        String f = format != null ? format.toLowerCase() : guess(path, fromRules.format());
        return fromRules.withPath(path, f);
    }

    private static String guess(String path, String fallback) {
        String p = path.toLowerCase();
        for (String f : DataSource.FORMATS) {
            if (p.endsWith("." + f)) {
                return f;
            }
        }
        if (fallback == null) {
            throw new RuleException(null, "cannot tell the format of " + path + "; add --format");
        }
        return fallback;
    }

    private String runDate() {
        if (date == null) {
            return LocalDate.now(ZoneOffset.UTC).toString();
        }
        return checkDate(date, "--date");
    }

    /** A strict YYYY-MM-DD date (LocalDate alone accepts +102026-11-20), or a one-line error naming the option. */
    static String checkDate(String date, String option) {
        if (!date.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new RuleException(null, option + " must be YYYY-MM-DD, not '" + date + "'");
        }
        try {
            return LocalDate.parse(date).toString();
        } catch (DateTimeParseException e) {
            throw new RuleException(null, option + " must be YYYY-MM-DD, not '" + date + "'");
        }
    }

    static void progress(String line) {
        System.err.println("driftwatch: " + line);
    }
}
