package org.driftwatch.profile.quality;

import java.io.Serializable;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Whether one non-null value fails a constraint: a pure predicate on the value as a number or as its
 * text (Spark's cast to string). A new value constraint is one implementation; the scans evaluate it on
 * both paths, once per dictionary entry on the column-batch path.
 */
public interface ValueTest extends Serializable {
    /** How the test reads the column. */
    enum Reads { NUMBER, TEXT }

    Reads reads();

    /** The constraint's key in the rule file. */
    String kind();

    /** For {@link Reads#NUMBER}: whether the value fails (NaN and ±∞ included). */
    default boolean failsNumber(double value) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " reads text");
    }

    /**
     * The same test as a Spark column over the value (as a number or as text), for aggregations over failing
     * values; null when only the Java test can say (it then runs in a UDF).
     */
    default org.apache.spark.sql.Column failing(org.apache.spark.sql.Column value) {
        return null;
    }

    /** For {@link Reads#TEXT}: whether the value's text fails. */
    default boolean failsText(UTF8String text) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " reads numbers");
    }
}
