package org.driftwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportSetTest {
    @TempDir
    Path tmp;

    @Test
    void aRerunKeepsTheEarlierSetUnderOneStamp() throws Exception {
        ReportSet first = ReportSet.write(SummaryCsvWriterTest.report(), tmp);
        Path dir = first.directory();
        FileTime t = Files.getLastModifiedTime(first.json());
        Files.setLastModifiedTime(dir.resolve("report.html"), FileTime.fromMillis(t.toMillis() - 7000));
        Files.setLastModifiedTime(dir.resolve("summary.csv"), FileTime.fromMillis(t.toMillis() - 3000));
        ReportSet.write(SummaryCsvWriterTest.report(), tmp);
        List<String> kept;
        try (Stream<Path> files = Files.list(dir)) {
            kept = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("(report|summary)\\.\\d{8}T\\d{6}\\..*")).sorted().toList();
        }
        assertEquals(3, kept.size(), kept.toString());
        String stamp = kept.get(0).split("\\.")[1];
        assertTrue(kept.stream().allMatch(n -> n.split("\\.")[1].equals(stamp)), "one stamp for the earlier set: " + kept);
        assertTrue(Files.exists(dir.resolve("report.json")) && Files.exists(dir.resolve("report.html")));
    }
}
