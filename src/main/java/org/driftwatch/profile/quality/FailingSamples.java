package org.driftwatch.profile.quality;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;
import org.driftwatch.data.SchemaColumns;
import org.driftwatch.profile.scan.PartitionFold;

/**
 * The exact samples of the value constraints whose failing values were too many for a scan to keep
 * ({@link FailingValues}: a million numbers, ten thousand texts): one aggregation for every
 * such constraint on every side together — their failing values only, counted per distinct text — and one
 * fold over the counts that keeps each constraint's most frequent, ties by text.
 */
public final class FailingSamples {
    private FailingSamples() {
    }

    /** One side's data and its constraints whose samples the scan could not keep. */
    public record Side(Dataset<Row> data, List<QualityPlan.Entry> overflowed) {
    }

    /** Per side (in the order given), the samples of each overflowed constraint, by name. */
    public static List<Map<String, List<Object>>> of(List<Side> sides) {
        List<Map<String, List<Object>>> out = new ArrayList<>();
        Dataset<Row> values = null;
        List<int[]> limits = new ArrayList<>();
        for (int s = 0; s < sides.size(); s++) {
            Side side = sides.get(s);
            out.add(new HashMap<>());
            int[] k = new int[side.overflowed().size()];
            for (int i = 0; i < k.length; i++) {
                k[i] = side.overflowed().get(i).rule().samples();
                out.get(s).put(side.overflowed().get(i).rule().name(), new ArrayList<>());
            }
            limits.add(k);
            if (k.length == 0) {
                continue;
            }
            List<Column> tagged = new ArrayList<>();
            for (int i = 0; i < k.length; i++) {
                QualityPlan.Entry e = side.overflowed().get(i);
                Column value = SchemaColumns.named(e.rule().column());
                tagged.add(functions.struct(functions.lit(i).as("k"),
                    functions.when(value.isNotNull().and(fails(e.test(), value)), KeyedQuality.text(side.data(), e.rule().column())).as("v")));
            }
            Dataset<Row> sideValues = side.data().select(functions.explode(functions.array(tagged.toArray(Column[]::new))).as("e"))
                .select(functions.lit(s).as("s"), functions.col("e.k").as("k"), functions.col("e.v").as("v"))
                .where(functions.col("v").isNotNull());
            values = values == null ? sideValues : values.unionByName(sideValues);
        }
        if (values == null) {
            return out;
        }
        Dataset<Row> counts = values.groupBy("s", "k", "v").agg(functions.count(functions.lit(1)).as("cnt"));
        int[][] wanted = limits.toArray(int[][]::new);
        Top top = PartitionFold.fold(counts, () -> new Top(wanted), Top::add, Top::merge);
        top.queues.forEach((key, queue) -> {
            List<Counted> ordered = new ArrayList<>(queue);
            ordered.sort(null);
            QualityPlan.Entry e = sides.get(key.get(0)).overflowed().get(key.get(1));
            ordered.forEach(c -> out.get(key.get(0)).get(e.rule().name()).add(QualityResults.typed(c.text.toString(), e.type())));
        });
        return out;
    }

    /** A failing value's text and count, ordered most frequent first, then by text (code points). */
    record Counted(UTF8String text, long count) implements Comparable<Counted>, Serializable {
        @Override
        public int compareTo(Counted o) {
            return count != o.count ? Long.compare(o.count, count) : text.compareTo(o.text);
        }
    }

    /** Per side and constraint, the best {@code samples} counted values seen so far (the worst at the head). */
    static final class Top implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int[][] wanted;
        final Map<List<Integer>, PriorityQueue<Counted>> queues = new HashMap<>();

        Top(int[][] wanted) {
            this.wanted = wanted;
        }

        void add(InternalRow row) {
            offer(row.getInt(0), row.getInt(1), new Counted(row.getUTF8String(2).clone(), row.getLong(3)));
        }

        private void offer(int s, int k, Counted c) {
            int limit = wanted[s][k];
            if (limit == 0) {
                return;
            }
            PriorityQueue<Counted> q = queues.computeIfAbsent(List.of(s, k), x -> new PriorityQueue<>(java.util.Comparator.reverseOrder()));
            if (q.size() < limit) {
                q.add(c);
            } else if (c.compareTo(q.peek()) < 0) {
                q.poll();
                q.add(c);
            }
        }

        Top merge(Top o) {
            o.queues.forEach((key, q) -> q.forEach(c -> offer(key.get(0), key.get(1), c)));
            return this;
        }
    }

    /** Whether a row's value fails the test, as a Spark column: the test's own expression, else the test in a UDF. */
    static Column fails(ValueTest test, Column value) {
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

    /** Whether a row's value fails a value rule, as a Spark column. */
    public static Column fails(ValueRule rule, Column value) {
        return fails(rule.test(), value);
    }
}
