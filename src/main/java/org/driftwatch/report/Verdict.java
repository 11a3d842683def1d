package org.driftwatch.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.driftwatch.checks.CheckResult;
import org.driftwatch.checks.ColumnComparison;
import org.driftwatch.checks.Status;

/**
 * What a report means for the people reading it: a verdict word, a one-line headline and the next
 * steps, derived once from the check results and shared by the HTML, the email subject and the text.
 */
public record Verdict(String word, String banner, Status level, String headline, List<String> drifted,
                      List<String> retrainReasons, List<String> nextSteps) {

    public static Verdict of(DriftReport r) {
        List<String> retrain = new ArrayList<>();
        Set<String> drifted = new LinkedHashSet<>();
        for (CheckResult c : r.checks()) {
            if (c.name().equals("psi") && c.status() == Status.FAIL) {
                drifted.add(c.column());
            }
        }
        if (r.decision() != null && r.decision().retrain()) {
            r.decision().reasons().forEach(reason -> retrain.add(reason.message()));
        }
        for (ColumnComparison c : r.comparison().columns().values()) {
            if (c.drift().detected()) {
                drifted.add(c.name());
            }
        }
        int total = r.comparison().columns().size();
        String headline = drifted.size() + " of " + total + " column" + (total == 1 ? "" : "s") + " drifted";
        String word;
        String banner;
        if (!retrain.isEmpty()) {
            word = "RETRAIN";
            banner = "RETRAIN RECOMMENDED";
        } else if (r.status() == Status.FAIL) {
            word = "FAIL";
            banner = "DATA QUALITY FAILURE";
        } else if (r.status() == Status.WARN) {
            word = "WARN";
            banner = "WARNING";
        } else {
            word = "OK";
            banner = "OK";
        }
        return new Verdict(word, banner, r.status(), headline, List.copyOf(drifted), retrain, nextSteps(r, retrain));
    }

    private static List<String> nextSteps(DriftReport r, List<String> retrain) {
        List<String> steps = new ArrayList<>();
        if (!retrain.isEmpty()) {
            steps.add("Retrain the model: " + String.join("; ", retrain) + ".");
        }
        for (CheckResult c : r.checks()) {
            if (c.status() != Status.FAIL) {
                continue;
            }
            switch (c.name()) {
                case "leakage" -> steps.add("Remove leaked ids before training or evaluating: " + c.message() + ".");
                case "identical_rows" -> steps.add("Remove rows copied from the reference: " + c.message() + ".");
                case "nulls" -> steps.add("Check the pipeline that fills " + c.column() + ": " + c.message() + ".");
                case "schema" -> steps.add("Fix the upstream schema of " + c.column() + ": " + c.message() + ".");
                default -> { }
            }
        }
        if (steps.isEmpty() && r.status() == Status.WARN) {
            steps.add("No action needed yet; watch the columns marked WARN in the next runs.");
        }
        if (steps.isEmpty()) {
            steps.add("No action needed.");
        }
        return steps;
    }
}
