package org.driftwatch.profile.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.unsafe.types.UTF8String;
import org.driftwatch.data.SchemaColumns;
import org.driftwatch.profile.model.QualityMeasure;

/**
 * The fallback for the constraints that need every value's count when the scans cannot hold what they
 * need ({@link QualityMeasurement}): exists_in against a referenced column with too many values, unique
 * with too many candidates. All such constraints of a side in one aggregation: the side's values (as text,
 * tagged with the constraint) counted per distinct value in one shuffle, the referenced columns (read
 * once) marking the values they hold, two small collects over the persisted counts for each constraint's
 * counts and its failing values, most frequent first. Failing values come back in full when few (at most
 * {@link #MEMBER_LIMIT} per constraint), so the rows failing any constraint can be recounted; else only the
 * samples.
 */
public final class KeyedQuality {
    /** Failing values of one constraint and side at most handed to the scans to check rows against. */
    public static final int MEMBER_LIMIT = 50_000;

    private KeyedQuality() {
    }

    /** Per side: each keyed constraint's measure (rows unset: 0) and, when few, its failing values. */
    public record Side(Map<String, QualityMeasure> measures, Map<String, Set<UTF8String>> failing) {
        public static final Side NONE = new Side(Map.of(), Map.of());
    }

    public record Result(Side reference, Side current) {
    }

