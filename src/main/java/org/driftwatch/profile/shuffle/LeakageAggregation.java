package org.driftwatch.profile.shuffle;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.driftwatch.data.SchemaColumns;
import org.driftwatch.profile.model.LeakageProfile;

/**
 * Ids present in both datasets: the id column of both sides, tagged, grouped by id to its row count on
 * each side — one shuffle of the id column alone (partial aggregation first), never whole rows.
 */
public final class LeakageAggregation {
    private static final int EXAMPLES = 10;

    private LeakageAggregation() {
    }

    public static LeakageProfile compute(Dataset<Row> reference, Dataset<Row> current, String id) {
        boolean sameType = SchemaColumns.sameType(reference, current, id);
        Dataset<Row> perId = tagged(reference, id, sameType, true).unionByName(tagged(current, id, sameType, false))
            .groupBy("id").agg(sum("r").as("rn"), sum("k").as("cn"));
        Column inBoth = col("rn").gt(0).and(col("cn").gt(0));
        Row r = perId.agg(count(when(inBoth, lit(1))), sum(when(inBoth, col("cn"))), sum(when(inBoth, col("rn"))),
            count(when(col("rn").gt(0), lit(1))), count(when(col("cn").gt(0), lit(1)))).first();
        long overlap = r.getLong(0);
        List<String> examples = overlap == 0 ? List.of()
            : perId.where(inBoth).select(col("id").cast("string")).orderBy("id").limit(EXAMPLES)
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        return new LeakageProfile(id, overlap, r.isNullAt(1) ? 0 : r.getLong(1), r.isNullAt(2) ? 0 : r.getLong(2),
            r.getLong(3), r.getLong(4), examples);
    }

    /** Ids keep their type when both sides agree (cheaper to hash and shuffle), else compare as text. */
    private static Dataset<Row> tagged(Dataset<Row> data, String id, boolean sameType, boolean reference) {
        Column value = sameType ? SchemaColumns.named(id) : SchemaColumns.named(id).cast("string");
        return data.select(value.as("id"), lit(reference ? 1L : 0L).as("r"), lit(reference ? 0L : 1L).as("k"))
            .where(col("id").isNotNull());
    }
}
