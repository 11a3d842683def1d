package org.driftwatch.compare;

import org.driftwatch.profile.model.QualityMeasure;
import org.driftwatch.profile.model.QualitySide;

/**
 * The data-quality constraints as both sides' scans measured them (see {@code profile.quality}); the
 * reference's may come from a saved profile, which may lack a constraint added since.
 */
public record QualityMeasures(QualitySide reference, QualitySide current, java.time.LocalDate runDate) {
    public static final QualityMeasures NONE = new QualityMeasures(QualitySide.NONE, QualitySide.NONE, null);

    public QualityMeasures(QualitySide reference, QualitySide current) {
        this(reference, current, null);
    }

    /** The same measures as of a run date (the day freshness is judged on). */
    public QualityMeasures on(java.time.LocalDate date) {
        return new QualityMeasures(reference, current, date);
    }

    /**
     * Hours from an instant (microseconds since the epoch) to 00:00 UTC of the day after the run date; null
     * without an instant or a run date.
     */
    public Double ageHours(Long latestMicros) {
        if (latestMicros == null || runDate == null) {
            return null;
        }
        long end = runDate.plusDays(1).toEpochDay() * 86_400_000_000L;
        return (end - latestMicros) / 3.6e9;
    }

    public QualityMeasures {
        reference = reference == null ? QualitySide.NONE : reference;
        current = current == null ? QualitySide.NONE : current;
    }

    /** A constraint's measure on the reference, or null when that side was not measured for it. */
    public QualityMeasure reference(String name) {
        return reference.measure(name);
    }

    public QualityMeasure current(String name) {
        return current.measure(name);
    }
}
