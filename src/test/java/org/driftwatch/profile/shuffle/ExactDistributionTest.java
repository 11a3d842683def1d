package org.driftwatch.profile.shuffle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.driftwatch.TestSpark;
import org.driftwatch.stats.EcdfSums;
import org.driftwatch.stats.KolmogorovSmirnov;
import org.driftwatch.stats.Wasserstein;
import org.junit.jupiter.api.Test;

/**
 * The exact path's SQL over a value-frequency table (windows, then one aggregation per column) gives what
 * the pure functions give on the same table: KS D, the Wasserstein integral, distinct counts, the value
 * table when short, and every ECDF statistic's sum.
 */
class ExactDistributionTest {
    private static final StructType FORM = new StructType().add("c", DataTypes.IntegerType).add("v", DataTypes.DoubleType)
        .add("r", DataTypes.LongType).add("k", DataTypes.LongType);

    @Test
    void theWindowedTableGivesThePureFunctionsNumbers() {
        Random random = new Random(11);
        List<Row> rows = new ArrayList<>();
        double[][] values = new double[2][];
        long[][] ref = new long[2][];
        long[][] cur = new long[2][];
        for (int c = 0; c < 2; c++) {
            int distinct = c == 0 ? 40 : 3000;
            values[c] = new double[distinct];
            ref[c] = new long[distinct];
            cur[c] = new long[distinct];
            for (int i = 0; i < distinct; i++) {
                values[c][i] = i * 0.5 - 7;
                ref[c][i] = random.nextInt(4);
                cur[c][i] = random.nextInt(3) + (i > distinct / 2 ? 1 : 0);
                rows.add(RowFactory.create(c, values[c][i], ref[c][i], cur[c][i]));
            }
        }
        Map<Integer, ExactDistribution.Facts> facts = ExactDistribution.compute(
            TestSpark.session().createDataFrame(rows, FORM).repartition(3), 100);
        for (int c = 0; c < 2; c++) {
            ExactDistribution.Facts f = facts.get(c);
            assertEquals(KolmogorovSmirnov.statistic(ref[c], cur[c]), f.ksStatistic(), 1e-15, "D of column " + c);
            assertEquals(Wasserstein.distance(values[c], ref[c], cur[c]), f.wasserstein(), 1e-12, "W of column " + c);
            assertEquals(values[c].length, f.pooledDistinct());
            Map<String, EcdfSums.Range> want = sumsOf(ref[c], cur[c]);
            want.forEach((name, r) -> assertEquals(r.least(), f.ecdf().get(name).least(), 1e-9 * Math.abs(r.least()), name));
            f.ecdf().values().forEach(r -> assertEquals(r.least(), r.most(), "exact: one value"));
        }
        assertArrayEquals(values[0], facts.get(0).values().values(), "a short column keeps its value table");
        assertNull(facts.get(1).values(), "a long one does not");
    }

    /** The ECDF sums of a value table as the scans' walk gives them (only the order of the values matters). */
    private static java.util.Map<String, org.driftwatch.stats.EcdfSums.Range> sumsOf(long[] reference, long[] current) {
        double[] positions = new double[reference.length];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        return org.driftwatch.stats.EcdfWalk.ofTable(positions, reference, current).sums();
    }
}
