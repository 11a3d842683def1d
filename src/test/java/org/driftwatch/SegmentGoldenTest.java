package org.driftwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The whole job reproduces numpy/scipy/scikit-learn's per-segment answers for the cases in
 * src/test/resources/golden-seg (copies of the shared cases), from CSV and from Parquet: the segments chosen
 * and their order, rows, every segment column's counts and statistics (null below min_rows or min_count),
 * and the multiclass model's metrics per segment — the contract the owner's checker compares.
 */
class SegmentGoldenTest {
    static final List<String> CASES = List.of("seattle_by_weather", "penguins_by_island_multiclass");
    static final double REL = 1e-9;

    @TempDir
    Path tmp;

    static Stream<Arguments> cases() {
        return CASES.stream().flatMap(c -> Stream.of(Arguments.of(c, "csv"), Arguments.of(c, "parquet")));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("cases")
    void segmentsMatchScipy(String name, String format) throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("/golden-seg/" + name + "/expected.json").toURI()).getParent();
        JsonNode exp = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
        JsonNode got = RuleTemplate.run(dir, format, "2026-11-26", tmp).get("segments");
        List<String> want = new ArrayList<>();
        exp.get("segments").forEach(s -> want.add(s.get("segment").asText()));
        List<String> have = new ArrayList<>();
        got.forEach(s -> have.add(s.get("segment").asText()));
        assertEquals(want, have, "segments and their order");
        for (int i = 0; i < want.size(); i++) {
            segment(exp.get("segments").get(i), got.get(i));
        }
    }

    private static void segment(JsonNode e, JsonNode g) {
        String what = e.get("segment").asText();
        assertEquals(e.get("rows").get("reference").asLong(), g.get("rows").get("reference").asLong(), what + " reference rows");
        assertEquals(e.get("rows").get("current").asLong(), g.get("rows").get("current").asLong(), what + " current rows");
        assertEquals(e.get("expression").isNull() ? null : e.get("expression").asText(),
            g.get("expression").isNull() ? null : g.get("expression").asText(), what + " expression");
        if (!e.get("by").isNull()) {
            var field = e.get("by").fieldNames().next();
            assertEquals(e.get("by").get(field).asText(), g.get("by").get(field).asText(), what + " by");
        }
        boolean computed = e.get("statistics").asText().equals("computed");
        e.get("columns").fieldNames().forEachRemaining(c -> column(what + " " + c, e.get("columns").get(c), g.get("columns").get(c), computed));
        if (e.has("performance") && !e.get("performance").isNull() && computed) {
            performance(what, e.get("performance"), g.get("performance"));
        } else {
            assertTrue(g.get("performance") == null || g.get("performance").isNull(), what + " performance is null");
        }
    }

    private static void column(String what, JsonNode e, JsonNode g, boolean segmentComputed) {
        assertNotNull(g, what);
        for (String side : List.of("reference", "current")) {
            assertEquals(e.get(side).get("count").asLong(), g.get(side).get("count").asLong(), what + " " + side + " count");
            assertEquals(e.get(side).get("null_count").asLong(), g.get(side).get("null_count").asLong(), what + " " + side + " null_count");
        }
        boolean computed = segmentComputed && e.get("statistics").asText().equals("computed");
        if (!computed) {
            assertTrue(g.get("psi") == null || g.get("psi").isNull(), what + " psi is null");
            return;
        }
        GoldenCase.assertClose(e.get("psi").asDouble(), g.get("psi").asDouble(), REL, what + " psi");
        if (e.get("kind").asText().equals("numeric")) {
            GoldenCase.assertClose(e.get("ks").get("statistic").asDouble(), g.get("ks").get("statistic").asDouble(), REL, what + " KS D");
            GoldenCase.assertPValue(e.get("ks").get("pvalue_auto").asDouble(), g.get("ks").get("p_value").asDouble(), what + " KS p");
            GoldenCase.assertClose(e.get("wasserstein_norm").asDouble(), g.get("wasserstein_normed").asDouble(), REL, what + " normed W");
        } else {
            GoldenCase.assertClose(e.get("chi2_contingency").get("statistic").asDouble(), g.get("chi_square").get("statistic").asDouble(), 1e-7,
                what + " chi-square");
            GoldenCase.assertClose(e.get("jensenshannon").get("distance_natural").asDouble(), g.get("jensen_shannon").asDouble(), REL, what + " JS");
            List<String> unseen = new ArrayList<>();
            e.get("unseen_categories").forEach(u -> unseen.add(u.asText()));
            List<String> have = new ArrayList<>();
            g.get("unseen_categories").forEach(u -> have.add(u.asText()));
            assertEquals(new java.util.TreeSet<>(unseen), new java.util.TreeSet<>(have), what + " unseen");
        }
    }

    private static void performance(String what, JsonNode e, JsonNode g) {
        assertNotNull(g, what + " performance");
        assertFalse(g.isNull(), what + " performance");
        for (String side : List.of("reference", "current")) {
            JsonNode es = e.get(side);
            JsonNode gs = g.get(side);
            assertEquals(es.get("n").asLong(), gs.get("n").asLong(), what + " " + side + " n");
            for (String m : List.of("accuracy", "balanced_accuracy", "macro_f1", "weighted_f1", "macro_precision", "weighted_recall")) {
                GoldenCase.assertClose(es.get(m).asDouble(), gs.get(m).asDouble(), REL, what + " " + side + " " + m);
            }
            assertEquals(es.get("labels_order").toString(), gs.get("labels_order").toString(), what + " " + side + " labels_order");
            assertEquals(es.get("confusion_matrix").toString(), gs.get("confusion_matrix").toString(), what + " " + side + " confusion");
        }
        GoldenCase.assertClose(e.get("change").get("macro_f1").asDouble(), g.get("change").get("macro_f1").asDouble(), REL, what + " change");
    }
}
