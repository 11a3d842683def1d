package org.driftwatch.judge;

import java.time.LocalDate;
import java.util.List;

/**
 * What the monitor's history says about earlier nights, for look-back rules: per earlier date (before
 * tonight, oldest first) whether its findings breached a counted retrain reason, and whether it ended in a
 * retrain verdict. Empty for a new monitor, or when no history is kept.
 */
public record PastNights(List<Night> nights) {
    public static final PastNights NONE = new PastNights(List.of());

    public record Night(LocalDate date, boolean breached, boolean retrained) {
    }

    public PastNights {
        nights = List.copyOf(nights);
    }

    /** Breaching nights in a row that end the history (the nights right before tonight). */
    int breachingRun() {
        int n = 0;
        for (int i = nights.size() - 1; i >= 0 && nights.get(i).breached(); i--) {
            n++;
        }
        return n;
    }

    /** The latest night that ended in a retrain verdict, or null. */
    public LocalDate lastRetrain() {
        for (int i = nights.size() - 1; i >= 0; i--) {
            if (nights.get(i).retrained()) {
                return nights.get(i).date();
            }
        }
        return null;
    }
}
