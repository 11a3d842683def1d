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

    /** @param dataUnfit the night's data failed a check that holds retraining: it neither counts towards a streak nor ends one */
    public record Night(LocalDate date, boolean breached, boolean retrained, boolean dataUnfit) {
        public Night(LocalDate date, boolean breached, boolean retrained) {
            this(date, breached, retrained, false);
        }
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
     * Breaching nights in a row that end the history (the nights right before tonight). A night that could
     * not be read ends the run: a streak is counted only over nights known to breach. A night whose data
     * was unfit is passed over: broken data says nothing about drift either way.
     */
    int breachingRun() {
        return (int) streak().stream().filter(n -> !n.dataUnfit()).count();
    }

    /**
     * The retrain the current streak already made, or null: a streak retrains once, so {@code consecutive: 3}
     * without a cooldown does not retrain again on its 4th, 5th ... night; a night without a breach starts a
     * new count.
     */
    LocalDate streakRetrain() {
        return streak().stream().filter(Night::retrained).map(Night::date).findFirst().orElse(null);
    }

    /** The nights of the breaching run that ends the history, latest first (unfit nights included, passed over). */
    private List<Night> streak() {
        LocalDate lastUnread = unreadable.stream().max(LocalDate::compareTo).orElse(LocalDate.MIN);
        List<Night> out = new java.util.ArrayList<>();
        for (int i = nights.size() - 1; i >= 0; i--) {
            Night night = nights.get(i);
            if (!night.date().isAfter(lastUnread) || (!night.breached() && !night.dataUnfit())) {
                break;
            }
            out.add(night);
        }
        return out;
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
