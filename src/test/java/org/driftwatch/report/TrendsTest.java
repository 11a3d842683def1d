package org.driftwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrendsTest {
    private static List<Trends.Point> psi(double... values) {
        List<Trends.Point> p = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            p.add(new Trends.Point(String.format("2026-11-%02d", i + 1), values[i], null));
        }
        return p;
    }

    @Test
    void risingNeedsThreeRisesEndingAboveTheFloor() {
        Trends t = new Trends(Map.of("up", psi(0.02, 0.03, 0.08, 0.12), "noise", psi(0.010, 0.011, 0.012, 0.013),
            "dip", psi(0.1, 0.2, 0.15, 0.3)), List.of());
        assertEquals(List.of("up: 3 nights since 2026-11-02, PSI 0.020 → 0.120"), t.rising(0.05));
        assertEquals(2, t.rising(0.0).size(), "with no floor the noise-level climb counts too");
    }

    /** Since when: a column rising 9 nights says 9 and the first of them, not the last 3 (#30 item 7). */
    @Test
    void risingSaysTheWholeRunAndSinceWhen() {
        Trends t = new Trends(Map.of("basket_value", psi(0.05, 0.01, 0.02, 0.04, 0.08, 0.15, 0.3, 0.5, 0.8, 1.2, 1.9)), List.of());
        assertEquals(List.of("basket_value: 9 nights since 2026-11-03, PSI 0.010 → 1.900"), t.rising(0.05));
    }

    @Test
    void statusRunCountsTheBadRunsEndingTonight() {
        Trends t = new Trends(Map.of(), List.of(new Trends.Night("2026-11-01", "alert", "warn"), new Trends.Night("2026-11-02", "ok", "ok"),
            new Trends.Night("2026-11-03", "alert", "fail"), new Trends.Night("2026-11-04", "alert", "warn")));
        assertEquals(2, t.statusRun(Set.of("warn", "fail")));
        assertEquals(0, t.statusRun(Set.of("ok")));
        assertEquals(0, new Trends(Map.of(), List.of(new Trends.Night("2026-11-01", "alert"))).statusRun(Set.of("warn")),
            "a night whose status the history does not hold does not count");
    }
}
