package org.driftwatch.cli;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a run. Under spark-submit the master and settings come from it; started any
 * other way (bin/driftwatch, tests) driftwatch runs embedded on {@code local[*]}.
 */
public final class SparkSessions {
    private SparkSessions() {
    }

    public static boolean submitted() {
        return System.getProperty("spark.master") != null;
    }

    public static SparkSession create(String appName) {
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
        return spark;
    }
}
