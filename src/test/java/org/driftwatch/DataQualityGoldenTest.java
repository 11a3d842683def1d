package org.driftwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole job reproduces pandas' data-quality answers for the cases in src/test/resources/golden-dq
 * (copies of the shared cases), from CSV and from Parquet: report.quality in rule-file order, counts
 * exactly, failing shares to 1e-12, samples exactly and in order, freshness instants and ages, statuses,
 * and report.quality_rows — the contract the owner's checker compares.
 */
class DataQualityGoldenTest {
    static final List<String> CASES = List.of("seattle_2012_vs_2015", "penguins_island_split");

    @TempDir
    Path tmp;

    static Stream<Arguments> cases() {
        return CASES.stream().flatMap(c -> Stream.of(Arguments.of(c, "csv"), Arguments.of(c, "parquet")));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("cases")
    void qualityMatchesPandas(String name, String format) throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("/golden-dq/" + name + "/expected.json").toURI()).getParent();
        JsonNode exp = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
        JsonNode report = RuleTemplate.run(dir, format, exp.get("run_date").asText(), tmp);
        JsonNode quality = report.get("quality");
        assertEquals(exp.get("quality").size(), quality.size());
        for (int i = 0; i < quality.size(); i++) {
            JsonNode e = exp.get("quality").get(i);
            JsonNode q = quality.get(i);
            String what = e.get("name").asText();
            assertEquals(what, q.get("name").asText(), "rule-file order");
            assertEquals(e.get("kind").asText(), q.get("kind").asText(), what);
            assertEquals(e.get("column").isNull() ? null : e.get("column").asText(), q.get("column").isNull() ? null : q.get("column").asText());
            assertEquals(e.get("status").asText(), q.get("status").asText(), what + " status: " + q.get("message").asText());
            for (String side : List.of("reference", "current")) {
                side(e, e.get(side), q.get(side), what + " " + side);
            }
        }
        for (String side : List.of("reference", "current")) {
            assertEquals(exp.get("quality_rows").get(side).asLong(), report.get("quality_rows").get(side).asLong(), "quality_rows " + side);
        }
    }

    private static void side(JsonNode item, JsonNode e, JsonNode got, String what) {
        assertNotNull(got, what);
        assertEquals(e.get("rows").asLong(), got.get("rows").asLong(), what + " rows");
        assertEquals(e.get("checked").asLong(), got.get("checked").asLong(), what + " checked");
        if (item.get("kind").asText().equals("freshness")) {
            assertEquals(instant(e.get("max").asText()), instant(got.get("max").asText()), what + " max");
            assertEquals(e.get("age_hours").asDouble(), got.get("age_hours").asDouble(), 1e-9, what + " age");
            return;
        }
        assertEquals(e.get("failed").asLong(), got.get("failed").asLong(), what + " failed");
        if (e.get("failed_share").isNull()) {
            assertTrue(got.get("failed_share").isNull(), what + " failed_share");
        } else {
            double want = e.get("failed_share").asDouble();
            assertEquals(want, got.get("failed_share").asDouble(), 1e-12 * Math.abs(want), what + " failed_share");
        }
        if (item.get("kind").asText().equals("condition")) {
            assertEquals(e.get("samples_rows").asInt(), got.get("samples").size(), what + " sample rows");
            for (JsonNode row : got.get("samples")) {
                assertTrue(failingRow(row, e.get("failing_rows")), what + ": " + row + " is not a failing row");
            }
        } else {
            List<String> want = new ArrayList<>();
            e.get("samples").forEach(v -> want.add(number(v)));
            List<String> have = new ArrayList<>();
            got.get("samples").forEach(v -> have.add(number(v)));
            assertEquals(want, have, what + " samples");
        }
        if (item.get("kind").asText().equals("unique")) {
            assertEquals(e.get("distinct").asLong(), got.get("distinct").asLong(), what + " distinct");
            assertEquals(e.get("duplicated_values").asLong(), got.get("duplicated_values").asLong(), what + " duplicated_values");
        }
    }

    /** A sample value compared by meaning: numbers by value, text as text. */
    private static String number(JsonNode v) {
        return v.isNumber() ? Double.toString(v.asDouble()) : v.asText();
    }

    private static boolean failingRow(JsonNode row, JsonNode failing) {
        for (JsonNode f : failing) {
            JsonNode want = f.get("row");
            boolean same = want.size() == row.size();
            for (var it = want.fieldNames(); it.hasNext() && same; ) {
                String k = it.next();
                same = row.has(k) && (want.get(k).isNull() ? row.get(k).isNull() : number(want.get(k)).equals(number(row.get(k))));
            }
            if (same) {
                return true;
            }
        }
        return false;
    }

    private static java.time.Instant instant(String s) {
        return s.length() == 10 ? java.time.LocalDate.parse(s).atStartOfDay(java.time.ZoneOffset.UTC).toInstant() : java.time.Instant.parse(s);
    }
}
