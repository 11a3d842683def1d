package org.driftwatch.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnMetricsTest {
    @Test
    void standardisedMeanDifferenceUsesTheReferenceStd() {
        ColumnComparison c = Columns.numerical("a").means(10, 2, 11, 4).build();
        MetricValue v = c.metric(new StandardisedMeanDifference());
        assertEquals(0.5, v.value(), 1e-12);
        assertTrue(v.single());
        assertTrue(v.words().contains("0.500 reference standard deviations"), v.words());
    }

    @Test
    void undefinedWhereTheReferenceDoesNotVaryAndAbsentOnCategories() {
        assertNull(Columns.numerical("flat").means(3, 0, 4, 1).build().metric(new StandardisedMeanDifference()));
        ColumnComparison cat = Columns.categorical("c", List.of("x"), new long[] {1}, new long[] {1}).build();
        assertTrue(cat.metrics().isEmpty());
    }

    @Test
    void everyRegisteredMetricHasAUniqueSnakeCaseName() {
        List<String> names = ColumnMetrics.names();
        assertEquals(names.size(), names.stream().distinct().count());
        names.forEach(n -> assertTrue(n.matches("[a-z][a-z0-9_]*"), n));
    }
}
