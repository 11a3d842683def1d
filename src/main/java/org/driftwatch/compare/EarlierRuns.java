package org.driftwatch.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the monitor's metrics history remembers of the runs before tonight, as checks that look back read
 * it: per run date (oldest first) the numbers and words stored per column and metric. Column {@link #RUN}
 * holds the run's own rows (rows_current, status, verdict, breached, ...). Empty for a new monitor or when
 * no history is kept.
 */
public final class EarlierRuns {
    public static final EarlierRuns NONE = new EarlierRuns(List.of());
    public static final String RUN = "_run";

    /** One remembered number (or word) of one earlier run. */
    public record Value(String date, String column, String metric, Double number, String text) {
    }

    /** A night the history holds but could not read (a damaged or foreign file), and why. */
    public record Unreadable(String date, String reason) {
    }

    private final List<String> dates;
    private final List<Unreadable> unreadable;
    private final Map<String, Map<String, Value>> byKey = new HashMap<>();

    public EarlierRuns(List<Value> values) {
        this(values, List.of());
    }

    /** The values read, and the nights wanted but left out because their files could not be read. */
    public EarlierRuns(List<Value> values, List<Unreadable> unreadable) {
        this.unreadable = List.copyOf(unreadable);
        TreeSet<String> d = new TreeSet<>();
        for (Value v : values) {
            d.add(v.date());
            byKey.computeIfAbsent(key(v.column(), v.metric()), k -> new HashMap<>()).put(v.date(), v);
        }
        dates = List.copyOf(d);
    }

    /** The run dates, oldest first. */
    public List<String> dates() {
        return dates;
    }

    /** The nights wanted but not read (damaged files), oldest first; empty when every night was read. */
    public List<Unreadable> unreadable() {
        return unreadable;
    }

    public boolean isEmpty() {
        return dates.isEmpty();
    }

    /** The numbers of one column and metric over the last {@code runs} runs, oldest first; runs without it are left out. */
    public double[] numbers(String column, String metric, int runs) {
        Map<String, Value> m = byKey.getOrDefault(key(column, metric), Map.of());
        List<Double> out = new ArrayList<>();
        for (String date : dates.subList(Math.max(0, dates.size() - runs), dates.size())) {
            Value v = m.get(date);
            if (v != null && v.number() != null && Double.isFinite(v.number())) {
                out.add(v.number());
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The number of one run's column and metric, or null. */
    public Double number(String date, String column, String metric) {
        Value v = byKey.getOrDefault(key(column, metric), Map.of()).get(date);
        return v == null ? null : v.number();
    }

    /** The word of one run's column and metric (a status, a verdict), or null. */
    public String text(String date, String column, String metric) {
        Value v = byKey.getOrDefault(key(column, metric), Map.of()).get(date);
        return v == null ? null : v.text();
    }

    private static String key(String column, String metric) {
        return column + '\u0000' + metric;
    }
}
