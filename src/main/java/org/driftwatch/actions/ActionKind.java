package org.driftwatch.actions;

import java.util.List;
import org.driftwatch.rules.RuleSet;

/**
 * A kind of action (Evidently's registered tests, for actions): its key under {@code actions:} in a rule
 * file and how that section — with the command line — becomes actions. A new kind is one class
 * implementing this and {@link Action}, and one line in {@link ActionKinds}.
 */
public interface ActionKind {
    /** The key under {@code actions:}. */
    String key();

    /** The actions its section asks for (none when absent or disabled); validates the section, one line per mistake. */
    List<Action> fromRules(RuleSet rules, CommandLine commandLine);

    /** The actions the command line alone asks for, when the rule file could not be read. */
    default List<Action> fromCommandLine(CommandLine commandLine) {
        return List.of();
    }

    /**
     * @param emailTo --email-to addresses replacing the rule file's recipients (empty: keep them)
     * @param noEmail --no-email
     */
    record CommandLine(List<String> emailTo, boolean noEmail) {
        public CommandLine {
            emailTo = List.copyOf(emailTo);
        }
    }
}
