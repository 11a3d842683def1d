package org.driftwatch.cli;

import java.io.PrintWriter;
import org.driftwatch.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code driftwatch run | validate}: the command line, also the main class under spark-submit. */
@Command(name = "driftwatch", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
    description = "Compares a reference and a current dataset: drift statistics, data-quality checks, reports.",
    subcommands = {RunCommand.class, ProfileCommand.class, HistoryCommand.class, BackfillCommand.class, CalibrateCommand.class, ValidateCommand.class, GenerateCommand.class, BenchmarkCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "Exit codes:", "  0  ran (drift or not)", "  1  unexpected", "  2  bad usage or rules", "  3  bad input data",
        "  4  ran, but an action failed", "  5  the verdict met --fail-on", "  6  ran, but the metrics history was not written"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where settings such as SMTP credentials come from: the process environment, or a test's map. */
    final java.util.Map<String, String> env;

    Main(java.util.Map<String, String> env) {
        this.env = java.util.Map.copyOf(env);
    }

    public static void main(String[] args) {
        int code = execute(args);
        System.exit(code);
    }

    /** Runs the command line and returns the exit code. */
    public static int execute(String... args) {
        return execute(System.getenv(), args);
    }

    /** Runs the command line with the given environment (tests call this). */
    public static int execute(java.util.Map<String, String> env, String... args) {
        CommandLine cli = new CommandLine(new Main(env));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Errors.Classified v = Errors.classify(e);
            PrintWriter err = cmd.getErr();
            err.println("driftwatch: error: " + v.message());
            if (System.getenv("DRIFTWATCH_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.flush();
            return v.exitCode();
        });
        cli.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("driftwatch: " + e.getMessage());
            err.println("Try 'driftwatch " + (e.getCommandLine().getCommandName().equals("driftwatch") ? "" : e.getCommandLine().getCommandName() + " ") + "--help'.");
            err.flush();
            return ExitCode.BAD_RULES;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        // every command, named from the registry so a new one is never left out
        java.util.List<String> names = spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: one of " + String.join(", ", names));
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"driftwatch " + Version.get()};
        }
    }
}
