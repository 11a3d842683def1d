package org.driftwatch.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's arithmetic: ratios against the floor a row is read against, and the table README quotes. */
class DriftBenchmarkTest {
    @Test
    void aRowIsItsSecondsOverItsFloorWithJobsStagesAndHeapInMegabytes() {
        DriftBenchmark.Measure floor = new DriftBenchmark.Measure(6.3, 6, 6, 1457L << 20);
        DriftBenchmark.Measure run = new DriftBenchmark.Measure(31.5, 12, 21, (3263L << 20) + 12345);
        assertArrayEquals(new String[] {"10000000 × 20", "run", "31.5", "5.00", "12", "21", "3263 MB"},
            DriftBenchmark.row("10000000 × 20", "run", run, floor));
        assertEquals("1.00", DriftBenchmark.row("d", "floor", floor, floor)[3], "a floor is 1.00 against itself");
        assertEquals("0.69", DriftBenchmark.row("d", "w", new DriftBenchmark.Measure(4.2, 1, 1, 0), new DriftBenchmark.Measure(6.1, 1, 1, 0))[3]);
    }

    @Test
    void theTableHasAHeaderAnAlignmentRowAndOneLinePerRow() {
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(new String[] {"a", "b", "1.0", "1.00", "1", "1", "1 MB"});
        String t = DriftBenchmark.table(rows);
        List<String> lines = t.lines().toList();
        assertEquals(3, lines.size());
        assertEquals("| a | b | 1.0 | 1.00 | 1 | 1 | 1 MB |", lines.get(2));
        assertEquals(7, lines.get(0).chars().filter(ch -> ch == '|').count() - 1, "seven columns");
    }
}
