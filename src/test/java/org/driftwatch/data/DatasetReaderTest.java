package org.driftwatch.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.driftwatch.GoldenCase;
import org.driftwatch.TestSpark;
import org.driftwatch.rules.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every supported format opens to the same data. */
class DatasetReaderTest {
    @TempDir
    Path tmp;

    private final SparkSession spark = TestSpark.session();
    private final DatasetReader reader = new DatasetReader(spark);

    /** An empty folder, or one holding only Spark's markers, is "no data files", not Spark's "Unable to infer schema" (#31 item 9). */
    @Test
    void aFolderWithoutDataFilesSaysSo() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path markers = Files.createDirectories(tmp.resolve("markers"));
        Files.writeString(markers.resolve("_SUCCESS"), "");
        Files.writeString(markers.resolve(".part-0.crc"), "");
        for (String format : List.of("parquet", "csv", "orc", "json")) {
            for (Path dir : List.of(empty, markers)) {
                DataException e = assertThrows(DataException.class,
                    () -> reader.open("current", new DataSource(dir.toString(), null, format, Map.of())));
                assertEquals("current data " + dir + ": no data files under " + dir, e.getMessage(), format);
            }
        }
    }

    /** A line wider than the CSV reader's column limit names the limit and the option, not "Index 20480 out of bounds" (#31 item 10). */
    @Test
    void aLineWiderThanTheCsvLimitNamesTheOption() throws IOException {
        Path wide = tmp.resolve("wide.csv");
        String header = String.join(",", java.util.stream.IntStream.range(0, 21_000).mapToObj(i -> "c" + i).toList());
        Files.writeString(wide, header + "\n" + "1,".repeat(20_999) + "1\n");
        DataException e = assertThrows(DataException.class, () -> reader.open("current", new DataSource(wide.toString(), null, "csv", Map.of())));
        assertEquals("current data " + wide + ": a line has more than 20480 columns, the CSV reader's limit (Spark option maxColumns);"
            + " check the delimiter, or raise the limit with options: {maxColumns: \"100000\"}", e.getMessage());
        assertEquals(21_000, reader.open("current", new DataSource(wide.toString(), null, "csv", Map.of("maxColumns", "30000")))
            .columns().length);
    }

    @Test
    void csvFollowsRfc4180AndUtf8() throws IOException {
        Path csv = tmp.resolve("quoted.csv");
        Files.writeString(csv, "name,\"note, with comma\",n\n\"Zoë \"\"the\"\" best\",\"line one\nline two\",1\n,,\n", StandardCharsets.UTF_8);
        List<Row> rows = reader.open("reference", new DataSource(csv.toString(), null, "csv", Map.of())).collectAsList();
        assertEquals(2, rows.size());
        assertEquals("Zoë \"the\" best", rows.get(0).getString(0));
        assertEquals("line one\nline two", rows.get(0).getString(1));
        assertTrue(rows.get(1).isNullAt(0) && rows.get(1).isNullAt(1) && rows.get(1).isNullAt(2), "empty field = null");
    }

    @Test
    void parquetJsonOrcAndTablesReadTheSameRows() {
        Path parquet = GoldenCase.load("penguins_island_split").file("reference", "parquet");
        Dataset<Row> base = reader.open("reference", new DataSource(parquet.toString(), null, "parquet", Map.of()));
        base.write().json(tmp.resolve("json").toString());
        base.write().orc(tmp.resolve("orc").toString());
        base.createOrReplaceTempView("penguins_reference");
        long n = base.count();
        assertEquals(220, n);
        assertEquals(n, reader.open("reference", new DataSource(tmp.resolve("json").toString(), null, "json", Map.of())).count());
        assertEquals(n, reader.open("reference", new DataSource(tmp.resolve("orc").toString(), null, "orc", Map.of())).count());
        assertEquals(n, reader.open("reference", new DataSource(null, "penguins_reference", null, Map.of())).count());
        assertTrue(List.of(base.columns()).contains("Beak Length (mm)"));
    }

    @Test
    void missingPathAndTableAreDataErrors() {
        DataException e = assertThrows(DataException.class,
            () -> reader.open("current", new DataSource(tmp.resolve("none.parquet").toString(), null, "parquet", Map.of())));
        assertTrue(e.getMessage().startsWith("current data not found"), e.getMessage());
        DataException t = assertThrows(DataException.class,
            () -> reader.open("reference", new DataSource(null, "no_such_table", null, Map.of())));
        assertTrue(t.getMessage().contains("no_such_table"), t.getMessage());
    }
}
