package org.driftwatch.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.driftwatch.checks.Check;
import org.driftwatch.checks.CheckCatalog;
import org.driftwatch.rules.RuleFileParser;
import org.driftwatch.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Checks a rule file without starting Spark. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Validate a rule file (no Spark, no data read).")
final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--rules", required = true, paramLabel = "FILE", description = "Rule file (YAML).")
    Path rules;

    @Override
    public Integer call() {
        RuleSet set = RuleFileParser.parse(rules);
        java.util.List<Check> checks = CheckCatalog.checksFor(set);
        org.driftwatch.actions.ActionPlan.of(set, java.util.List.of(), false, java.util.Map.of());
        System.out.println(rules + ": ok (monitor " + set.monitor() + "; checks: "
            + String.join(", ", checks.stream().map(Check::name).toList()) + ")");
        return ExitCode.OK;
    }
}
