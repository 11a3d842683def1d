package org.driftwatch.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.driftwatch.DriftJob;
import org.driftwatch.checks.CheckCatalog;
import org.driftwatch.data.DriftingDataGenerator;
import org.driftwatch.rules.RuleFileParser;
import org.driftwatch.rules.RuleSet;

/**
 * Measures driftwatch against the cost of reading the data, in one Spark session: the floor (one
 * aggregation over every column of both datasets), a full run, a naive per-column baseline the way
 * tutorials do it (approxQuantile, then a histogram job per column), and a wide dataset. Prints a
 * Markdown table with wall times, ratios to the floor, Spark jobs and peak heap of the driver JVM (in
 * local mode the executors run in that JVM too, so there it measures the whole job, not the driver).
 */
public final class DriftBenchmark {
    private final SparkSession spark;
    private final Path dir;
    private final Consumer<String> log;
    private final List<String[]> rows = new ArrayList<>();

    public DriftBenchmark(SparkSession spark, Path dir, Consumer<String> log) {
        this.spark = spark;
        this.dir = dir;
        this.log = log;
    }

    /** One measurement: seconds, Spark jobs and stages run, and peak heap of a piece of work. */
    record Measure(double seconds, int jobs, int stages, long peakHeapBytes) {
        /** The mean seconds of runs of the same work; its jobs and stages (the same each time) and the highest peak. */
        static Measure mean(List<Measure> runs) {
            return new Measure(runs.stream().mapToDouble(Measure::seconds).average().orElse(0), runs.get(runs.size() - 1).jobs(),
                runs.get(runs.size() - 1).stages(), runs.stream().mapToLong(Measure::peakHeapBytes).max().orElse(0));
        }
    }

    /** Counts jobs and completed stages whatever job group the work sets. */
    private static final class Counter extends org.apache.spark.scheduler.SparkListener {
        final java.util.concurrent.atomic.AtomicInteger jobs = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger stages = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart e) {
            jobs.incrementAndGet();
        }

