package org.driftwatch.cli;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a run. Under spark-submit the master and settings come from it; started any
 * other way (bin/driftwatch, tests) driftwatch runs embedded on {@code local[*]}. A session that
 * already exists in the JVM (a notebook, a test) is borrowed and left running.
 */
public final class SparkSessions {
    private SparkSessions() {
    }

    /** A session and whether this run owns it (and so stops it). */
    public record Lease(SparkSession spark, boolean owned) implements AutoCloseable {
        @Override
        public void close() {
            if (owned && !submitted()) {
                spark.stop();
            }
        }
    }

    public static boolean submitted() {
        return System.getProperty("spark.master") != null;
    }

    public static Lease acquire(String appName) {
        var existing = SparkSession.getDefaultSession();
        if (existing.isDefined()) {
            return new Lease(existing.get(), false);
        }
        SparkSession.Builder b = SparkSession.builder().appName(appName);
        if (!submitted()) {
            b.master(System.getenv().getOrDefault("DRIFTWATCH_SPARK_MASTER", "local[*]"))
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "8")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1");
        }
        if (System.getProperty("spark.sql.session.timeZone") == null) {
            b.config("spark.sql.session.timeZone", "UTC");
        }
        SparkSession spark = b.getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        return new Lease(spark, true);
    }
}
