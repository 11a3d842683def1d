package org.driftwatch.stats;

import static org.driftwatch.GoldenCase.assertClose;
import static org.driftwatch.GoldenCase.assertPValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import com.fasterxml.jackson.databind.JsonNode;
import org.driftwatch.GoldenCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The pure statistics on raw golden samples reproduce numpy/scipy's expected.json. */
class StatisticsMatchScipyTest {
    static List<String> cases() {
        return GoldenCase.ALL;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void numericStatisticsMatchNumpyAndScipy(String name) {
        GoldenCase g = GoldenCase.load(name);
        for (String col : g.columnsWithRole("numeric")) {
            JsonNode e = g.expected().get("columns").get(col);
            double[] ref = g.numbers("reference", col);
            double[] cur = g.numbers("current", col);
            double[] edges = PopulationStabilityIndex.innerEdges(ref, 10);
            double[] want = new double[9];
            for (int i = 0; i < 9; i++) {
                want[i] = e.get("psi_detail").get("inner_breakpoints").get(i).asDouble();
            }
            assertArrayEquals(want, edges, 0.0, col + " edges bit-exact");
            assertArrayEquals(longs(e.get("psi_detail").get("reference_bin_counts")),
                PopulationStabilityIndex.binCounts(edges, ref), col + " reference bins");
            assertArrayEquals(longs(e.get("psi_detail").get("current_bin_counts")),
                PopulationStabilityIndex.binCounts(edges, cur), col + " current bins");
            assertClose(e.get("psi").asDouble(), PopulationStabilityIndex.numeric(ref, cur, 10), 1e-9, col + " psi");
            double d = KolmogorovSmirnov.statistic(ref, cur);
            assertClose(e.get("ks").get("statistic").asDouble(), d, 1e-9, col + " ks D");
            KolmogorovSmirnov.Result ks = KolmogorovSmirnov.test(d, ref.length, cur.length);
            assertPValue(e.get("ks").get("pvalue_auto").asDouble(), ks.pValue(), col + " ks p");
            long m = Math.max(ref.length, cur.length);
            long n = Math.min(ref.length, cur.length);
            double asymp = KolmogorovDistribution.survival(Math.round((double) m * n / (m + n)), d);
            assertPValue(e.get("ks").get("pvalue_asymp").asDouble(), asymp, col + " kstwo.sf");
            double w = Wasserstein.distance(ref, cur);
            assertClose(e.get("wasserstein").asDouble(), w, 1e-9, col + " wasserstein");
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void categoricalStatisticsMatchScipy(String name) {
        GoldenCase g = GoldenCase.load(name);
        List<String> cols = new ArrayList<>(g.columnsWithRole("categorical"));
        cols.addAll(g.columnsWithRole("label"));
        Map<String, List<String>> refCols = g.csvColumns("reference");
        Map<String, List<String>> curCols = g.csvColumns("current");
        for (String col : cols) {
            JsonNode e = g.expected().get("columns").get(col);
            TreeSet<String> cats = new TreeSet<>();
            refCols.get(col).stream().filter(v -> v != null).forEach(cats::add);
            curCols.get(col).stream().filter(v -> v != null).forEach(cats::add);
            List<String> order = new ArrayList<>(cats);
            long[] r = new long[order.size()];
            long[] c = new long[order.size()];
            refCols.get(col).stream().filter(v -> v != null).forEach(v -> r[order.indexOf(v)]++);
            curCols.get(col).stream().filter(v -> v != null).forEach(v -> c[order.indexOf(v)]++);
            assertClose(e.get("psi").asDouble(), PopulationStabilityIndex.fromCounts(r, c), 1e-9, col + " psi");
            assertClose(e.get("jensenshannon").get("distance_natural").asDouble(), JensenShannon.distance(r, c), 1e-9, col + " js");
            ChiSquareContingency.Result chi = ChiSquareContingency.test(r, c);
            assertClose(e.get("chi2_contingency").get("statistic").asDouble(), chi.statistic(), 1e-9, col + " chi2");
            assertEquals(e.get("chi2_contingency").get("dof").asInt(), chi.degreesOfFreedom(), col + " dof");
            assertPValue(e.get("chi2_contingency").get("pvalue").asDouble(), chi.pValue(), col + " chi2 p");
        }
    }

    static long[] longs(JsonNode arr) {
        long[] out = new long[arr.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = arr.get(i).asLong();
        }
        return out;
    }
}
