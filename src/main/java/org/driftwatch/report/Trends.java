package org.driftwatch.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.driftwatch.judge.Outcome;

/**
 * The monitor's recent past, from the metrics history, with tonight appended: per column its PSI and drift
 * score over the last runs (oldest first), and the verdict of the last nights. Empty for a new monitor.
 */
public record Trends(Map<String, List<Point>> columns, List<Night> verdicts, Map<String, List<Share>> quality) {
    public static final Trends NONE = new Trends(Map.of(), List.of());

    public Trends(Map<String, List<Point>> columns, List<Night> verdicts) {
        this(columns, verdicts, Map.of());
    }

    /** One night's failing share of a data-quality constraint (or a freshness constraint's age in hours). */
    public record Share(String date, double value) {
    }
    /** Runs a sparkline shows. */
    public static final int RUNS = 30;
    /** Nights the verdict row shows. */
    public static final int NIGHTS = 14;
    /** A column "rises" when its PSI went up on each of this many nights in a row. */
    public static final int RISING_NIGHTS = 3;

    public record Point(String date, Double psi, Double driftScore) {
    }

    /**
     * One night's verdict and status (status null when the history does not say), and its {@link Outcome}:
     * what the night's subject and banner said, and its trend cell says.
     */
    public record Night(String date, String verdict, String status, Outcome outcome) {
        public Night(String date, String verdict, String status) {
            this(date, verdict, status, Outcome.of(verdict, false, false, status));
        }

        public Night(String date, String verdict) {
            this(date, verdict, null);
        }
    }

    public Trends {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        verdicts = List.copyOf(verdicts);
        quality = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(quality));
    }

    /**
     * Runs in a row, ending tonight (the last night), whose status is one of {@code statuses}: what an
     * email with {@code consecutive} counts. At most {@link #NIGHTS}.
     */
    public int statusRun(java.util.Set<String> statuses) {
        int n = 0;
        for (int i = verdicts.size() - 1; i >= 0 && verdicts.get(i).status() != null && statuses.contains(verdicts.get(i).status()); i--) {
            n++;
        }
        return n;
    }

    public boolean any() {
        return columns.values().stream().anyMatch(p -> p.size() > 1);
    }

    /**
     * Columns whose PSI rose on each of at least the last {@link #RISING_NIGHTS} runs to at least {@code floor}
     * (half the warn level: a climb among noise-level values is not news), with since when and how far: the
     * whole run of rises, not only its last nights ("basket_value: 9 nights since 2026-11-05, PSI 0.004 → 1.93").
     */
    public List<String> rising(double floor) {
        List<String> out = new ArrayList<>();
        columns.forEach((name, points) -> {
            int n = points.size();
            if (n <= RISING_NIGHTS || points.get(n - 1).psi() == null || points.get(n - 1).psi() < floor) {
                return;
            }
            int rises = 0;
            for (int i = n - 1; i > 0; i--) {
                Double a = points.get(i - 1).psi();
                Double b = points.get(i).psi();
                if (a == null || b == null || !(b > a)) {
                    break;
                }
                rises++;
            }
            if (rises >= RISING_NIGHTS) {
                Point from = points.get(n - 1 - rises);
                out.add(String.format(java.util.Locale.ROOT, "%s: %d nights since %s, PSI %.3f → %.3f", name, rises,
                    points.get(n - rises).date(), from.psi(), points.get(n - 1).psi()));
            }
        });
        return out;
    }
}
