package org.driftwatch.data;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.CharType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.sql.types.VarcharType;

/**
 * Labels that arrive days after the predictions, joined to the current predictions by key (a left join:
 * every prediction stays, labelled or not). A key repeated with the same label counts once; a key with
 * conflicting labels is left out; labels whose key matches no prediction are ignored. All three are
 * counted, in one aggregation over the labels grouped by key.
 */
public final class DelayedLabels {
    private DelayedLabels() {
    }

    /**
     * @param labelRows          label rows with a key and a label
     * @param unmatchedLabelRows of those, rows whose key matches no current prediction
     * @param duplicateLabelRows rows repeating a (key, label) pair already seen
     * @param conflictingIds     keys that carry more than one distinct label (left out)
     * @param nullKeyLabelRows   rows with a label but no key: they can label no prediction (not in {@code labelRows})
     */
    public record Counts(long labelRows, long unmatchedLabelRows, long duplicateLabelRows, long conflictingIds, long nullKeyLabelRows) {
    }

    public record Joined(Dataset<Row> current, Counts counts) {
    }

    public static Joined join(Dataset<Row> current, Dataset<Row> labels, String labelsSource, String key, String label) {
        if (!SchemaColumns.has(labels, key)) {
            throw new DataException("labels data " + labelsSource + " has no key column '" + key + "' (model.labels.key)"
                + "; its columns: " + String.join(", ", labels.columns()));
        }
        if (!SchemaColumns.has(labels, label)) {
            throw new DataException("labels data " + labelsSource + " has no label column '" + label + "' (columns.label)"
                + "; its columns: " + String.join(", ", labels.columns()));
        }
        if (!SchemaColumns.has(current, key)) {
            throw new DataException("the current data has no column '" + key + "' to join the delayed labels on (model.labels.key)"
                + "; its columns: " + String.join(", ", current.columns()));
        }
        checkKeyTypes(current, labels, labelsSource, key);
        // grouped with the null key kept: its group counts the label rows that can label nothing
        Dataset<Row> perKey = labels.where(SchemaColumns.named(label).isNotNull())
            .select(SchemaColumns.named(key).as("__key"), SchemaColumns.named(label).as("__label"))
            .groupBy("__key").agg(count(lit(1)).as("__rows"), countDistinct("__label").as("__distinct"), first("__label").as("__label"));
        Dataset<Row> predicted = current.select(SchemaColumns.named(key).as("__key")).where(col("__key").isNotNull()).distinct()
            .withColumn("__matched", lit(true));
        org.apache.spark.sql.Column keyed = perKey.col("__key").isNotNull();
        Row r = perKey.join(predicted, perKey.col("__key").equalTo(predicted.col("__key")), "left")
            .agg(sum(when(keyed, col("__rows"))), sum(when(keyed.and(col("__matched").isNull()), col("__rows"))),
                sum(when(keyed, col("__rows").minus(col("__distinct")))), count(when(keyed.and(col("__distinct").gt(1)), 1)),
                sum(when(perKey.col("__key").isNull(), col("__rows"))))
            .first();
        Counts counts = new Counts(longAt(r, 0), longAt(r, 1), longAt(r, 2), longAt(r, 3), longAt(r, 4));
        Dataset<Row> usable = perKey.where(col("__key").isNotNull().and(col("__distinct").equalTo(1))).select(col("__key"), col("__label").as(label));
        Dataset<Row> withoutLabel = Arrays.asList(current.columns()).contains(label) ? current.drop(label) : current;
        Dataset<Row> joined = withoutLabel.join(usable, withoutLabel.col(SchemaColumns.quoted(key)).equalTo(usable.col("__key")), "left")
            .drop("__key");
        return new Joined(joined, counts);
    }

    /**
     * The keys are compared as they are: both numbers (of any width), both text, or both dates and times.
     * Anything else (text ids against a bigint key) would fail deep in Spark's cast, or match nothing.
     */
    private static void checkKeyTypes(Dataset<Row> current, Dataset<Row> labels, String labelsSource, String key) {
        DataType ours = labels.select(SchemaColumns.named(key)).schema().fields()[0].dataType();
        DataType theirs = current.select(SchemaColumns.named(key)).schema().fields()[0].dataType();
        if (!family(ours).equals(family(theirs))) {
            throw new DataException("labels data " + labelsSource + ": key column '" + key + "' (model.labels.key) is "
                + ours.simpleString() + " there but " + theirs.simpleString() + " in the current data; the keys must both be numbers,"
                + " both text or both dates: cast one side when writing it");
        }
    }

    private static String family(DataType type) {
        if (type instanceof NumericType) {
            return "number";
        }
        if (type instanceof StringType || type instanceof VarcharType || type instanceof CharType) {
            return "text";
        }
        if (type instanceof DateType || type instanceof TimestampType || type instanceof TimestampNTZType) {
            return "date";
        }
        return type.simpleString();
    }

    private static long longAt(Row r, int i) {
        return r.isNullAt(i) ? 0 : r.getLong(i);
    }
}