    /**
     * @param reference the raw reference, or null (a saved profile holds its measures)
     * @param tables    per exists_in constraint, the table it refers to (already opened)
     */
    public static Result measure(List<QualityRule> rules, Dataset<Row> reference, Dataset<Row> current, Map<String, Dataset<Row>> tables) {
        List<QualityRule> keyed = rules.stream().filter(r -> r instanceof UniqueRule || r instanceof ExistsInRule).toList();
        if (keyed.isEmpty()) {
            return new Result(Side.NONE, Side.NONE);
        }
        Map<String, QualityMeasure> refErrors = new LinkedHashMap<>();
        Map<String, QualityMeasure> curErrors = new LinkedHashMap<>();
        Dataset<Row> values = null;
        for (int side = 0; side < 2; side++) {
            Dataset<Row> data = side == 0 ? reference : current;
            if (data == null) {
                continue;
            }
            List<Column> tagged = new ArrayList<>();
            for (int k = 0; k < keyed.size(); k++) {
                QualityRule r = keyed.get(k);
                if (!SchemaColumns.has(data, r.column())) {
                    (side == 0 ? refErrors : curErrors).put(r.name(), QualityMeasure.unmeasurable(r.kind(), r.column(), 0,
                        "column '" + r.column() + "' is not in the " + (side == 0 ? "reference" : "current") + " data"));
                    continue;
                }
                tagged.add(functions.struct(functions.lit(k).as("k"), text(data, r.column()).as("v")));
            }
            if (tagged.isEmpty()) {
                continue;
            }
            Dataset<Row> sideValues = data.select(functions.explode(functions.array(tagged.toArray(Column[]::new))).as("e"))
                .select(functions.lit(side).as("s"), functions.col("e.k").as("k"), functions.col("e.v").as("v"))
                .where(functions.col("v").isNotNull());
            values = values == null ? sideValues : values.unionByName(sideValues);
        }
        if (values == null) {
            return new Result(new Side(refErrors, Map.of()), new Side(curErrors, Map.of()));
        }
        Dataset<Row> counts = values.groupBy("s", "k", "v").agg(functions.count(functions.lit(1)).as("cnt"));
        List<Integer> uniqueKeys = new ArrayList<>();
        Dataset<Row> present = null;
        for (int k = 0; k < keyed.size(); k++) {
            if (keyed.get(k) instanceof ExistsInRule e) {
                Dataset<Row> table = tables.get(e.name());
                Dataset<Row> held = table.select(functions.lit(k).as("k"), text(table, e.tableColumn()).as("v"))
                    .where(functions.col("v").isNotNull()).distinct();
                present = present == null ? held : present.unionByName(held);
            } else {
                uniqueKeys.add(k);
            }
        }
        Column fails;
        if (present != null) {
            counts = counts.join(present.withColumn("found", functions.lit(true)), scala.jdk.javaapi.CollectionConverters.asScala(List.of("k", "v")).toSeq(),
                "left");
            fails = functions.when(functions.col("k").isin(uniqueKeys.toArray()), functions.col("cnt").geq(2))
                .otherwise(functions.col("found").isNull());
        } else {
            fails = functions.col("cnt").geq(2);
        }
        counts = counts.withColumn("fails", fails).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return collect(keyed, counts, refErrors, curErrors);
        } finally {
            counts.unpersist();
        }
    }

    private static Result collect(List<QualityRule> keyed, Dataset<Row> counts, Map<String, QualityMeasure> refErrors,
                                  Map<String, QualityMeasure> curErrors) {
        Column cnt = functions.col("cnt");
        Column failing = functions.col("fails");
        List<Row> stats = counts.groupBy("s", "k").agg(
            functions.sum(cnt).as("checked"),
            functions.count(functions.lit(1)).as("distinct"),
            functions.sum(functions.when(cnt.geq(2), 1).otherwise(0)).as("dup"),
            functions.sum(functions.when(failing, cnt).otherwise(0)).as("failed"),
            functions.sum(functions.when(failing, 1).otherwise(0)).as("failing_distinct")).collectAsList();
        Map<List<Integer>, Row> bySideKey = new HashMap<>();
        Map<Integer, Map<Integer, Long>> keep = new HashMap<>();
        for (Row r : stats) {
            int s = r.getInt(0);
            int k = r.getInt(1);
            bySideKey.put(List.of(s, k), r);
            long distinctFailing = r.getLong(6);
            keep.computeIfAbsent(s, x -> new HashMap<>()).put(k, distinctFailing <= MEMBER_LIMIT ? distinctFailing
                : (long) keyed.get(k).samples());
        }
        Column limit = functions.lit(0L);
        for (Map.Entry<Integer, Map<Integer, Long>> side : keep.entrySet()) {
            for (Map.Entry<Integer, Long> e : side.getValue().entrySet()) {
                limit = functions.when(functions.col("s").equalTo(side.getKey()).and(functions.col("k").equalTo(e.getKey())), e.getValue())
                    .otherwise(limit);
            }
        }
        List<Row> failingRows = counts.where(failing)
            .withColumn("rn", functions.row_number().over(Window.partitionBy("s", "k").orderBy(cnt.desc(), functions.col("v").asc())))
            .where(functions.col("rn").leq(limit))
            .select("s", "k", "v", "rn").collectAsList();
        Map<List<Integer>, List<String>> ordered = new HashMap<>();
        for (Row r : failingRows.stream().sorted(java.util.Comparator.comparingInt((Row r) -> r.getInt(0))
            .thenComparingInt(r -> r.getInt(1)).thenComparingInt(r -> r.getInt(3))).toList()) {
            ordered.computeIfAbsent(List.of(r.getInt(0), r.getInt(1)), x -> new ArrayList<>()).add(r.getString(2));
        }
        return new Result(side(0, keyed, bySideKey, ordered, refErrors), side(1, keyed, bySideKey, ordered, curErrors));
    }

    private static Side side(int s, List<QualityRule> keyed, Map<List<Integer>, Row> stats, Map<List<Integer>, List<String>> ordered,
                             Map<String, QualityMeasure> errors) {
        Map<String, QualityMeasure> measures = new LinkedHashMap<>(errors);
        Map<String, Set<UTF8String>> failing = new HashMap<>();
        for (int k = 0; k < keyed.size(); k++) {
            QualityRule rule = keyed.get(k);
            if (measures.containsKey(rule.name())) {
                continue;
            }
            Row r = stats.get(List.of(s, k));
            List<String> values = ordered.getOrDefault(List.of(s, k), List.of());
            long failed = r == null ? 0 : r.getLong(5);
            long failingDistinct = r == null ? 0 : r.getLong(6);
            boolean unique = rule instanceof UniqueRule;
            measures.put(rule.name(), new QualityMeasure(rule.kind(), rule.column(), 0, r == null ? 0 : r.getLong(2), failed,
                unique ? (r == null ? 0L : r.getLong(3)) : null, unique ? (r == null ? 0L : r.getLong(4)) : null, null,
                new ArrayList<>(values.subList(0, Math.min(values.size(), rule.samples()))), null));
            if (failingDistinct <= MEMBER_LIMIT) {
                Set<UTF8String> set = new HashSet<>();
                values.forEach(v -> set.add(UTF8String.fromString(v)));
                failing.put(rule.name(), set);
            }
        }
        return new Side(measures, failing);
    }

    /** The column as text, as Spark's cast spells it. */
    static Column text(Dataset<Row> data, String column) {
        DataType t = QualityPlan.typeOf(data, column);
        Column named = SchemaColumns.named(column);
        return t instanceof StringType ? named : named.cast("string");
    }
}
