package org.driftwatch.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * PSI critical values against scipy.stats.chi2 (1.17.1) and against 10,000 simulated no-drift PSI draws
 * per sample size (src/test/resources/psi-noise/simulate.py wrote simulated.json); BH against
 * scipy.stats.false_discovery_control.
 */
class PsiNoiseTest {
    @Test
    void criticalValuesAndPValuesAreScipysChiSquare() {
        double scale = 1.0 / 500 + 1.0 / 500;
        assertEquals(16.918977604620448 * scale, PsiNoise.critical(0.95, 10, 500, 500), 1e-12);   // chi2.ppf(0.95, 9)
        assertEquals(21.665994333461924 * scale, PsiNoise.critical(0.99, 10, 500, 500), 1e-12);   // chi2.ppf(0.99, 9)
        assertEquals(7.814727903251179 * (1.0 / 100 + 1.0 / 300), PsiNoise.critical(0.95, 4, 100, 300), 1e-12);
        assertEquals(0.21330930508341653, PsiNoise.pValue(12.0 * scale, 10, 500, 500), 1e-12);     // chi2.sf(12, 9)
    }

    @Test
    void theApproximationMatchesSimulatedNoDriftPsi() throws Exception {
        JsonNode sim = new ObjectMapper().readTree(Path.of(getClass().getResource("/psi-noise/simulated.json").toURI()).toFile());
        for (JsonNode c : sim.get("cases")) {
            long n = c.get("n").asLong();
            long m = c.get("m").asLong();
            double p95 = PsiNoise.critical(0.95, 10, n, m);
            double p99 = PsiNoise.critical(0.99, 10, n, m);
            assertEquals(c.get("empirical_p95").asDouble(), p95, 0.03 * p95, "p95 at n " + n + ", m " + m);
            assertEquals(c.get("empirical_p99").asDouble(), p99, 0.05 * p99, "p99 at n " + n + ", m " + m);
        }
    }

    @Test
    void benjaminiHochbergAsScipy() {
        double[] p = {0.01, 0.04, 0.03, 0.2, 0.5, 0.001};
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.24, 0.5, 0.006}, MultipleTesting.benjaminiHochberg(p), 1e-15);
        assertArrayEquals(new double[] {0.06, 0.24, 0.18, 1.0, 1.0, 0.006}, MultipleTesting.bonferroni(p), 1e-15);
    }
}
