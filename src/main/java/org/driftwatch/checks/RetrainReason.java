package org.driftwatch.checks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Why a run may recommend retraining, as {@code actions.retrain.when} names them. A check marks the
 * findings that stand for one; the judge decides which of them count.
 */
public enum RetrainReason {
    /** A feature's PSI is above the fail threshold (counted against {@code min_columns}). */
    PSI_FAIL,
    /** The label's class shares moved past its PSI fail threshold: P(Y) drift. */
    LABEL_DRIFT,
    /** The share of drifted features reached the dataset-drift threshold. */
    DATASET_DRIFT,
    /** The model's performance metric fell by more than its allowed drop: concept drift, or drift the features explain. */
    PERFORMANCE_DROP,
    /** A segment's column PSI is above the fail threshold (opt-in: not in the default {@code when}). */
    SEGMENT_PSI_FAIL,
    /** The model's performance on a segment fell by more than its allowed drop (opt-in). */
    SEGMENT_PERFORMANCE_DROP;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(RetrainReason::key).toList();
    }
}
