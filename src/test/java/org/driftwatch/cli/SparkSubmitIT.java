package org.driftwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar under the real {@code spark-submit} (SparkSubmit from Maven's Spark jars, Spark
 * provided by the "cluster" side) writes the same report as the embedded launcher.
 */
class SparkSubmitIT {
    @TempDir
    Path tmp;

    @Test
    void sparkSubmitAndEmbeddedRunsWriteTheSameReport() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path jar = root.resolve("target/driftwatch.jar");
        assertTrue(Files.isRegularFile(jar), "shaded jar built by package");
        String sparkClasspath = SparkDistribution.classpath();
        List<String> submit = new ArrayList<>(SparkDistribution.java());
        submit.addAll(List.of("-cp", sparkClasspath, "org.apache.spark.deploy.SparkSubmit",
            "--master", "local[2]", "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1",
            "--class", "org.driftwatch.cli.Main", jar.toString(),
            "run", "--rules", "rules/seattle-weather.yaml", "--date", "2026-11-26", "--out", tmp.resolve("submitted").toString()));
        assertEquals(0, run(submit, root), "spark-submit run");
        List<String> embedded = List.of(root.resolve("bin/driftwatch").toString(), "run", "--rules", "rules/seattle-weather.yaml",
            "--date", "2026-11-26", "--out", tmp.resolve("embedded").toString());
        assertEquals(0, run(embedded, root), "embedded run");
        JsonNode a = SparkDistribution.comparableReport(tmp.resolve("submitted/seattle-weather/2026-11-26/report.json"));
        JsonNode b = SparkDistribution.comparableReport(tmp.resolve("embedded/seattle-weather/2026-11-26/report.json"));
        assertEquals(b, a);
    }

    private int run(List<String> command, Path dir) throws Exception {
        Path log = Files.createTempFile(tmp, "run", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + Files.readString(log));
        }
        if (p.exitValue() != 0) {
            System.err.println(Files.readString(log));
        }
        return p.exitValue();
    }
}
