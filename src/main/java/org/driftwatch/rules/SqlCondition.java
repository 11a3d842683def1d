package org.driftwatch.rules;

import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;

/** A Spark SQL condition checked for syntax without data or a session, so a rule file's typo is found before any work. */
public final class SqlCondition {
    private SqlCondition() {
    }

    /** Null when Spark parses the expression; else Spark's message, one line. */
    public static String syntaxError(String expression) {
        try {
            CatalystSqlParser$.MODULE$.parseExpression(expression);
            return null;
        } catch (Exception e) {   // Spark's ParseException is checked in Java's eyes
            return firstLine(e.getMessage());
        }
    }

    public static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }
}
