package org.driftwatch.profile;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sin;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.driftwatch.TestSpark;
import org.driftwatch.data.DataException;
import org.driftwatch.data.ModelPlan;
import org.driftwatch.data.ModelTask;
import org.driftwatch.profile.model.JointProfile;
import org.driftwatch.profile.model.ModelOutcomes;
import org.driftwatch.profile.model.ProfileRequest;
import org.driftwatch.profile.scan.OutcomeFold;
import org.driftwatch.stats.ScoreRanking;
import org.junit.jupiter.api.Test;

/**
 * Above what a scan holds exactly (more distinct scores or absolute errors than {@link OutcomeFold#MAX_VALUES})
 * the ranking metrics and the median absolute error come from Spark, and equal the exact answers
 * computed here from the raw values.
 */
class OutcomeProfilerTest {
    static final int ROWS = 150_000;

    @Test
    void manyDistinctScoresRankInSparkExactly() {
        Dataset<Row> data = TestSpark.session().range(ROWS).toDF("id")
            .withColumn("s", col("id").multiply(7919).mod(ROWS + 1).divide((double) ROWS + 1))
            .withColumn("y", when(col("id").multiply(13).mod(7).lt(lit(2)).or(col("s").gt(0.9)), 1).otherwise(0))
            .withColumn("p", when(col("s").geq(0.5), 1).otherwise(0));
        ModelPlan model = new ModelPlan(ModelTask.BINARY, false, "given", "y", "p", "s", "1", true, 0.5, null);
        ModelOutcomes o = profile(data, model).referenceOutcomes();
        assertNull(o.scores().table(), "the scan's score table gave up, so Spark ranked the scores");
        ModelOutcomes.Ranking got = o.scores().ranking();

        TreeMap<Double, long[]> table = new TreeMap<>();
        for (Row r : data.select("s", "y").collectAsList()) {
            table.computeIfAbsent(r.getDouble(0), k -> new long[2])[r.getInt(1)]++;
        }
        double[] s = table.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        long[] neg = table.values().stream().mapToLong(c -> c[0]).toArray();
        long[] pos = table.values().stream().mapToLong(c -> c[1]).toArray();
        ScoreRanking.Result want = ScoreRanking.of(s, neg, pos);
        assertEquals(want.rocAuc(), got.rocAuc(), 1e-12);
        assertEquals(want.averagePrecision(), got.averagePrecision(), 1e-12);
        assertEquals(want.ksSeparation(), got.ksSeparation(), 1e-12);
        assertEquals(s.length, got.distinctScores());
    }

    @Test
    void manyDistinctErrorsGiveTheExactMedian() {
        Dataset<Row> data = TestSpark.session().range(ROWS).toDF("id")
            .withColumn("y", col("id").mod(1000).cast("double"))
            .withColumn("p", col("y").plus(sin(col("id")).multiply(10)));
        ModelPlan model = new ModelPlan(ModelTask.REGRESSION, false, "given", "y", "p", null, null, true, 0.5, null);
        ModelOutcomes o = profile(data, model).referenceOutcomes();
        double[] e = data.select(col("p").minus(col("y"))).collectAsList().stream().mapToDouble(r -> Math.abs(r.getDouble(0))).toArray();
        Arrays.sort(e);
        assertTrue(e.length % 2 == 0);
        assertEquals((e[ROWS / 2 - 1] + e[ROWS / 2]) / 2, o.errors().medianAbsoluteError(), 0.0);
        assertEquals(e[ROWS - 1], o.errors().maxError(), 0.0);
    }

    @Test
    void scoresOutsideZeroOneAreBadData() {
        Dataset<Row> data = TestSpark.session().range(100).toDF("id")
            .withColumn("s", col("id").divide(50.0)).withColumn("y", col("id").mod(2)).withColumn("p", col("id").mod(2));
        ModelPlan model = new ModelPlan(ModelTask.BINARY, false, "given", "y", "p", "s", "1", true, 0.5, null);
        DataException e = assertThrows(DataException.class, () -> profile(data, model));
        assertEquals("reference column 's' (columns.score) holds 1.98, outside [0, 1]: a score must be the probability of the"
            + " positive class '1'", e.getMessage());
    }

    private static JointProfile profile(Dataset<Row> data, ModelPlan model) {
        List<String> numeric = model.score() != null ? List.of("s") : List.of("p");
        ProfileRequest request = new ProfileRequest(numeric, List.of(), null, 10, 1000, 1000, List.of(), 0, model);
        JointProfile p = DatasetProfiler.profile(data, data, request);
        assertNotNull(p.currentOutcomes());
        return p;
    }
}
