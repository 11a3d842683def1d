package org.driftwatch.actions;

import java.io.IOException;

/**
 * The current rows that fail a data-quality constraint, as the run can write them: what
 * {@code actions.quarantine} keeps. Given by the run that read the data (null when it has no constraints).
 */
public interface FailingRows {
    /** Writes the failing rows (at most {@code maxRows}) to {@code path} replacing what is there; the rows written. */
    long write(String path, String format, long maxRows) throws IOException;

    /** Removes what an earlier run kept at {@code path} (tonight no row fails). */
    void clear(String path) throws IOException;
}
