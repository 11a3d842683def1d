package org.driftwatch.data;

/**
 * Delta Lake and Apache Iceberg, optional at run time: not in driftwatch's jar, added by
 * {@code bin/driftwatch --lakehouse} or spark-submit's {@code --packages}. Says whether they are there,
 * and how to add them when a rule file needs them and they are not.
 */
public final class Lakehouse {
    private Lakehouse() {
    }

    /** The packages this build is tested with (pom.xml's delta.version and iceberg.version). */
    public static final String DELTA_PACKAGE = "io.delta:delta-spark_4.1_2.13:4.4.0";
    public static final String ICEBERG_PACKAGE = "org.apache.iceberg:iceberg-spark-runtime-4.1_2.13:1.12.0";
    static final String DELTA_CLASS = "io.delta.sql.DeltaSparkSessionExtension";

    /** Whether a class can be loaded, without initialising it. */
    public static boolean present(String className) {
        try {
            Class.forName(className, false, Lakehouse.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    public static boolean delta() {
        return present(DELTA_CLASS);
    }

    /** What to do when a format's classes are missing: "... needs Delta Lake: run bin/driftwatch --lakehouse, or ...". */
    public static String missing(String what, String pkg) {
        return what + " is not on the classpath: run bin/driftwatch --lakehouse ..., or give spark-submit --packages " + pkg;
    }
}
