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

    /** Delta Lake's session extension: on the classpath (bin/driftwatch --lakehouse, --packages), Delta tables work by name too. */
    static final String DELTA_EXTENSION = "io.delta.sql.DeltaSparkSessionExtension";
    static final String DELTA_CATALOG = "org.apache.spark.sql.delta.catalog.DeltaCatalog";
    static final String ICEBERG_EXTENSION = "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions";

    /**
     * The settings a session needs for the lakehouse formats whose classes are on the classpath, unless the
     * submitter set them ({@code given}: spark-submit's --conf arrive as system properties): Delta's extension
     * and its catalog as the session catalog (so {@code CREATE TABLE ... USING delta} and Delta tables by name
     * work), Iceberg's extension (its procedures and DDL). Iceberg catalogs themselves are named by the rule
     * file's {@code spark_conf} or --conf. Nothing when neither format is present.
     */
    public static java.util.Map<String, String> lakehouse(java.util.Properties given) {
        java.util.Map<String, String> conf = new java.util.LinkedHashMap<>();
        java.util.List<String> extensions = new java.util.ArrayList<>();
        if (org.driftwatch.data.Lakehouse.present(DELTA_EXTENSION)) {
            extensions.add(DELTA_EXTENSION);
            if (given.getProperty("spark.sql.catalog.spark_catalog") == null) {
                conf.put("spark.sql.catalog.spark_catalog", DELTA_CATALOG);
            }
        }
        if (org.driftwatch.data.Lakehouse.present(ICEBERG_EXTENSION)) {
            extensions.add(ICEBERG_EXTENSION);
        }
        if (!extensions.isEmpty() && given.getProperty("spark.sql.extensions") == null) {
            conf.put("spark.sql.extensions", String.join(",", extensions));
        }
        return conf;
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
                // Delta rebuilds a table's state after each commit in 50 tasks by default: on one machine, as many as shuffles
                .config("spark.databricks.delta.snapshotPartitions", "8")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1");
        }
        if (System.getProperty("spark.sql.session.timeZone") == null) {
            b.config("spark.sql.session.timeZone", "UTC");
        }
        lakehouse(System.getProperties()).forEach(b::config);
        SparkSession spark = b.getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        return new Lease(spark, true);
    }
}
