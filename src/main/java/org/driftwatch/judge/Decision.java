package org.driftwatch.judge;

import java.util.List;

/**
 * The verdict with the reasons that led there and, for a retrain, the columns behind it (the label
 * included when it drifted).
 */
public record Decision(Verdict verdict, List<Reason> reasons, List<String> retrainColumns) {
    /**
     * @param kind the retrain reason (psi_fail, label_drift, dataset_drift) for a retrain; the finding's
     *             check for an alert
     */
    public record Reason(String kind, String column, Double value, Double threshold, String message) {
    }

    public Decision {
        reasons = List.copyOf(reasons);
        retrainColumns = List.copyOf(retrainColumns);
    }

    public boolean retrain() {
        return verdict == Verdict.RETRAIN;
    }
}
