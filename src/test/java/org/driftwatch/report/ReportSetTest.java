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

    /** Three runs of one monitor and date within a second: both earlier sets are kept, none lost (#31 item 8). */
    @Test
    void runsInTheSameSecondKeepEveryEarlierSet() throws Exception {
        ReportSet first = ReportSet.write(SummaryCsvWriterTest.report(), tmp);
        Path dir = first.directory();
        FileTime same = Files.getLastModifiedTime(first.json());
        ReportSet.write(SummaryCsvWriterTest.report(), tmp);
        for (String f : List.of("report.json", "report.html", "summary.csv")) {
            Files.setLastModifiedTime(dir.resolve(f), same);   // the second set written in the same second as the first
        }
        ReportSet.write(SummaryCsvWriterTest.report(), tmp);
        List<String> kept;
        try (Stream<Path> files = Files.list(dir)) {
            kept = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("report\\.\\d{8}T\\d{6}(-\\d+)?\\.json")).sorted()
                .toList();
        }
        assertEquals(2, kept.size(), "both earlier report.json kept: " + kept);
        assertTrue(kept.stream().anyMatch(n -> n.contains("-2.")), kept.toString());
    }

    @Test
    void aDiskThatFillsWhileWritingLeavesTheEarlierSetWhole() throws Exception {
        ReportSet first = ReportSet.write(SummaryCsvWriterTest.report(), tmp);
        Path dir = first.directory();
        java.util.Map<String, byte[]> before = contents(dir);
        for (int failAt = 1; failAt <= 3; failAt++) {
            int n = failAt;
            int[] writes = {0};
            ReportFiles.Writer fullDisk = (file, bytes) -> {
                if (++writes[0] == n) {
                    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));   // half written, then the disk is full
                    throw new java.nio.file.FileSystemException(file.toString(), null, "No space left on device");
                }
                Files.write(file, bytes);
            };
            ReportFiles.ReportWriteException e = org.junit.jupiter.api.Assertions.assertThrows(ReportFiles.ReportWriteException.class,
                () -> ReportSet.write(SummaryCsvWriterTest.report(), tmp, fullDisk));
            assertEquals("cannot write the reports to " + dir.toAbsolutePath() + ": No space left on device; the earlier reports there are unchanged",
                e.getMessage());
            java.util.Map<String, byte[]> after = contents(dir);
            assertEquals(before.keySet(), after.keySet(), "no new, rotated or temporary file after failing write " + n);
            before.forEach((name, bytes) -> assertTrue(java.util.Arrays.equals(bytes, after.get(name)), name + " unchanged"));
        }
    }

    private static java.util.Map<String, byte[]> contents(Path dir) throws java.io.IOException {
        java.util.Map<String, byte[]> out = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                out.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return out;
    }
}
