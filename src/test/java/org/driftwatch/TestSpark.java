package org.driftwatch;

import org.apache.spark.sql.SparkSession;

/** One local Spark session for the whole test JVM (the CLI borrows it instead of starting its own). */
public final class TestSpark {
    private static SparkSession spark;

    private TestSpark() {
    }

    public static synchronized SparkSession session() {
        if (spark == null) {
            SparkSession.Builder b = SparkSession.builder().master("local[2]").appName("driftwatch-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.session.timeZone", "UTC")
                // Delta rebuilds a table's state after each commit in this many tasks (50 by default): the local runs' 8, as for shuffles
                .config("spark.databricks.delta.snapshotPartitions", "4");
            // Delta and Iceberg are on the test classpath: the session is configured as a run's would be
            org.driftwatch.cli.SparkSessions.lakehouse(new java.util.Properties()).forEach(b::config);
            spark = b.getOrCreate();
            spark.sparkContext().setLogLevel("ERROR");
            SparkSession.setDefaultSession(spark);
        }
        return spark;
    }
}
