package org.driftwatch.judge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.driftwatch.checks.Finding;
import org.driftwatch.checks.RetrainReason;
import org.driftwatch.checks.Status;

/** The judge's words: reason phrases, headlines, banners and next steps. */
final class Wording {
    private Wording() {
    }

    static String reason(RetrainReason reason, Finding f) {
        return switch (reason) {
            case PSI_FAIL -> String.format("PSI %.3f > %s in %s", f.value(), f.threshold(), f.column());
            case LABEL_DRIFT -> String.format("label %s PSI %.3f > %s", f.column(), f.value(), f.threshold());
            case DATASET_DRIFT -> String.format("dataset drift: %.0f%% of columns drifted", 100 * f.value());
            case PERFORMANCE_DROP, SEGMENT_PSI_FAIL, SEGMENT_PERFORMANCE_DROP -> f.message();
        };
    }

    /** Names the counted reasons first, then how many features drifted when the reasons do not say it. */
    static String retrainHeadline(Map<RetrainReason, List<Finding>> counted, int drifted, int features) {
        List<String> parts = new ArrayList<>();
        counted.forEach((reason, fs) -> parts.add(switch (reason) {
            case PSI_FAIL -> String.format("PSI above %s in %d of %d %s", fs.get(0).threshold(), fs.size(), features, columns(features));
            case LABEL_DRIFT -> String.format("label %s shifted (PSI %.3f > %s)", fs.get(0).column(), fs.get(0).value(), fs.get(0).threshold());
            case DATASET_DRIFT -> String.format("dataset drift (%.0f%% of tested columns)", 100 * fs.get(0).value());
            case PERFORMANCE_DROP -> fs.get(0).message();
            case SEGMENT_PSI_FAIL, SEGMENT_PERFORMANCE_DROP -> fs.size() == 1 ? fs.get(0).message()
                : fs.size() + " segments: " + fs.get(0).message() + ", ...";
        }));
        boolean countSaid = counted.containsKey(RetrainReason.PSI_FAIL) && counted.get(RetrainReason.PSI_FAIL).size() == drifted
            || counted.containsKey(RetrainReason.DATASET_DRIFT);
        if (!countSaid && drifted > 0) {
            parts.add(driftedCount(drifted, features));
        }
        return String.join("; ", parts);
    }

    static String headline(int drifted, int features, List<Finding> findings) {
        Set<String> failed = new LinkedHashSet<>();
        findings.stream().filter(f -> f.status().compareTo(Status.FAIL) >= 0).forEach(f -> failed.add(f.check()));
        String count = driftedCount(drifted, features);
        return failed.isEmpty() ? count : count + "; failed: " + String.join(", ", failed);
    }

    static String banner(String word) {
        return switch (word) {
            case "RETRAIN" -> "RETRAIN RECOMMENDED";
            case "FAIL" -> "DATA QUALITY FAILURE";
            case "WARN" -> "WARNING";
            default -> "OK";
        };
    }

    /** A failure that makes the data unfit to retrain on, with its check and column: "volume: 400 current rows, …". */
    static String unfit(Finding f) {
        return f.check() + (f.column() == null ? "" : " " + f.column()) + ": " + f.message();
    }

    static List<String> nextSteps(Decision decision, List<Finding> findings, Status status) {
        Set<String> steps = new LinkedHashSet<>();
        if (decision.retrain()) {
            steps.add("Retrain the model: " + String.join("; ", decision.reasons().stream().map(Decision.Reason::message).toList()) + ".");
        }
        findings.stream().filter(f -> f.status().compareTo(Status.FAIL) >= 0 && f.advice() != null)
            .forEach(f -> steps.add(f.advice() + ": " + f.message() + "."));
        if (steps.isEmpty()) {
            steps.add(status == Status.WARN ? "No action needed yet; watch the columns marked WARN in the next runs." : "No action needed.");
        }
        return List.copyOf(steps);
    }

    private static String driftedCount(int drifted, int features) {
        return drifted + " of " + features + " " + columns(features) + " drifted";
    }

    private static String columns(int n) {
        return n == 1 ? "column" : "columns";
    }
}
