package org.driftwatch.actions;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.driftwatch.checks.CheckResult;
import org.driftwatch.checks.Status;
import org.driftwatch.report.Decision;
import org.driftwatch.report.DriftReport;
import org.driftwatch.rules.RuleSection;
import org.driftwatch.rules.Suggestions;

/**
 * Turns a report into a {@link Decision}. Retrain when, among the reasons listed in
 * {@code actions.retrain.when} (default psi_fail and label_drift), at least {@code min_columns}
 * columns have PSI above the psi check's fail threshold, the label's PSI is above
 * {@code label_distribution.psi_fail}, or dataset drift was detected; alert on any other warning or
 * failed check; ok otherwise.
 */
public record RetrainPolicy(Set<Reason> when, int minColumns) {
    public enum Reason {
        PSI_FAIL, LABEL_DRIFT, DATASET_DRIFT;

        String key() {
            return name().toLowerCase();
        }
    }

    static final List<String> NAMES = List.of("psi_fail", "label_drift", "dataset_drift");

    public static RetrainPolicy defaults() {
        return new RetrainPolicy(EnumSet.of(Reason.PSI_FAIL, Reason.LABEL_DRIFT), 1);
    }

    /** Reads {@code when} and {@code min_columns}; the trigger targets in the section are read elsewhere. */
    static RetrainPolicy fromRules(RuleSection s) {
        Set<Reason> when = EnumSet.noneOf(Reason.class);
        List<String> given = s.strings("when").orElse(List.of("psi_fail", "label_drift"));
        for (String w : given) {
            if (!NAMES.contains(w)) {
                throw s.error("when", "actions.retrain.when: unknown reason '" + w + "'" + Suggestions.hint(w, NAMES)
                    + "; use " + String.join(", ", NAMES));
            }
            when.add(Reason.valueOf(w.toUpperCase()));
        }
        return new RetrainPolicy(when, s.integer("min_columns", 1, 1, 100_000));
    }

    public Decision decide(DriftReport r) {
        List<Decision.Reason> retrain = new ArrayList<>();
        List<CheckResult> psiFails = r.checks().stream().filter(c -> c.name().equals("psi") && c.status() == Status.FAIL).toList();
        if (when.contains(Reason.PSI_FAIL) && psiFails.size() >= minColumns) {
            for (CheckResult c : psiFails) {
                retrain.add(new Decision.Reason("psi_fail", c.column(), c.value(), c.threshold(),
                    String.format("PSI %.3f > %s in %s", c.value(), c.threshold(), c.column())));
            }
        }
        if (when.contains(Reason.LABEL_DRIFT)) {
            r.checks().stream().filter(c -> c.name().equals("label_distribution") && c.status() == Status.FAIL).forEach(c ->
                retrain.add(new Decision.Reason("label_drift", c.column(), c.value(), c.threshold(),
                    String.format("label %s PSI %.3f > %s", c.column(), c.value(), c.threshold()))));
        }
        if (when.contains(Reason.DATASET_DRIFT) && r.datasetDrift().detected()) {
            retrain.add(new Decision.Reason("dataset_drift", null, r.datasetDrift().share(), r.datasetDrift().threshold(),
                String.format("dataset drift: %.0f%% of columns drifted", 100 * r.datasetDrift().share())));
        }
        if (!retrain.isEmpty()) {
            return new Decision(Decision.Verdict.RETRAIN, retrain);
        }
        List<Decision.Reason> alerts = new ArrayList<>();
        for (CheckResult c : r.checks()) {
            if (c.status() != Status.OK) {
                alerts.add(new Decision.Reason(c.name(), c.column(), c.value(), c.threshold(), c.message()));
            }
        }
        return new Decision(alerts.isEmpty() ? Decision.Verdict.OK : Decision.Verdict.ALERT, alerts);
    }
}
