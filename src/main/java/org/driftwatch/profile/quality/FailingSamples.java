package org.driftwatch.profile.quality;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;
import org.driftwatch.data.SchemaColumns;

/**
 * The exact samples of a value constraint whose failing values were too many for the scan to keep
 * ({@link FailingValues#LIMIT}): one aggregation of that column's failing values, most frequent first,
 * ties by text. Rare — a constraint failing on more than ten thousand distinct values.
 */
public final class FailingSamples implements QualityResults.Overflow {
    private final Dataset<Row> data;

    public FailingSamples(Dataset<Row> data) {
        this.data = data;
    }

    @Override
    public List<Object> samples(ValueRule rule, DataType type) {
        Column fails = fails(rule, SchemaColumns.named(rule.column()));
        Column text = KeyedQuality.text(data, rule.column());
        List<Row> top = data.where(fails).groupBy(text.as("v")).agg(functions.count(functions.lit(1)).as("cnt"))
            .orderBy(functions.col("cnt").desc(), functions.col("v").asc()).limit(rule.samples()).collectAsList();
        List<Object> out = new ArrayList<>();
        top.forEach(r -> out.add(QualityResults.typed(r.getString(0), type)));
        return out;
    }

    /** Whether a row's value fails the rule, as a Spark column (the same {@link ValueTest}, in a UDF). */
    public static Column fails(ValueRule rule, Column value) {
        ValueTest test = rule.test();
        if (test.reads() == ValueTest.Reads.NUMBER) {
            UDF1<Double, Boolean> f = v -> v != null && test.failsNumber(v);
            return functions.udf(f, DataTypes.BooleanType).apply(value.cast("double"));
        }
        UDF1<String, Boolean> f = v -> v != null && test.failsText(UTF8String.fromString(v));
        return functions.udf(f, DataTypes.BooleanType).apply(value.cast("string"));
    }
}
