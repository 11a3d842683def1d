package org.driftwatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.driftwatch.DriftJob;
import org.driftwatch.checks.CheckCatalog;
import org.driftwatch.report.ReportFiles;
import org.driftwatch.rules.DataSource;
import org.driftwatch.rules.RuleException;
import org.driftwatch.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Scans the reference once and saves what later runs need, so nightly runs read only the current data. */
@Command(name = "profile", mixinStandardHelpOptions = true,
    description = "Scan the reference once and save its profile; 'run --reference-profile FILE' then scans only the current data.")
final class ProfileCommand implements Callable<Integer> {
    @Mixin
    RuleFileOption ruleFile;

    @picocli.CommandLine.ParentCommand
    Main main;

    @Option(names = "--reference", paramLabel = "PATH", description = "Reference data instead of the rule file's.")
    String reference;

    @Option(names = "--format", paramLabel = "F", description = "Format of --reference: parquet, csv, json, orc.")
    String format;

    @Option(names = "--out", paramLabel = "PROFILE.json",
        description = "Where to write the profile (default: the rule file's reference.profile, else reports/<monitor>/reference-profile.json).")
    Path out;

    @Override
    public Integer call() throws IOException {
        RuleSet set = ruleFile.parse();
        DataSource ref = set.reference();
        if (reference != null) {
            String f = format != null ? format.toLowerCase() : ref.format() != null ? ref.format() : "parquet";
            if (!DataSource.FORMATS.contains(f)) {
                throw new RuleException(null, "--format must be one of " + String.join(", ", DataSource.FORMATS) + ", not '" + format + "'");
            }
            ref = ref.withPath(reference, f);
        }
        if (!ref.hasData()) {
            throw new RuleException(set.file(), "reference has no path or table to profile; give --reference");
        }
        Path target = out != null ? out : ref.profile() != null ? Path.of(ref.profile())
            : Path.of("reports", set.monitor(), "reference-profile.json");
        ReportFiles.checkWritable(target.toAbsolutePath().getParent(), "profile folder");
        RunCommand.progress(set.monitor() + ": starting Spark");
        try (SparkSessions.Lease lease = SparkSessions.acquire("driftwatch profile " + set.monitor())) {
            Path written = new DriftJob(lease.spark(), RunCommand::progress).withProfileKey(RunCommand.profileKey(main.env)).writeProfile(set, CheckCatalog.checksFor(set), ref, target);
            RunCommand.progress("reference profile written to " + written + " (" + Files.size(written) / 1024 + " KB)");
        }
        return ExitCode.OK;
    }
}
