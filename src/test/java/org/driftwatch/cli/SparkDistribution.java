package org.driftwatch.cli;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Spark as a cluster provides it, made from the jars Maven resolved: the runtime classpath without
 * driftwatch's own libraries (which must come from the shaded jar), and a SPARK_HOME for workers.
 */
final class SparkDistribution {
    private SparkDistribution() {
    }

    static Path root() {
        return Path.of("").toAbsolutePath();
    }

    static String classpath() throws IOException {
        String all = Files.readString(root().resolve("target/classpath.txt")).strip();
        return Arrays.stream(all.split(File.pathSeparator))
            .filter(jar -> !jar.matches(".*/(pebble|unbescape|xchart|simplejavamail|simple-java-mail|core-module|angus|"
                + "jakarta/mail|jakarta/activation|picocli|commons-csv|jmail)[^:]*"))
            .collect(Collectors.joining(File.pathSeparator));
    }

    /** A SPARK_HOME whose jars/ links to the distribution's jars (what a worker needs to launch executors). */
    static Path home(Path dir) throws IOException {
        Path jars = Files.createDirectories(dir.resolve("jars"));
        for (String jar : classpath().split(File.pathSeparator)) {
            Path source = Path.of(jar);
            Path link = jars.resolve(source.getFileName());
            if (!Files.exists(link) && Files.isRegularFile(source)) {
                Files.createSymbolicLink(link, source);
            }
        }
        return dir;
    }

    /** A report.json without the fields that differ between runs (timing, master, job count). */
    static com.fasterxml.jackson.databind.JsonNode comparableReport(Path report) throws IOException {
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toFile());
        var run = (com.fasterxml.jackson.databind.node.ObjectNode) json.get("run");
        for (String field : List.of("started_at", "duration_seconds", "spark_master", "spark_jobs", "driver_peak_heap_mb", "driver_heap_after_gc_mb")) {
            run.remove(field);
        }
        if (json.get("history") instanceof com.fasterxml.jackson.databind.node.ObjectNode history) {
            history.remove("location");   // each run's own report folder
        }
        return json;
    }

    /** java with the module flags Spark needs on Java 17 (taken from this JVM's own flags). */
    static List<String> java() {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("-Djdk.reflect") || arg.startsWith("-Dio.netty")) {
                cmd.add(arg);
            }
        }
        return cmd;
    }
}
