package org.driftwatch.judge;

import java.time.LocalDate;
import java.util.List;

/**
 * What the monitor's history says about earlier nights, for look-back rules: per earlier date (before
 * tonight, oldest first) whether its findings breached a counted retrain reason, and whether it ended in a
 * retrain verdict. Empty for a new monitor, or when no history is kept.
 */
public record PastNights(List<Night> nights, List<LocalDate> unreadable) {
    public static final PastNights NONE = new PastNights(List.of());

    public record Night(LocalDate date, boolean breached, boolean retrained) {
    }

    public PastNights(List<Night> nights) {
        this(nights, List.of());
    }

    /** @param unreadable nights the history holds but could not read: they neither breach nor retrain, and end a run */
    public PastNights {
        nights = List.copyOf(nights);
        unreadable = List.copyOf(unreadable);
    }

    /**
     * Breaching nights in a row that end the history (the nights right before tonight), counted since the
     * last retrain: a retrain starts a new count, so {@code consecutive: 3} retrains once per three breaching
     * nights, not every night after the third. A night that could not be read ends the run too: a streak is
     * counted only over nights known to breach.
     */
    int breachingRun() {
        LocalDate lastUnread = unreadable.stream().max(LocalDate::compareTo).orElse(LocalDate.MIN);
        int n = 0;
        for (int i = nights.size() - 1; i >= 0; i--) {
            Night night = nights.get(i);
            if (!night.breached() || night.retrained() || !night.date().isAfter(lastUnread)) {
                break;
            }
            n++;
        }
        return n;
    }

    /** How many nights the look-back read, said when some could not be: "" when every night was read. */
    String readNote() {
        if (unreadable.isEmpty()) {
            return "";
        }
        return " (" + nights.size() + " of " + (nights.size() + unreadable.size()) + " earlier nights could be read from the history;"
            + " unreadable: " + String.join(", ", unreadable.stream().map(LocalDate::toString).toList()) + ")";
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