        @Override
        public void onStageCompleted(org.apache.spark.scheduler.SparkListenerStageCompleted e) {
            stages.incrementAndGet();
        }
    }

    private final Counter counter = new Counter();
    private int qualityPairs = 1;
    private int segmentPairs = 1;
    private int deltaNights = 0;
    private int deltaPairs = 1;

    /**
     * Also time a nightly run that reads one night of a Delta table of {@code nights} partitions (each a copy
     * of the current data) by {@code where}, against the same run reading that partition's files directly;
     * {@code pairs} alternating runs of each. Needs Delta on the classpath (bin/driftwatch --lakehouse).
     */
    public DriftBenchmark withDeltaNights(int nights, int pairs) {
        this.deltaNights = nights;
        this.deltaPairs = pairs;
        return this;
    }

    /** Alternating pairs of runs without and with {@link #SEGMENTS} per size (0: none). */
    public DriftBenchmark withSegmentPairs(int pairs) {
        this.segmentPairs = pairs;
        return this;
    }

    /** Segments by one categorical column of 20 values: 20 segments, every other column compared in each. */
    static final String SEGMENTS = "segments: {by: [cat0], min_rows: 1000}\n";

    /** Alternating pairs of runs without and with {@link #QUALITY}'s constraints per size (0: none). */
    public DriftBenchmark withQualityPairs(int pairs) {
        this.qualityPairs = pairs;
        return this;
    }

    /**
     * Ten data-quality constraints on the generated columns: two unique (the id, and a near-unique double:
     * a shuffle of every value), one exists_in against the reference's categories, seven folded in the scans.
     */
    static String quality(Path categories) {
        return "checks:\n  quality:\n"
            + "    - {column: id, unique: true}\n"
            + "    - {column: n0, unique: true}\n"
            + "    - {column: cat0, exists_in: {path: \"" + categories + "\", column: cat0}}\n"
            + "    - {column: n1, range: {min: -10, max: 20}}\n"
            + "    - {column: n2, range: {min: 0}, mostly: 0.5}\n"
            + "    - {column: cat1, allowed: [c0, c1, c2, c3, c4, c5, c6, c7, c8, c9]}\n"
            + "    - {column: cat2, pattern: \"c[0-9]+\"}\n"
            + "    - {column: cat3, length: {min: 2, max: 3}}\n"
            + "    - {name: n3_or_n4, condition: \"n3 > 0 OR n4 IS NULL\"}\n"
            + "    - {column: n5, range: {max: 8}, mostly: 0.99}\n";
    }

    public String run(List<Long> sizes, int numerical, int categorical, long wideRows, int wideColumns, long naiveMaxRows) {
        return run(sizes, numerical, categorical, wideRows, wideColumns, naiveMaxRows, false);
    }

    public String run(List<Long> sizes, int numerical, int categorical, long wideRows, int wideColumns, long naiveMaxRows,
                      boolean model) {
        return run(sizes, numerical, categorical, wideRows, wideColumns, naiveMaxRows, model, 0);
    }

    /** @param csvMaxRows sizes up to this many rows are also timed from CSV copies of the data (0: none) */
    public String run(List<Long> sizes, int numerical, int categorical, long wideRows, int wideColumns, long naiveMaxRows,
                      boolean model, long csvMaxRows) {
        spark.sparkContext().addSparkListener(counter);
        for (long n : sizes) {
            Path data = data("n" + n, n, numerical, categorical);
            String label = n + " × " + (numerical + categorical);
            floor(data, List.of("reference.parquet", "current.parquet"));   // warm-up: JIT, file cache
            Measure floor = measure(() -> floor(data, List.of("reference.parquet", "current.parquet")));
            Measure full = measure(() -> driftwatch(data, null));
            Measure bounded = measure(() -> driftwatch(rules(data, "parquet", true, "compare: {finishing_scans: 0}\n"), data));
            Measure withoutId = measure(() -> driftwatch(rules(data, "parquet", false), data));
            Path profile = data.resolve("reference-profile.json");
            Measure build = measure(() -> writeProfile(data, profile));
            Measure currentFloor = measure(() -> floor(data, List.of("current.parquet")));
            Measure nightly = measure(() -> driftwatch(data, profile));
            add(label, "floor: one scan of both datasets", floor, floor);
            add(label, "driftwatch run (all checks, reports)", full, floor);
            add(label, "driftwatch run, KS and Wasserstein bounded (compare.finishing_scans: 0)", bounded, floor);
            add(label, "driftwatch run without columns.id (copied rows by row hash)", withoutId, floor);
            add(label, "driftwatch profile (reference only, once)", build, floor);
            add(label, "floor: one scan of the current data", currentFloor, currentFloor);
            add(label, "driftwatch run --reference-profile", nightly, currentFloor);
            if (n <= csvMaxRows) {
                Path csv = csv(data);
                floor(csv, List.of("reference.csv", "current.csv"), "csv");
                Measure csvFloor = measure(() -> floor(csv, List.of("reference.csv", "current.csv"), "csv"));
                Measure csvRun = measure(() -> driftwatch(rules(csv, "csv", true), csv));
                add(label + " CSV", "floor: one scan of both datasets (schema inferred, as a run reads them)", csvFloor, csvFloor);
                add(label + " CSV", "driftwatch run (all checks, reports)", csvRun, csvFloor);
            }
            if (qualityPairs > 0 && categorical >= 4 && numerical >= 6) {
                quality(label, data);
            }
            if (segmentPairs > 0 && categorical >= 1) {
                segments(label, data);
            }
            if (deltaNights > 0) {
                delta(label, data);
            }
            if (n <= naiveMaxRows) {
                add(label, "naive per-column baseline", measure(() -> naive(data)), floor);
            }
            if (model) {
                Path withModel = modelData(data, n);
                RuleSet labelOnly = modelRules(withModel, numerical, categorical, false);
                RuleSet monitored = modelRules(withModel, numerical, categorical, true);
                Measure without = measure(() -> driftwatch(labelOnly, withModel));
                Measure with = measure(() -> driftwatch(monitored, withModel));
                add(label + " + model", "driftwatch run with a label, no model (the base of the next row)", without, without);
                add(label + " + model", "driftwatch run with a model: prediction and score (× the row above)", with, without);
            }
        }
        if (wideRows > 0) {
            Path wide = data("wide" + wideRows, wideRows, wideColumns - wideColumns / 5, wideColumns / 5);
            String label = wideRows + " × " + wideColumns;
            floor(wide, List.of("reference.parquet", "current.parquet"));
            Measure floor = measure(() -> floor(wide, List.of("reference.parquet", "current.parquet")));
            Measure full = measure(() -> driftwatch(wide, null));
            add(label, "floor: one scan of both datasets", floor, floor);
            add(label, "driftwatch run (all checks, reports)", full, floor);
        }
        spark.sparkContext().removeSparkListener(counter);
        return table(rows);
    }

    /** Runs without and with the ten constraints ({@link #quality(Path)}). */
    private void quality(String label, Path data) {
        Path categories = data.resolve("categories.parquet");
        if (!Files.exists(categories.resolve("_SUCCESS"))) {
            spark.read().parquet(data.resolve("reference.parquet").toString()).select("cat0").distinct().coalesce(1)
                .write().mode("overwrite").parquet(categories.toString());
        }
        pairs(label, data, rules(data, "parquet", true, quality(categories), "rules-quality"), qualityPairs,
            "driftwatch run with 10 data-quality constraints (× the row above)");
    }

    /** One night of a Delta table read by {@code where}, against its partition's Parquet files read directly (#32). */
    private void delta(String label, Path data) {
        Path table = data.resolve("delta-" + deltaNights + "-nights");
        String night = String.format(Locale.ROOT, "2026-11-%02d", Math.min(deltaNights, 15));
        if (!Files.exists(table.resolve("_delta_log"))) {
            log.accept("writing a Delta table of " + deltaNights + " nights: " + table);
            Dataset<Row> nights = spark.range(1, deltaNights + 1).selectExpr("date_format(date_add(DATE'2026-10-31', CAST(id AS INT)), 'yyyy-MM-dd')"
                + " AS event_date");
            spark.read().parquet(data.resolve("current.parquet").toString()).crossJoin(nights)
                .write().format("delta").partitionBy("event_date").save(table.toString());
        }
        String reference = "reference: {path: \"" + data.resolve("reference.parquet") + "\", format: parquet}\ncolumns: {id: id}\n";
        RuleSet byWhere = inline(data, "rules-delta-where", reference + "current: {path: \"" + table
            + "\", format: delta, where: \"event_date = '" + night + "'\"}\n");
        RuleSet direct = inline(data, "rules-delta-files", reference + "current: {path: \"" + table.resolve("event_date=" + night)
            + "\", format: parquet}\n");
        pairs(label, data, direct, "driftwatch run on one night's partition files read directly", byWhere, deltaPairs,
            "driftwatch run on the same night of a Delta table of " + deltaNights + " nights by where (× the row above)");
    }

    /** A rule file of monitor "bench" with these lines, written into the data folder under {@code name}. */
    private RuleSet inline(Path data, String name, String text) {
        try {
            Path rules = data.resolve(name + ".yaml");
            Files.writeString(rules, "monitor: bench\n" + text);
            return RuleFileParser.parse(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs without and with {@link #SEGMENTS}. */
    private void segments(String label, Path data) {
        pairs(label, data, rules(data, "parquet", true, SEGMENTS, "rules-segments"), segmentPairs,
            "driftwatch run with segments by one column of 20 values (× the row above)");
    }

    /** {@code pairs} runs without and with {@code with}'s rules, alternating; the mean of each, the second against the first. */
    private void pairs(String label, Path data, RuleSet with, int pairs, String what) {
        pairs(label, data, rules(data, "parquet", true, "", "rules"), "driftwatch run, the base of the next row", with, pairs, what);
    }

    /** {@code pairs} runs of {@code plain} and {@code with}, alternating; the mean of each, the second against the first. */
    private void pairs(String label, Path data, RuleSet plain, String plainWhat, RuleSet with, int pairs, String what) {
        List<Measure> base = new ArrayList<>();
        List<Measure> added = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            base.add(measure(() -> driftwatch(plain, data)));
            added.add(measure(() -> driftwatch(with, data)));
        }
        Measure a = Measure.mean(base);
        add(label, plainWhat + " (mean of " + pairs + ")", a, a);
        add(label, what, Measure.mean(added), a);
    }

    /** The Markdown table README quotes. */
    static String table(List<String[]> rows) {
        StringBuilder b = new StringBuilder();
        b.append("| data (rows × columns) | what | seconds | × its floor | Spark jobs | stages | peak heap |\n");
        b.append("|---|---|---:|---:|---:|---:|---:|\n");
        rows.forEach(r -> b.append("| ").append(String.join(" | ", r)).append(" |\n"));
        return b.toString();
    }

    /** One row: the work's seconds, its ratio to the floor it is read against, its jobs, stages and peak heap. */
    static String[] row(String data, String what, Measure m, Measure floor) {
        return new String[] {data, what, String.format(Locale.ROOT, "%.1f", m.seconds()),
            String.format(Locale.ROOT, "%.2f", m.seconds() / floor.seconds()), String.valueOf(m.jobs()),
            String.valueOf(m.stages()), (m.peakHeapBytes() >> 20) + " MB"};
    }

    private void add(String data, String what, Measure m, Measure floor) {
        rows.add(row(data, what, m, floor));
        log.accept(data + ": " + what + " " + String.format(Locale.ROOT, "%.1f s", m.seconds()));
    }

    private Path data(String name, long n, int numerical, int categorical) {
        Path d = dir.resolve(name);
        if (!Files.exists(d.resolve("current.parquet/_SUCCESS"))) {
            log.accept("generating " + d);
            DriftingDataGenerator.DriftSpec drift = DriftingDataGenerator.DriftSpec.parse("shift=0.3,nulls=0.02,new_category=0.1,columns=0.3");
            for (boolean current : new boolean[] {false, true}) {
                DriftingDataGenerator.generate(spark, n, numerical, categorical, drift, 42, current, 8)
                    .write().mode("overwrite").parquet(d.resolve(current ? "current.parquet" : "reference.parquet").toString());
            }
        }
        return d;
    }

    /** The same data plus a binary model's columns: a label y, a score p_y (3 decimals, many ties) and y_hat. */
    private Path modelData(Path data, long n) {
        Path d = dir.resolve("model" + n);
        if (!Files.exists(d.resolve("current.parquet/_SUCCESS"))) {
            log.accept("generating " + d);
            for (String side : List.of("reference.parquet", "current.parquet")) {
                Column logit = col("n0").minus(lit(0.0)).multiply(0.8).plus(org.apache.spark.sql.functions.randn(11).multiply(0.7));
                Column p = org.apache.spark.sql.functions.round(lit(1.0).divide(lit(1.0).plus(org.apache.spark.sql.functions.exp(
                    col("n0").multiply(-0.8)))), 3);
                spark.read().parquet(data.resolve(side).toString())
                    .withColumn("y", org.apache.spark.sql.functions.when(logit.gt(0), 1).otherwise(0))
                    .withColumn("p_y", p)
                    .withColumn("y_hat", org.apache.spark.sql.functions.when(p.geq(0.5), 1).otherwise(0))
                    .write().mode("overwrite").parquet(d.resolve(side).toString());
            }
        }
        return d;
    }

    private RuleSet modelRules(Path data, int numerical, int categorical, boolean model) {
        List<String> num = new ArrayList<>();
        for (int i = 0; i < numerical; i++) {
            num.add("n" + i);
        }
        List<String> cat = new ArrayList<>();
        for (int j = 0; j < categorical; j++) {
            cat.add("cat" + j);
        }
        try {
            Path rules = data.resolve(model ? "model.yaml" : "label.yaml");
            Files.writeString(rules, "monitor: bench-" + (model ? "model" : "label") + "\nreference: {path: \"" + data.resolve("reference.parquet")
                + "\"}\ncurrent: {path: \"" + data.resolve("current.parquet") + "\"}\ncolumns: {id: id, label: y, numerical: " + num
                + ", categorical: " + cat + (model ? ", prediction: y_hat, score: p_y}\nmodel: {task: binary}\n" : "}\n"));
            return RuleFileParser.parse(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void driftwatch(RuleSet set, Path data) {
        new DriftJob(spark, line -> { }).run(set, CheckCatalog.checksFor(set),
            new DriftJob.Inputs(set.reference(), set.current(), "2026-11-26", data.resolve("reports")));
    }

    /** The same data as CSV files with a header, written once. */
    private Path csv(Path data) {
        Path d = data.resolve("csv");
        if (!Files.exists(d.resolve("current.csv/_SUCCESS"))) {
            log.accept("writing " + d);
            for (String side : List.of("reference", "current")) {
                spark.read().parquet(data.resolve(side + ".parquet").toString()).write().mode("overwrite").option("header", "true")
                    .csv(d.resolve(side + ".csv").toString());
            }
        }
        return d;
    }

    private void floor(Path data, List<String> sides) {
        floor(data, sides, "parquet");
    }

    private void floor(Path data, List<String> sides, String format) {
        for (String side : sides) {
            Dataset<Row> df = new org.driftwatch.data.DatasetReader(spark).open(side,
                new org.driftwatch.rules.DataSource(data.resolve(side).toString(), null, format, java.util.Map.of()));
            List<Column> aggs = new ArrayList<>();
            for (String c : df.columns()) {
                aggs.add(count(col(c)));
            }
            df.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).first();
        }
    }

    private RuleSet rules(Path data) {
        return rules(data, "parquet", true);
    }

    /** The benchmark's rule file: all default checks on the data in {@code format}, with or without {@code columns.id}. */
    private RuleSet rules(Path data, String format, boolean id) {
        return rules(data, format, id, "");
    }

    /** The same with more rule-file lines ({@code extra}), written beside it under another name. */
    private RuleSet rules(Path data, String format, boolean id, String extra) {
        return rules(data, format, id, extra, (id ? "rules" : "rules-without-id") + (extra.isEmpty() ? "" : "-bounded"));
    }

    private RuleSet rules(Path data, String format, boolean id, String extra, String name) {
        return inline(data, name, "reference: {path: \"" + data.resolve("reference." + format) + "\", format: " + format + "}\n"
            + "current: {path: \"" + data.resolve("current." + format) + "\", format: " + format + "}\n" + (id ? "columns: {id: id}\n" : "")
            + extra);
    }

    private void driftwatch(Path data, Path profile) {
        RuleSet set = rules(data);
        new DriftJob(spark, line -> { }).run(set, CheckCatalog.checksFor(set),
            new DriftJob.Inputs(set.reference(), set.current(), "2026-11-26", data.resolve("reports"), profile));
    }

    private void writeProfile(Path data, Path profile) {
        RuleSet set = rules(data);
        try {
            new DriftJob(spark, line -> { }).writeProfile(set, CheckCatalog.checksFor(set), set.reference(), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tutorial way: per numeric column approxQuantile on the reference, then a histogram job per side. */
    private void naive(Path data) {
        Dataset<Row> ref = spark.read().parquet(data.resolve("reference.parquet").toString());
        Dataset<Row> cur = spark.read().parquet(data.resolve("current.parquet").toString());
        double[] probs = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
        for (StructField f : ref.schema().fields()) {
            if (f.name().equals("id")) {
                continue;
            }
            if (f.dataType() instanceof NumericType) {
                double[] edges = ref.stat().approxQuantile(f.name(), probs, 0.001);
                for (Dataset<Row> side : List.of(ref, cur)) {
                    List<Column> bins = new ArrayList<>();
                    for (int i = 0; i <= edges.length; i++) {
                        Column in = i == 0 ? col(f.name()).lt(edges[0]) : i == edges.length ? col(f.name()).geq(edges[i - 1])
                            : col(f.name()).geq(edges[i - 1]).and(col(f.name()).lt(edges[i]));
                        bins.add(sum(when(in, 1).otherwise(0)));
                    }
                    side.agg(bins.get(0), bins.subList(1, bins.size()).toArray(Column[]::new)).first();
                }
            } else {
                ref.groupBy(f.name()).count().collectAsList();
                cur.groupBy(f.name()).count().collectAsList();
            }
        }
    }

    private Measure measure(Runnable work) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        String group = "bench-" + System.nanoTime();
        spark.sparkContext().setJobGroup(group, group, false);
        int jobs0 = counter.jobs.get();
        int stages0 = counter.stages.get();
        long t0 = System.nanoTime();
        try {
            work.run();
        } finally {
            spark.sparkContext().clearJobGroup();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Measure(seconds, counter.jobs.get() - jobs0, counter.stages.get() - stages0, peak);
    }
}
