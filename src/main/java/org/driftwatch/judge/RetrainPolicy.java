package org.driftwatch.judge;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.driftwatch.checks.RetrainReason;
import org.driftwatch.rules.RuleSection;
import org.driftwatch.rules.RuleSet;
import org.driftwatch.rules.Suggestions;

/**
 * Which retrain reasons count ({@code actions.retrain.when}, default psi_fail, label_drift and
 * performance_drop) and how
 * many features a {@link RetrainReason#PSI_FAIL} needs ({@code min_columns}, 1). The section's trigger
 * targets ({@code dag_id}, {@code airflow}) are read by the actions.
 */
public record RetrainPolicy(Set<RetrainReason> when, int minColumns, int consecutive, int cooldownDays) {
    public RetrainPolicy {
        when = when.isEmpty() ? EnumSet.noneOf(RetrainReason.class) : EnumSet.copyOf(when);
    }

    public RetrainPolicy(Set<RetrainReason> when, int minColumns) {
        this(when, minColumns, 1, 0);
    }

    public static RetrainPolicy defaults() {
        return new RetrainPolicy(EnumSet.of(RetrainReason.PSI_FAIL, RetrainReason.LABEL_DRIFT, RetrainReason.PERFORMANCE_DROP), 1);
    }

    /** Whether the policy looks back at earlier nights (and so needs the history). */
    public boolean looksBack() {
        return consecutive > 1 || cooldownDays > 0;
    }

    public static RetrainPolicy fromRules(RuleSet rules) {
        Optional<RuleSection> s = rules.actions().section("retrain").filter(RuleSection::enabled);
        RetrainPolicy p = s.map(RetrainPolicy::fromSection).orElse(defaults());
        if (p.looksBack() && !rules.keepsHistory()) {
            throw s.get().error(p.consecutive() > 1 ? "consecutive" : "cooldown_days", "actions.retrain." + (p.consecutive() > 1 ? "consecutive"
                : "cooldown_days") + " looks back at the metrics history, which this rule file turns off (history.enabled: false)");
        }
        return p;
    }

    static RetrainPolicy fromSection(RuleSection s) {
        Set<RetrainReason> when = EnumSet.noneOf(RetrainReason.class);
        List<String> known = RetrainReason.keys();
        for (String w : s.strings("when").orElse(List.of("psi_fail", "label_drift", "performance_drop"))) {
            if (!known.contains(w)) {
                throw s.error("when", "actions.retrain.when: unknown reason '" + w + "'" + Suggestions.hint(w, known)
                    + "; use " + String.join(", ", known));
            }
            when.add(RetrainReason.valueOf(w.toUpperCase(java.util.Locale.ROOT)));
        }
        return new RetrainPolicy(when, s.integer("min_columns", 1, 1, 100_000), s.integer("consecutive", 1, 1, 366),
            s.integer("cooldown_days", 0, 0, 3660));
    }

    /** Whether this many findings of a reason are enough for it to count. */
    boolean counts(RetrainReason reason, long findings) {
        return when.contains(reason) && findings >= (reason == RetrainReason.PSI_FAIL ? minColumns : 1);
    }
}
