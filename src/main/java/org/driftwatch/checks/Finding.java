package org.driftwatch.checks;

/**
 * One thing a check found, for one column or for the dataset (column null). A finding says for itself
 * whether it is a reason to retrain and what to do about it; the judge reads only that, never the
 * check's name.
 *
 * @param retrainReason the retrain reason this finding stands for, or null when it is none
 * @param advice        what to do about it, when it is not OK (a sentence without the final stop), or null
 * @param kind          the kind of drift this finding is evidence of when it is not OK, or null
 * @param judged        the column statistic this finding judged ({@code ColumnComparison.PSI}, ...), so a report
 *                      can show that statistic as the check saw it; null for none
 * @param unfitData     when it fails, tonight's data is not fit to retrain on (rows missing, a required column's
 *                      nulls, a compared column missing or retyped, a blocking constraint): the judge holds
 *                      every retrain until the data is good
 */
public record Finding(String check, String column, Status status, Double value, Double threshold, String message,
                      RetrainReason retrainReason, String advice, DriftKind kind, String judged, boolean unfitData) {
    public Finding(String check, String column, Status status, Double value, Double threshold, String message,
                   RetrainReason retrainReason, String advice, DriftKind kind, String judged) {
        this(check, column, status, value, threshold, message, retrainReason, advice, kind, judged, false);
    }

    public Finding(String check, String column, Status status, Double value, Double threshold, String message,
                   RetrainReason retrainReason, String advice, DriftKind kind) {
        this(check, column, status, value, threshold, message, retrainReason, advice, kind, null);
    }

    public Finding(String check, String column, Status status, Double value, Double threshold, String message) {
        this(check, column, status, value, threshold, message, null, null, null);
    }

    public Finding(String check, String column, Status status, Double value, Double threshold, String message,
                   RetrainReason retrainReason, String advice) {
        this(check, column, status, value, threshold, message, retrainReason, advice, null);
    }

    /** The same finding standing for a retrain reason. */
    public Finding because(RetrainReason reason) {
        return new Finding(check, column, status, value, threshold, message, reason, advice, kind, judged, unfitData);
    }

    /** The same finding with what to do about it. */
    public Finding advising(String what) {
        return new Finding(check, column, status, value, threshold, message, retrainReason, what, kind, judged, unfitData);
    }

    /** The same finding as the judgement of a column statistic (its key in {@code ColumnComparison.statistics}). */
    public Finding judging(String statistic) {
        return new Finding(check, column, status, value, threshold, message, retrainReason, advice, kind, statistic, unfitData);
    }

    /** The same finding as evidence of a kind of drift (when it is not OK). */
    public Finding showing(DriftKind what) {
        return new Finding(check, column, status, value, threshold, message, retrainReason, advice, what, judged, unfitData);
    }

    /** The same finding saying that, when it fails, tonight's data is not fit to retrain on. */
    public Finding unfit() {
        return new Finding(check, column, status, value, threshold, message, retrainReason, advice, kind, judged, true);
    }

    /** Whether this finding fails and says the data is not fit to retrain on. */
    public boolean blocksRetrain() {
        return unfitData && status.compareTo(Status.FAIL) >= 0;
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
