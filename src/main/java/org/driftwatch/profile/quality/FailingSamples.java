package org.driftwatch.profile.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;
import org.driftwatch.data.SchemaColumns;

/**
 * The exact samples of the value constraints whose failing values were too many for the scan to keep
 * ({@link FailingValues#LIMIT}; a range on a continuous column usually is): one aggregation for all of
 * them, of their failing values only, counted per distinct text and ranked per constraint, most frequent
 * first, ties by text.
 */
public final class FailingSamples implements QualityResults.Overflow {
    private final Dataset<Row> data;

    public FailingSamples(Dataset<Row> data) {
        this.data = data;
    }

    @Override
    public Map<String, List<Object>> samples(List<QualityPlan.Entry> overflowed) {
        List<Column> tagged = new ArrayList<>();
        for (int k = 0; k < overflowed.size(); k++) {
            QualityRule rule = overflowed.get(k).rule();
            Column value = SchemaColumns.named(rule.column());
            tagged.add(functions.struct(functions.lit(k).as("k"),
                functions.when(value.isNotNull().and(fails(overflowed.get(k).test(), value)), KeyedQuality.text(data, rule.column())).as("v")));
        }
        Column rank = functions.row_number().over(Window.partitionBy("k").orderBy(functions.col("cnt").desc(), functions.col("v").asc()));
        Column wanted = functions.lit(0);
        for (int k = 0; k < overflowed.size(); k++) {
            wanted = functions.when(functions.col("k").equalTo(k), overflowed.get(k).rule().samples()).otherwise(wanted);
        }
        List<Row> top = data.select(functions.explode(functions.array(tagged.toArray(Column[]::new))).as("e"))
            .select(functions.col("e.k").as("k"), functions.col("e.v").as("v")).where(functions.col("v").isNotNull())
            .groupBy("k", "v").agg(functions.count(functions.lit(1)).as("cnt"))
            .withColumn("rn", rank).where(functions.col("rn").leq(wanted)).collectAsList();
        Map<String, List<Object>> out = new HashMap<>();
        overflowed.forEach(e -> out.put(e.rule().name(), new ArrayList<>()));
        top.stream().sorted(Comparator.comparingInt((Row r) -> r.getInt(0)).thenComparingInt(r -> r.getInt(3))).forEach(r -> {
            QualityPlan.Entry e = overflowed.get(r.getInt(0));
            out.get(e.rule().name()).add(QualityResults.typed(r.getString(1), e.type()));
        });
        return out;
    }

    /** Whether a row's value fails the rule, as a Spark column: the test's own expression, else the test in a UDF. */
    static Column fails(ValueTest test, Column value) {
        return fails(new ValueRule("", "", 0, test), value);
    }

    /** Whether a row's value fails the rule, as a Spark column: the test's own expression, else the test in a UDF. */
    public static Column fails(ValueRule rule, Column value) {
        ValueTest test = rule.test();
        Column expression = test.failing(value);
        if (expression != null) {
            return expression;
        }
        if (test.reads() == ValueTest.Reads.NUMBER) {
            UDF1<Double, Boolean> f = v -> v != null && test.failsNumber(v);
            return functions.udf(f, DataTypes.BooleanType).apply(value.cast("double"));
        }
        UDF1<String, Boolean> f = v -> v != null && test.failsText(UTF8String.fromString(v));
        return functions.udf(f, DataTypes.BooleanType).apply(value.cast("string"));
    }
}
