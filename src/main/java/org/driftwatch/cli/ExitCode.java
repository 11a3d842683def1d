package org.driftwatch.cli;

/** Exit codes (DESIGN.md §6). */
public final class ExitCode {
    /** The job ran, whatever it found. */
    public static final int OK = 0;
    /** Something unexpected: a bug or an environment failure. */
    public static final int UNEXPECTED = 1;
    /** Bad command line or rule file. */
    public static final int BAD_RULES = 2;
    /** Input data missing, unreadable, empty or of the wrong type. */
    public static final int BAD_DATA = 3;
    /** The job ran and wrote its reports but an action (alert, trigger) failed. */
    public static final int ACTION_FAILED = 4;
    /** The job ran and its verdict met {@code --fail-on} (drift: retrain; warn: retrain or alert). */
    public static final int FAIL_ON = 5;
    /**
     * The job ran and wrote its reports (and acted) but tonight's rows did not reach the metrics history
     * (report.json's {@code history.write_error} says why); an action failure (4) is said first.
     */
    public static final int HISTORY_NOT_WRITTEN = 6;

    private ExitCode() {
    }
}
