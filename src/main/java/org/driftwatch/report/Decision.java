package org.driftwatch.report;

import java.util.List;

/**
 * What the run means for the model: {@code retrain} (the data moved past the retrain thresholds),
 * {@code alert} (warnings or failed quality checks), or {@code ok}; with the reasons that led there.
 */
public record Decision(Verdict verdict, List<Reason> reasons) {
    public enum Verdict {
        RETRAIN, ALERT, OK;

        public String json() {
            return name().toLowerCase();
        }
    }

    /**
     * @param kind psi_fail, label_drift, dataset_drift for retrain; the failing or warning check's name for alert
     */
    public record Reason(String kind, String column, Double value, Double threshold, String message) {
    }

    public Decision {
        reasons = List.copyOf(reasons);
    }

    public boolean retrain() {
        return verdict == Verdict.RETRAIN;
    }

    /** Columns behind a retrain verdict (the label included when it drifted). */
    public List<String> retrainColumns() {
        return reasons.stream().filter(r -> verdict == Verdict.RETRAIN && r.column() != null
            && (r.kind().equals("psi_fail") || r.kind().equals("label_drift"))).map(Reason::column).distinct().toList();
    }
}
