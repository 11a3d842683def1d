package org.driftwatch.cli;

import java.nio.file.Path;
import org.driftwatch.rules.RuleFileParser;
import org.driftwatch.rules.RuleSet;
import picocli.CommandLine.Option;

/** {@code --rules}, shared by every command that reads a rule file (a picocli mixin). */
class RuleFileOption {
    @Option(names = "--rules", required = true, paramLabel = "FILE", description = "Rule file (YAML).")
    Path rules;

    /** The rule file, parsed and validated (a {@code RuleException} names file, line and column). */
    RuleSet parse() {
        return RuleFileParser.parse(rules);
    }

    /** {@code --rules} and {@code --history-table}, for the commands that read or write the metrics history. */
    static final class WithHistoryTable extends RuleFileOption {
        @Option(names = "--history-table", paramLabel = "TABLE",
            description = "Keep the metrics history in this Spark catalog table (db.table) instead of the rule file's history setting.")
        String historyTable;

        @Override
        RuleSet parse() {
            return super.parse().withHistoryTable(historyTable);
        }
    }
}
