package org.driftwatch.history;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which failures of a history-table write are a lost race with another writer, retried, and which are the run's failure. */
class TableStoreTest {
    @Test
    void aLostRaceIsRetriedAndAnythingElseIsNot() {
        assertTrue(TableStore.conflict(new RuntimeException("wrapped", new RuntimeException(
            "[DELTA_CREATE_TABLE_WITH_NON_EMPTY_LOCATION] Cannot create table ('`db`.`h`'). The associated location is not empty"))),
            "two monitors creating the Delta table at once");
        assertTrue(TableStore.conflict(new ConcurrentAppendException("Files were added to partition [monitor=a]")));
        assertTrue(TableStore.conflict(new IllegalStateException("concurrent commit: 0 of 40 rows of 2026-11-02 found after the write")));
        assertFalse(TableStore.conflict(new RuntimeException("[TABLE_OR_VIEW_NOT_FOUND] The table or view `nodb`.`h` cannot be found")));
        assertFalse(TableStore.conflict(new java.io.UncheckedIOException(new java.io.IOException("No space left on device"))));
    }

    /** Named as Delta's is: the class name is what the retry reads. */
    private static final class ConcurrentAppendException extends RuntimeException {
        ConcurrentAppendException(String m) {
            super(m);
        }
    }
}
