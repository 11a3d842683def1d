package org.driftwatch.profile.shuffle;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.driftwatch.data.ModelPlan;
import org.driftwatch.profile.model.ModelOutcomes;
import org.driftwatch.profile.scan.ScanProjection;

/**
 * ROC AUC, average precision and KS separation when a side has more distinct scores than a scan holds:
 * the evaluated rows grouped by score into (negatives, positives), running sums over the scores in
 * order, and one aggregate of the same sums {@link org.driftwatch.stats.ScoreRanking} takes — exact, and
 * only three numbers reach the driver. The running sums need one ordered pass over the distinct scores.
 */
public final class ScoreRankingAggregation {
    private ScoreRankingAggregation() {
    }

    public static ModelOutcomes.Ranking compute(Dataset<Row> data, ModelPlan model, long positives, long negatives) {
        if (positives == 0 || negatives == 0) {
            return new ModelOutcomes.Ranking(null, positives == 0 ? null : 1.0, null, -1, null);
        }
        Dataset<Row> fields = ScanProjection.of(data, java.util.List.of(), java.util.List.of(), java.util.List.of(), false, model)
            .toDF("y", "pred", "s")
            .where(col("y").isNotNull().and(col("pred").isNotNull()).and(col("s").isNotNull()).and(not(isnan(col("s")))));
        Column pos = when(col("y").equalTo(lit(model.positiveClass())), 1L).otherwise(0L);
        Dataset<Row> table = fields.groupBy(col("s").plus(lit(0.0)).as("s"))
            .agg(sum(pos).as("p"), sum(lit(1L).minus(pos)).as("n"));
        WindowSpec upTo = Window.orderBy(col("s")).rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        double p = positives;
        double n = negatives;
        Row r = table.withColumn("cp", sum("p").over(upTo)).withColumn("cn", sum("n").over(upTo))
            .agg(
                sum(col("p").cast("double").multiply(col("cn").minus(col("n")).multiply(2.0).plus(col("n")))),
                sum(when(col("p").gt(0), col("p").divide(p).multiply(lit(p).minus(col("cp")).plus(col("p"))
                    .divide(lit(p + n).minus(col("cp")).minus(col("cn")).plus(col("p")).plus(col("n"))))).otherwise(0.0)),
                max(abs(col("cp").divide(p).minus(col("cn").divide(n)))), org.apache.spark.sql.functions.count(lit(1)))
            .first();
        return new ModelOutcomes.Ranking(r.getDouble(0) / 2 / (p * n), r.getDouble(1), r.getDouble(2), r.getLong(3), null);
    }
}
