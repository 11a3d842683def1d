package org.driftwatch;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A golden case from src/test/resources/golden: its files, raw CSV columns and expected.json. */
public record GoldenCase(String name, Path dir, JsonNode expected, JsonNode schema) {
    public static final List<String> ALL = List.of(
        "seattle_2012_vs_2015", "penguins_island_split", "synthetic_injected_drift", "flights_week_jan_vs_jun");

    public static GoldenCase load(String name) {
        try {
            Path dir = Path.of(GoldenCase.class.getResource("/golden/" + name + "/expected.json").toURI()).getParent();
            ObjectMapper json = new ObjectMapper();
            return new GoldenCase(name, dir, json.readTree(dir.resolve("expected.json").toFile()),
                json.readTree(dir.resolve("schema.json").toFile()));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("golden case " + name, e);
        }
    }

    /** scipy's Cramér–von Mises and Anderson–Darling of this case's numeric columns (golden/ecdf_tests_expected.json). */
    public JsonNode ecdfTests() {
        try (java.io.InputStream in = GoldenCase.class.getResourceAsStream("/golden/ecdf_tests_expected.json")) {
            return new ObjectMapper().readTree(in).get("cases").get(name);
        } catch (IOException e) {
            throw new IllegalStateException("ecdf_tests_expected.json", e);
        }
    }

    public Path file(String side, String format) {
        return dir.resolve(side + "." + format);
    }

    /** The CSV's columns as text, null for an empty field. */
    public Map<String, List<String>> csvColumns(String side) {
        Map<String, List<String>> cols = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(file(side, "csv"), StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (String h : p.getHeaderNames()) {
                cols.put(h, new ArrayList<>());
            }
            for (CSVRecord rec : p) {
                for (String h : p.getHeaderNames()) {
                    String v = rec.get(h);
                    cols.get(h).add(v.isEmpty() ? null : v);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return cols;
    }

    /** Non-null values of a numeric column. */
    public double[] numbers(String side, String column) {
        return csvColumns(side).get(column).stream().filter(v -> v != null).mapToDouble(Double::parseDouble).toArray();
    }

    public List<String> columnsWithRole(String role) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : schema.get("columns")) {
            if (c.get("role").asText().equals(role)) {
                out.add(c.get("name").asText());
            }
        }
        return out;
    }

    public static void assertClose(double expected, double actual, double relative, String what) {
        double tol = Math.max(1e-12, relative * Math.abs(expected));
        if (!(Math.abs(expected - actual) <= tol)) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual);
        }
    }

    /** p-values: relative 1e-4, and where the expected value is below 1e-10 only "also below 1e-10". */
    public static void assertPValue(double expected, double actual, String what) {
        if (expected < 1e-10) {
            if (!(actual < 1e-10)) {
                throw new AssertionError(what + ": expected < 1e-10 but was " + actual);
            }
            return;
        }
        assertClose(expected, actual, 1e-4, what);
    }
}
