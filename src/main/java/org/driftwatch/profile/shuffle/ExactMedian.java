package org.driftwatch.profile.shuffle;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.driftwatch.data.ModelPlan;
import org.driftwatch.profile.scan.ScanProjection;

/**
 * The exact median absolute error of a regression when a scan could not hold the distinct errors: an
 * approximate quantile (Greenwald–Khanna, rank error at most ε·n) brackets the middle ranks, then one
 * aggregation counts the errors below the bracket and collects those inside it — about 4·ε·n values
 * however the errors are spread — from which the two middle order statistics are read exactly.
 */
public final class ExactMedian {
    static final double EPSILON = 1e-5;

    private ExactMedian() {
    }

    public static double absoluteError(Dataset<Row> data, ModelPlan model, long n) {
        Dataset<Row> errors = ScanProjection.of(data, List.of(), List.of(), List.of(), false, model).toDF("y", "pred")
            .select(abs(col("pred").minus(col("y"))).as("e"))
            .where(col("e").isNotNull().and(col("e").notEqual(Double.NaN)).and(col("e").notEqual(Double.POSITIVE_INFINITY)));
        double[] bracket = errors.stat().approxQuantile("e", new double[] {Math.max(0, 0.5 - 2 * EPSILON), Math.min(1, 0.5 + 2 * EPSILON)},
            EPSILON);
        double lo = bracket[0];
        double hi = bracket[1];
        Row r = errors.agg(count(when(col("e").lt(lo), 1)), collect_list(when(col("e").geq(lo).and(col("e").leq(hi)), col("e"))))
            .first();
        long below = r.getLong(0);
        List<Double> inside = r.getList(1);
        double[] v = inside.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        long a = (n - 1) / 2 - below;
        long b = n / 2 - below;
        if (a < 0 || b >= v.length) {
            throw new IllegalStateException("median bracket missed: " + below + " below, " + v.length + " inside, n " + n);
        }
        return (v[(int) a] + v[(int) b]) / 2;
    }
}
