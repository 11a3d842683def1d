package org.driftwatch.profile.scan;

import java.util.function.Supplier;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;

/**
 * How many rows the vectorised Parquet and ORC readers put in one column batch for a fold. Spark's
 * default (4,096) suits a row-by-row consumer; a fold works through each column's values against tables
 * of up to a few MB per column (cell and slot tables, finishing parts), and a batch of 4,096 values
 * reloads those tables from the shared cache for every few values. So a fold asks for about
 * {@link #VALUES} values per batch over all the columns it reads (~32 MB of doubles per task) — at 10M
 * rows this halved the finishing scans and cut the current scan by a quarter. A size the user set for
 * the session is kept. The readers take the size when the scan's input is built on the driver, so it is
 * set just for that and put back.
 */
final class ReaderBatch {
    static final String PARQUET = "spark.sql.parquet.columnarReaderBatchSize";
    static final String ORC = "spark.sql.orc.columnarReaderBatchSize";
    static final int MIN_ROWS = 4096;
    static final int MAX_ROWS = 1 << 18;
    static final int VALUES = 1 << 22;

    private ReaderBatch() {
    }

    /** Rows per batch for a scan reading {@code columns} columns. */
    static int rowsFor(int columns) {
        return Math.max(MIN_ROWS, Math.min(MAX_ROWS, VALUES / Math.max(1, columns)));
    }

    /** Builds the scan's input ({@code build}) with readers batching {@link #rowsFor} rows, unless the session says otherwise. */
    static <T> T rows(SparkSession spark, int columns, Supplier<T> build) {
        RuntimeConfig conf = spark.conf();
        boolean parquet = !conf.contains(PARQUET);
        boolean orc = !conf.contains(ORC);
        String rows = Integer.toString(rowsFor(columns));
        try {
            if (parquet) {
                conf.set(PARQUET, rows);
            }
            if (orc) {
                conf.set(ORC, rows);
            }
            return build.get();
        } finally {
            if (parquet) {
                conf.unset(PARQUET);
            }
            if (orc) {
                conf.unset(ORC);
            }
        }
    }
}
