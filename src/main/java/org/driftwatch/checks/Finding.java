package org.driftwatch.checks;

/**
 * One thing a check found, for one column or for the dataset (column null). A finding says for itself
 * whether it is a reason to retrain and what to do about it; the judge reads only that, never the
 * check's name.
 *
 * @param retrainReason the retrain reason this finding stands for, or null when it is none
 * @param advice        what to do about it, when it is not OK (a sentence without the final stop), or null
 */
public record Finding(String check, String column, Status status, Double value, Double threshold, String message,
                      RetrainReason retrainReason, String advice) {
    public Finding(String check, String column, Status status, Double value, Double threshold, String message) {
        this(check, column, status, value, threshold, message, null, null);
    }

    /** The same finding standing for a retrain reason. */
    public Finding because(RetrainReason reason) {
        return new Finding(check, column, status, value, threshold, message, reason, advice);
    }

    /** The same finding with what to do about it. */
    public Finding advising(String what) {
        return new Finding(check, column, status, value, threshold, message, retrainReason, what);
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
