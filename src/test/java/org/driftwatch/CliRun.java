package org.driftwatch;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.driftwatch.cli.Main;

/** Runs the CLI in-process and captures what it printed. */
public record CliRun(int exitCode, String out, String err) {
    public static CliRun of(String... args) {
        return of(System.getenv(), args);
    }

    /** With an environment of the test's choosing (SMTP, Airflow and webhook settings). */
    public static synchronized CliRun of(Map<String, String> env, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(env, args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** The error line the user sees. */
    public String errorLine() {
        return err.lines().filter(l -> l.startsWith("driftwatch: error:")).findFirst().orElse("");
    }

    public boolean hasStackTrace() {
        return err.contains("\tat ") || err.contains("Exception in thread");
    }
}
