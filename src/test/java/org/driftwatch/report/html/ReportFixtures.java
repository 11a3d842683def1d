package org.driftwatch.report.html;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.driftwatch.DriftJob;
import org.driftwatch.TestSpark;
import org.driftwatch.checks.CheckCatalog;
import org.driftwatch.rules.RuleFileParser;
import org.driftwatch.rules.RuleSet;

/** A wide report (50 compared columns) whose names and categories try to break out of the HTML. */
final class ReportFixtures {
    static final String NASTY_COLUMN = "<img src=x onerror=alert(1)>";
    static final String NASTY_CATEGORY = "</td><script>alert('x')</script>";

    private ReportFixtures() {
    }

    static DriftJob.Outcome wideReport(Path tmp) throws Exception {
        SparkSession spark = TestSpark.session();
        StructType schema = new StructType();
        int numeric = 45;
        for (int i = 0; i < numeric; i++) {
            schema = schema.add(i == 0 ? NASTY_COLUMN : "feature_" + i, DataTypes.DoubleType, true);
        }
        for (int i = 0; i < 5; i++) {
            schema = schema.add("category_" + i, DataTypes.StringType, true);
        }
        Dataset<Row> ref = spark.createDataFrame(rows(schema, numeric, 0.0, 1), schema);
        Dataset<Row> cur = spark.createDataFrame(rows(schema, numeric, 0.4, 2), schema);
        ref.write().parquet(tmp.resolve("ref").toString());
        cur.write().parquet(tmp.resolve("cur").toString());
        Path rules = tmp.resolve("wide.yaml");
        Files.writeString(rules, "monitor: wide\nreference: {path: \"" + tmp.resolve("ref") + "\", format: parquet}\n"
            + "current: {path: \"" + tmp.resolve("cur") + "\", format: parquet}\n");
        RuleSet set = RuleFileParser.parse(rules);
        return new DriftJob(spark, line -> { }).run(set, CheckCatalog.checksFor(set),
            new DriftJob.Inputs(set.reference(), set.current(), "2026-11-26", tmp.resolve("out")));
    }

    private static List<Row> rows(StructType schema, int numeric, double shift, long seed) {
        Random rnd = new Random(seed);
        List<Row> out = new ArrayList<>();
        for (int r = 0; r < 1500; r++) {
            Object[] v = new Object[schema.size()];
            for (int i = 0; i < numeric; i++) {
                v[i] = rnd.nextGaussian() + (i % 3 == 0 ? shift : 0);
            }
            for (int i = numeric; i < schema.size(); i++) {
                int k = rnd.nextInt(6) + (shift > 0 && i == numeric ? 1 : 0);
                v[i] = k == 6 ? NASTY_CATEGORY : "c" + k;
            }
            out.add(RowFactory.create(v));
        }
        return out;
    }
}
