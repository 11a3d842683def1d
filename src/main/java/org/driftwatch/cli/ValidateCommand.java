package org.driftwatch.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.driftwatch.actions.ActionPlan;
import org.driftwatch.checks.Check;
import org.driftwatch.checks.CheckCatalog;
import org.driftwatch.compare.CompareSettings;
import org.driftwatch.judge.RetrainPolicy;
import org.driftwatch.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Checks a rule file without starting Spark. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Validate a rule file (no Spark, no data read; local data paths without {date} must exist).")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    RuleFileOption ruleFile;

    @Override
    public Integer call() {
        RuleSet set = ruleFile.parse();
        List<Check> checks = CheckCatalog.checksFor(set);
        CompareSettings.fromRules(set).deprecations().forEach(d -> System.err.println("driftwatch: warning: " + d));
        RetrainPolicy.fromRules(set);
        ActionPlan.of(set, List.of(), false, Map.of());
        org.driftwatch.data.Lakehouse.requireFor(set);   // Delta or an Iceberg catalog the rules need, without --lakehouse
        // a path that does not exist is found now, not at 3 am; a dated path is checked by each night's run
        for (var side : List.of(Map.entry("reference", set.reference()), Map.entry("current", set.current()))) {
            String path = side.getValue().path();
            if (path != null && !path.contains("{date}")) {
                org.driftwatch.data.DatasetReader.checkLocalPathExists(side.getKey(), path);
            }
        }
        System.out.println(ruleFile.rules + ": ok (monitor " + set.monitor() + "; checks: "
            + String.join(", ", checks.stream().map(Check::name).toList()) + ")");
        return ExitCode.OK;
    }
}
