package org.driftwatch.profile;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Ids present in both datasets: distinct ids with their row counts on each side, full-outer-joined on
 * the id alone (only the id column is shuffled, never whole rows).
 */
final class LeakageAggregation {
    private static final int EXAMPLES = 10;

    private LeakageAggregation() {
    }

    static LeakageProfile compute(Dataset<Row> reference, Dataset<Row> current, String id) {
        boolean sameType = Columns.sameType(reference, current, id);
        Dataset<Row> ref = idCounts(reference, id, "rn", sameType);
        Dataset<Row> cur = idCounts(current, id, "cn", sameType);
        Dataset<Row> joined = ref.join(cur, ref.col("id").equalTo(cur.col("id")), "full_outer")
            .select(ref.col("id").as("rid"), col("rn"), col("cn"));
        Column inBoth = col("rn").isNotNull().and(col("cn").isNotNull());
        Row r = joined.agg(count(when(inBoth, lit(1))), sum(when(inBoth, col("cn"))), sum(when(inBoth, col("rn"))),
            count(col("rn")), count(col("cn"))).first();
        long overlap = r.getLong(0);
        List<String> examples = overlap == 0 ? List.of()
            : joined.where(inBoth).select(col("rid").cast("string")).orderBy("rid").limit(EXAMPLES).as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        return new LeakageProfile(id, overlap, r.isNullAt(1) ? 0 : r.getLong(1), r.isNullAt(2) ? 0 : r.getLong(2),
            r.getLong(3), r.getLong(4), examples);
    }

    /** Ids keep their type when both sides agree (cheaper to hash and shuffle), else compare as text. */
    private static Dataset<Row> idCounts(Dataset<Row> data, String id, String countName, boolean sameType) {
        Column value = sameType ? Columns.named(id) : Columns.named(id).cast("string");
        return data.select(value.as("id"))
            .where(col("id").isNotNull())
            .groupBy("id").agg(count(lit(1)).as(countName));
    }
}
