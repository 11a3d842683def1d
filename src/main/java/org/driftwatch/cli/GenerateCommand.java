package org.driftwatch.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.driftwatch.data.DriftingDataGenerator;
import org.driftwatch.rules.RuleException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a reference/current Parquet pair with known drift, and a rule file for it. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a reference/current Parquet pair with drift known by construction (benchmarks, demos).")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--rows", required = true, description = "Rows per dataset.")
    long rows;

    @Option(names = "--numerical", defaultValue = "15", description = "Numerical columns (default: ${DEFAULT-VALUE}).")
    int numerical;

    @Option(names = "--categorical", defaultValue = "5", description = "Categorical columns (default: ${DEFAULT-VALUE}).")
    int categorical;

    @Option(names = "--drift", defaultValue = "none", paramLabel = "SPEC",
        description = "none, or e.g. shift=0.5,scale=1.2,nulls=0.05,new_category=0.1,columns=0.3 (default: ${DEFAULT-VALUE}).")
    String drift;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--partitions", defaultValue = "8", description = "Parquet files per dataset (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for reference.parquet, current.parquet and rules.yaml.")
    Path out;

    @Override
    public Integer call() throws IOException {
        DriftingDataGenerator.DriftSpec spec;
        try {
            spec = DriftingDataGenerator.DriftSpec.parse(drift);
        } catch (IllegalArgumentException e) {
            throw new RuleException(null, e.getMessage());
        }
        if (rows < 1 || numerical < 0 || categorical < 0 || numerical + categorical == 0) {
            throw new RuleException(null, "--rows must be positive and there must be at least one column");
        }
        try (SparkSessions.Lease lease = SparkSessions.acquire("driftwatch generate")) {
            for (boolean current : new boolean[] {false, true}) {
                Path target = out.resolve(current ? "current.parquet" : "reference.parquet");
                RunCommand.progress("writing " + target);
                DriftingDataGenerator.generate(lease.spark(), rows, numerical, categorical, spec, seed, current, partitions)
                    .write().mode("overwrite").parquet(target.toString());
            }
        }
        Path rules = out.resolve("rules.yaml");
        Files.writeString(rules, "# written by driftwatch generate --drift " + drift + "\n"
            + "monitor: generated\n"
            + "reference: {path: \"" + out.resolve("reference.parquet").toAbsolutePath() + "\", format: parquet}\n"
            + "current: {path: \"" + out.resolve("current.parquet").toAbsolutePath() + "\", format: parquet}\n"
            + "columns: {id: id}\n", StandardCharsets.UTF_8);
        RunCommand.progress("wrote " + rules);
        return ExitCode.OK;
    }
}
