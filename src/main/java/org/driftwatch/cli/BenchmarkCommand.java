package org.driftwatch.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.driftwatch.bench.DriftBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Times driftwatch against the scan floor and a naive baseline, in one Spark session. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
    description = "Time driftwatch against one scan of the data and a naive per-column baseline; prints a Markdown table.")
final class BenchmarkCommand implements Callable<Integer> {
    @Option(names = "--rows", split = ",", defaultValue = "1000000", description = "Rows per dataset, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Long> rows;

    @Option(names = "--numerical", defaultValue = "15", description = "Numerical columns of the generated data (default: ${DEFAULT-VALUE}).")
    int numerical;

    @Option(names = "--categorical", defaultValue = "5", description = "Categorical columns of the generated data (default: ${DEFAULT-VALUE}).")
    int categorical;

    @Option(names = "--wide-rows", defaultValue = "100000", description = "Rows of the wide case; 0 skips it (default: ${DEFAULT-VALUE}).")
    long wideRows;

    @Option(names = "--wide-columns", defaultValue = "500", description = "Numerical columns of the wide case (default: ${DEFAULT-VALUE}).")
    int wideColumns;

    @Option(names = "--naive-max-rows", defaultValue = "1000000",
        description = "Run the naive per-column baseline only up to this many rows; it takes minutes above (default: ${DEFAULT-VALUE}).")
    long naiveMaxRows;

    @Option(names = "--no-model", negatable = true, defaultValue = "true",   // picocli: a true-by-default option is named by its negative form
        description = "Also time a run with a monitored model (label, prediction, score) against the same run without it (default: ${DEFAULT-VALUE}).")
    boolean model;

    @Option(names = "--csv-max-rows", defaultValue = "1000000",
        description = "Also time sizes up to this many rows from CSV copies of the data; 0 skips it (default: ${DEFAULT-VALUE}).")
    long csvMaxRows;

    @Option(names = "--quality-pairs", defaultValue = "1",
        description = "Alternating pairs of runs without and with 10 data-quality constraints (2 unique, 1 exists_in, 7 folded)"
            + " per size, the ratio quoted in README; 0 skips them (default: ${DEFAULT-VALUE}).")
    int qualityPairs;

    @Option(names = "--segment-pairs", defaultValue = "1",
        description = "Alternating pairs of runs without and with segments by one categorical column of 20 values per size,"
            + " the ratio quoted in README; 0 skips them (default: ${DEFAULT-VALUE}).")
    int segmentPairs;

    @Option(names = "--delta-nights", defaultValue = "0",
        description = "Also time a run reading one night of a Delta table of this many nightly partitions by where, against reading"
            + " that partition's files directly; needs bin/driftwatch --lakehouse; 0 skips it (default: ${DEFAULT-VALUE}).")
    int deltaNights;

    @Option(names = "--delta-pairs", defaultValue = "3",
        description = "Alternating pairs of runs of the --delta-nights comparison (default: ${DEFAULT-VALUE}).")
    int deltaPairs;

    @Option(names = "--data", defaultValue = "target/benchmark", description = "Where generated data is kept between runs (default: ${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() {
        try (SparkSessions.Lease lease = SparkSessions.acquire("driftwatch benchmark")) {
            String table = new DriftBenchmark(lease.spark(), data, RunCommand::progress)
                .withQualityPairs(qualityPairs).withSegmentPairs(segmentPairs)
                .withDeltaNights(deltaNights, deltaPairs).run(rows, numerical, categorical, wideRows, wideColumns, naiveMaxRows, model, csvMaxRows);
            System.out.println("Spark " + lease.spark().version() + ", " + lease.spark().sparkContext().master() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, driver heap max " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
            System.out.print(table);
        }
        return ExitCode.OK;
    }
}
