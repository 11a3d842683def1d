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
public final class Wording {
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

    /**
     * What changed tonight in people's terms, for a line that has no room for more (the email subject):
     * the data failure when the data is unfit; else a performance drop that decides, then the columns that
     * moved most — a number's mean ("basket_value mean 39.7 → 76.7, PSI 1.93"), a category's share
     * ("channel app 20% → 45%, PSI 0.61") — at most {@code most} of them; "nothing changed" when none did.
     */
    public static String changed(org.driftwatch.compare.Comparison c, Decision d, int most) {
        List<String> parts = changes(c, d, most);
        return parts.isEmpty() ? "nothing changed" : String.join("; ", parts);
    }

    /** The parts of {@link #changed}, most telling first; empty when nothing changed. */
    public static List<String> changes(org.driftwatch.compare.Comparison c, Decision d, int most) {
        if (d.dataUnfit()) {
            return List.of("data unfit, " + d.reasons().get(0).message());
        }
        List<String> parts = new java.util.ArrayList<>();
        d.reasons().stream().filter(r -> r.kind().equals(RetrainReason.PERFORMANCE_DROP.key())).findFirst()
            .ifPresent(r -> parts.add(r.message()));
        c.allColumns().stream()
            .filter(col -> col.psi() != null && (col.drift().detected() || d.retrainColumns().contains(col.name()) || col.psi() > 0.25))
            .sorted(java.util.Comparator.comparing(org.driftwatch.compare.ColumnComparison::psi).reversed())
            .limit(Math.max(0, most - parts.size())).forEach(col -> parts.add(moved(col)));
        return parts;
    }

    private static String moved(org.driftwatch.compare.ColumnComparison col) {
        String psi = String.format(java.util.Locale.ROOT, "PSI %.2f", col.psi());
        if (col.reference().mean() != null && col.current().mean() != null) {
            return col.name() + " mean " + short3(col.reference().mean()) + " → " + short3(col.current().mean()) + ", " + psi;
        }
        var cats = col.categories();
        int most = cats == null ? -1 : cats.mostMoved();
        if (most < 0) {
            return col.name() + " " + psi;
        }
        return String.format(java.util.Locale.ROOT, "%s %s %.0f%% → %.0f%%, %s", col.name(), cats.names().get(most),
            100 * cats.referenceShare(most), 100 * cats.currentShare(most), psi);
    }

    /** Three significant digits, no exponent for everyday magnitudes: 39.7, 0.0123, 15300. */
    private static String short3(double v) {
        if (v != 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-3)) {
            return String.format(java.util.Locale.ROOT, "%.2e", v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
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
        // a retrain reason's words are in the retrain step already: its advice follows alone (say each thing once)
        java.util.Set<String> said = new java.util.HashSet<>();
        if (decision.retrain()) {
            decision.reasons().forEach(r -> said.add(r.message()));
        }
        findings.stream().filter(f -> f.status().compareTo(Status.FAIL) >= 0 && f.advice() != null)
            .forEach(f -> steps.add(f.retrainReason() != null && decision.retrain() && said.stream().anyMatch(m -> m.contains(f.message())
                || f.message().contains(m)) ? f.advice() + "." : f.advice() + ": " + f.message() + "."));
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
