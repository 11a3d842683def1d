package org.driftwatch.judge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.driftwatch.checks.Finding;
import org.driftwatch.checks.RetrainReason;
import org.driftwatch.checks.Status;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.Comparison;
import org.driftwatch.stats.PopulationStabilityIndex;

/** The judge's words: reason phrases, headlines, banners and next steps. */
public final class Wording {
    private Wording() {
    }

    static String reason(RetrainReason reason, Finding f) {
        return switch (reason) {
            case PSI_FAIL -> "PSI " + PopulationStabilityIndex.shown(f.value()) + " > " + f.threshold() + " in " + f.column();
            case LABEL_DRIFT -> "label " + f.column() + " PSI " + PopulationStabilityIndex.shown(f.value()) + " > " + f.threshold();
            case DATASET_DRIFT -> String.format("dataset drift: %.0f%% of columns drifted", 100 * f.value());
            case PERFORMANCE_DROP, SEGMENT_PSI_FAIL, SEGMENT_PERFORMANCE_DROP -> f.message();
        };
    }

    /**
     * What changed tonight in people's terms, most telling first, at most {@code most}: the data failures when
     * the data is unfit; else a performance drop, then the columns that moved most — a number's mean
     * ("basket_value mean 39.7 → 76.7, PSI 1.930"), a category's share ("channel app 20% → 45%, PSI 0.610"),
     * the label named as such — then any other failure in its own words. Empty when nothing changed.
     * The headline and the email subject both say these, so they never disagree.
     */
    static List<String> changes(Comparison c, Decision d, List<Finding> findings, int most) {
        List<String> parts = new ArrayList<>();
        if (d.dataUnfit()) {
            d.reasons().stream().filter(r -> Decision.DATA_UNFIT.equals(r.kind())).map(Decision.Reason::message).forEach(parts::add);
            return parts.subList(0, Math.min(most, parts.size()));
        }
        findings.stream().filter(f -> failed(f) && f.retrainReason() == RetrainReason.PERFORMANCE_DROP).map(Finding::message).forEach(parts::add);
        // a retrain's reasons that no column's move says (dataset drift, a segment)
        Set<String> unsaid = Set.of(RetrainReason.DATASET_DRIFT.key(), RetrainReason.SEGMENT_PSI_FAIL.key(), RetrainReason.SEGMENT_PERFORMANCE_DROP.key());
        d.reasons().stream().filter(r -> d.retrain() && unsaid.contains(r.kind())).map(Decision.Reason::message).forEach(parts::add);
        Set<String> named = new java.util.HashSet<>();
        Set<String> retrainColumns = new java.util.HashSet<>(d.retrainColumns());
        d.held().forEach(r -> retrainColumns.add(r.column()));
        findings.stream().filter(f -> failed(f) && f.retrainReason() != null && f.column() != null).forEach(f -> retrainColumns.add(f.column()));
        String label = c.label().map(ColumnComparison::name).orElse(null);
        c.allColumns().stream()
            .filter(col -> col.psi() != null && (col.drift().detected() || retrainColumns.contains(col.name())))
            .sorted(java.util.Comparator.comparing(ColumnComparison::psi).reversed())
            .forEach(col -> {
                parts.add((col.name().equals(label) ? "label " : "") + moved(col));
                named.add(col.name());
            });
        findings.stream().filter(Wording::failed)
            .filter(f -> f.retrainReason() != RetrainReason.PERFORMANCE_DROP && (f.column() == null || !named.contains(f.column())))
            .filter(f -> f.retrainReason() != RetrainReason.DATASET_DRIFT && !parts.contains(f.message()))
            .map(f -> f.column() == null || f.message().contains(f.column()) ? f.message() : f.column() + ": " + f.message())
            .distinct().forEach(parts::add);
        return parts.subList(0, Math.min(most, parts.size()));
    }

    /** A failure, worth a place in the headline. */
    private static boolean failed(Finding f) {
        return f.status().compareTo(Status.FAIL) >= 0;
    }

    /**
     * The headline: what changed ({@link #changes}) and how many features drifted; tonight's warnings in
     * their own words when nothing failed; "nothing changed" when nothing did.
     */
    static String headline(List<String> changes, List<Finding> findings, int drifted, int features) {
        String count = features == 0 ? "" : " (" + driftedCount(drifted, features) + ")";
        if (!changes.isEmpty()) {
            return String.join("; ", changes) + count;
        }
        List<String> warned = findings.stream().filter(f -> f.status() == Status.WARN)
            .map(f -> f.column() == null || f.message().contains(f.column()) ? f.message() : f.column() + ": " + f.message())
            .distinct().limit(2).toList();
        return (warned.isEmpty() ? "nothing changed" : "watch " + String.join("; ", warned)) + count;
    }

    private static String moved(ColumnComparison col) {
        String psi = "PSI " + PopulationStabilityIndex.shown(col.psi());
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

    /** @param headline what the headline says already: a reason or failure among it is not repeated in the steps */
    static List<String> nextSteps(Decision decision, List<Finding> findings, Status status, List<String> headline) {
        Set<String> steps = new LinkedHashSet<>();
        // say each thing once: words in the headline or the retrain step are not repeated after an advice
        Set<String> said = new java.util.HashSet<>(headline);
        if (decision.retrain()) {
            List<String> unsaid = decision.reasons().stream().map(Decision.Reason::message).filter(m -> !headline.contains(m)).toList();
            steps.add(unsaid.isEmpty() ? "Retrain the model." : "Retrain the model: " + String.join("; ", unsaid) + ".");
            decision.reasons().forEach(r -> said.add(r.message()));
        }
        findings.stream().filter(f -> f.status().compareTo(Status.FAIL) >= 0 && f.advice() != null)
            .forEach(f -> steps.add(said.stream().anyMatch(m -> m.contains(f.message()) || f.message().contains(m))
                ? f.advice() + "." : f.advice() + ": " + f.message() + "."));
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
