package org.driftwatch.data;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StringType;

/**
 * Numbers that a text format left as text: a column listed under {@code columns.numerical} that CSV
 * schema inference typed as string — because it holds the spellings pandas and others write for
 * non-finite values ({@code nan}, {@code inf}, {@code -inf}, {@code Infinity}, in any case), or because
 * every value is empty — is read as double. NaN and ±∞ are then counted apart as for any number, an
 * all-empty column has no values. A value that is no number at all stops the run, naming the column and
 * the value (checked as the scan reads it, no extra pass).
 */
public final class NumericText {
    private static final java.util.regex.Pattern MESSAGE =
        java.util.regex.Pattern.compile("((reference|current) column '.*?' in .*? holds '.*?', which is not a number: list it under columns\\.categorical, or fix the data)");

    private NumericText() {
    }

    public static Dataset<Row> numbers(Dataset<Row> data, List<String> numerical, String side, String source) {
        Dataset<Row> out = data;
        for (String name : numerical) {
            if (SchemaColumns.has(out, name) && out.schema().apply(name).dataType() instanceof StringType) {
                out = out.withColumn(name, parse(SchemaColumns.named(name), side + " column '" + name + "' in " + source));
            }
        }
        return out;
    }

    static Column parse(Column text, String where) {
        Column t = lower(trim(text));
        Column number = t.try_cast("double");
        return when(text.isNull().or(t.equalTo("")), lit(null).cast("double"))
            .when(t.isin("nan", "+nan", "-nan"), lit(Double.NaN))
            .when(t.isin("inf", "+inf", "infinity", "+infinity"), lit(Double.POSITIVE_INFINITY))
            .when(t.isin("-inf", "-infinity"), lit(Double.NEGATIVE_INFINITY))
            .when(number.isNotNull(), number)
            .otherwise(raise_error(concat(lit(where + " holds '"), text, lit("', which is not a number: list it under columns.categorical, or fix the data"))).cast("double"));
    }

    /** This check's message when {@code e} (or a cause) carries it, else null. */
    public static String messageIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            java.util.regex.Matcher m = MESSAGE.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }
}
