package org.driftwatch.profile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A scan's analyzers without Spark: each reads its own column's buffers, partitions merge to what one
 * pass over all the values gives, and an analyzer of a column the scan does not read is left out.
 */
class AnalyzerFoldTest {
    /** Sum and count of the non-null values. */
    record Total(String column) implements Analyzer<double[]> {
        @Override
        public String name() {
            return column + "_total";
        }

        @Override
        public double[] zero() {
            return new double[2];
        }

        @Override
        public void add(double[] s, double[] values, boolean[] missing, int size) {
            for (int r = 0; r < size; r++) {
                if (!missing[r]) {
                    s[0] += values[r];
                    s[1]++;
                }
            }
        }

        @Override
        public double[] merge(double[] a, double[] b) {
            a[0] += b[0];
            a[1] += b[1];
            return a;
        }

        @Override
        public Map<String, Double> metric(double[] s) {
            return Map.of("sum", s[0], "count", s[1]);
        }
    }

    @Test
    void partitionsMergeToOnePassAndEachAnalyzerReadsItsColumn() {
        List<String> columns = List.of("a", "b");
        List<Analyzer<?>> analyzers = List.of(new Total("b"), new Total("a"), new Total("not_scanned"));
        AnalyzerFold first = new AnalyzerFold(analyzers, columns);
        AnalyzerFold second = new AnalyzerFold(analyzers, columns);
        AnalyzerFold whole = new AnalyzerFold(analyzers, columns);
        double[] a1 = {1, 2, 99};
        double[] a2 = {3};
        double[] b1 = {10, 20, 30};
        double[] b2 = {40};
        boolean[] nulls1 = {false, false, true};
        boolean[] none = {false};
        first.add(0, a1, nulls1, 3);
        first.add(1, b1, new boolean[3], 3);
        second.add(0, a2, none, 1);
        second.add(1, b2, none, 1);
        whole.add(0, a1, nulls1, 3);
        whole.add(0, a2, none, 1);
        whole.add(1, b1, new boolean[3], 3);
        whole.add(1, b2, none, 1);
        Map<String, Map<String, Double>> merged = first.merge(second).metrics();
        assertEquals(whole.metrics(), merged);
        assertEquals(Map.of("sum", 6.0, "count", 3.0), merged.get("a_total"), "the null's value is not added");
        assertEquals(Map.of("sum", 100.0, "count", 4.0), merged.get("b_total"));
        assertFalse(merged.containsKey("not_scanned_total"));
        assertEquals(Map.of(), AnalyzerFold.none(2).metrics());
    }
}
