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

    /**
     * Fails, in one line naming the rule file's key, when the rules need a format or catalog class that is not
     * on the classpath: a {@code format: delta} input, {@code history.format: delta}, a {@code spark_conf}
     * catalog class. Run before Spark starts ({@code validate}) and before a run reads anything.
     */
    public static void requireFor(org.driftwatch.rules.RuleSet rules) {
        for (var side : java.util.List.of(java.util.Map.entry("reference", rules.reference()), java.util.Map.entry("current", rules.current()))) {
            if ("delta".equals(side.getValue().format()) && !delta()) {
                throw new DataException(rules.file() + ": " + side.getKey() + ".format delta: " + missing("Delta Lake", DELTA_PACKAGE));
            }
        }
        if ("delta".equals(rules.history().format()) && !delta()) {
            throw new DataException(rules.file() + ": history.format delta: " + missing("Delta Lake", DELTA_PACKAGE));
        }
        rules.sparkConf().forEach((key, value) -> {
            // spark.sql.catalog.NAME names the catalog's class: missing, Spark would only say so at the first read
            if (key.indexOf('.', org.driftwatch.rules.RuleSet.SPARK_CONF_PREFIX.length()) < 0 && !present(value)) {
                throw new DataException(rules.file() + ": spark_conf." + key + ": " + missing("class " + value,
                    value.startsWith("org.apache.iceberg") ? ICEBERG_PACKAGE : "its package"));
            }
        });
    }

    /** What to do when a format's classes are missing: "... needs Delta Lake: run bin/driftwatch --lakehouse, or ...". */
    public static String missing(String what, String pkg) {
        return what + " is not on the classpath: run bin/driftwatch --lakehouse ..., or give spark-submit --packages " + pkg;
    }
}
