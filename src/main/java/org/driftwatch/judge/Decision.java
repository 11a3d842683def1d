package org.driftwatch.judge;

import java.util.List;

/**
 * The verdict with the reasons that led there and, for a retrain, the columns behind it (the label
 * included when it drifted); and the retrain reasons held back because tonight's data is not fit to
 * retrain on ({@code held}: they would retrain once the data is good).
 */
public record Decision(Verdict verdict, List<Reason> reasons, List<String> retrainColumns, List<Reason> held) {
    public Decision(Verdict verdict, List<Reason> reasons, List<String> retrainColumns) {
        this(verdict, reasons, retrainColumns, List.of());
    }

    /**
     * @param kind the retrain reason (psi_fail, label_drift, dataset_drift) for a retrain; the finding's
     *             check for an alert
     */
    public record Reason(String kind, String column, Double value, Double threshold, String message) {
    }

    public Decision {
        reasons = List.copyOf(reasons);
        retrainColumns = List.copyOf(retrainColumns);
        held = List.copyOf(held);
    }

    /** Whether tonight's data failed a check that holds every retrain (reasons of kind {@link #DATA_UNFIT}). */
    public boolean dataUnfit() {
        return reasons.stream().anyMatch(r -> DATA_UNFIT.equals(r.kind()));
    }

    /** The reason kind of a failure that makes the data unfit to retrain on. */
    public static final String DATA_UNFIT = "data_unfit";

    public boolean retrain() {
        return verdict == Verdict.RETRAIN;
    }
}
