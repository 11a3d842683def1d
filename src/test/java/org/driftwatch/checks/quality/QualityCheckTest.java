package org.driftwatch.checks.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.driftwatch.checks.Finding;
import org.driftwatch.checks.Status;
import org.driftwatch.compare.QualityMeasures;
import org.driftwatch.profile.model.QualityMeasure;
import org.driftwatch.profile.model.QualitySide;
import org.driftwatch.profile.quality.FreshnessRule;
import org.driftwatch.profile.quality.RangeTest;
import org.driftwatch.profile.quality.ValueRule;
import org.junit.jupiter.api.Test;

/** The judgement of one constraint from both sides' measures: mostly, max_increase, severity, age, errors. */
class QualityCheckTest {
    private static Constraint range(double mostly, Double maxIncrease, Status severity) {
        return new Constraint(new RangeKind(), new ValueRule("r", "x", 5, new RangeTest(0.0, 1.0)), mostly, maxIncrease, severity, null);
    }

    private static QualityMeasure measure(long checked, long failed) {
        return new QualityMeasure("range", "x", 100, checked, failed, null, null, null, List.of(), null);
    }

    private static Finding judge(Constraint c, QualityMeasure ref, QualityMeasure cur) {
        return QualityCheck.judge(c, new QualityMeasures(new QualitySide(ref == null ? Map.of() : Map.of("r", ref), 0L, null),
            new QualitySide(Map.of(c.name(), cur), 0L, null), LocalDate.parse("2026-03-01")));
    }

    @Test
    void aShareAboveOneMinusMostlyTakesTheSeverity() {
        assertEquals(Status.OK, judge(range(0.9, null, Status.FAIL), measure(10, 0), measure(10, 1)).status(), "10 % is not above 10 %");
        assertEquals(Status.FAIL, judge(range(0.9, null, Status.FAIL), measure(10, 0), measure(100, 11)).status());
        assertEquals(Status.WARN, judge(range(0.9, null, Status.WARN), measure(10, 0), measure(100, 11)).status());
        assertEquals(Status.FAIL, judge(range(1.0, null, Status.FAIL), null, measure(100, 1)).status(), "mostly 1: any failure");
    }

    @Test
    void aRiseAboveMaxIncreaseWarnsBelowTheLimit() {
        Finding f = judge(range(0.9, 0.01, Status.FAIL), measure(100, 1), measure(100, 5));
        assertEquals(Status.WARN, f.status(), f.message());
        assertTrue(f.message().contains("reference 1 %"), f.message());
        assertEquals(Status.OK, judge(range(0.9, 0.05, Status.FAIL), measure(100, 1), measure(100, 5)).status());
        assertEquals(Status.OK, judge(range(0.9, 0.01, Status.FAIL), null, measure(100, 5)).status(), "no reference: nothing to rise from");
    }

    @Test
    void nothingCheckedNeverFailsAndAMissingColumnIsAnError() {
        Finding none = judge(range(1.0, 0.0, Status.FAIL), measure(10, 5), measure(0, 0));
        assertEquals(Status.OK, none.status());
        assertNull(none.value());
        Finding missing = judge(range(1.0, null, Status.FAIL), measure(10, 0),
            QualityMeasure.unmeasurable("range", "x", 100, "column 'x' is not in the data"));
        assertEquals(Status.ERROR, missing.status());
        assertTrue(missing.message().contains("current data: column 'x' is not in the data"), missing.message());
        Finding refMissing = judge(range(1.0, null, Status.FAIL), QualityMeasure.unmeasurable("range", "x", 100, "gone"), measure(10, 0));
        assertEquals(Status.ERROR, refMissing.status());
        assertTrue(refMissing.message().contains("reference data"), refMissing.message());
    }

    @Test
    void freshnessIsJudgedByTheAgeAtTheEndOfTheRunDate() {
        Constraint fresh = new Constraint(new FreshnessKind(), new FreshnessRule("f", "t"), 1.0, null, Status.FAIL, 36.0);
        long midnight = LocalDate.parse("2026-03-02").toEpochDay() * 86_400_000_000L;
        QualityMeasure justInside = new QualityMeasure("freshness", "t", 10, 10, null, null, null, midnight - 36L * 3_600_000_000L,
            List.of(), null);
        QualityMeasure future = new QualityMeasure("freshness", "t", 10, 10, null, null, null, midnight + 3_600_000_000L, List.of(), null);
        QualityMeasure stale = new QualityMeasure("freshness", "t", 10, 10, null, null, null, midnight - 37L * 3_600_000_000L,
            List.of(), null);
        assertEquals(Status.OK, judgeFresh(fresh, justInside).status());
        Finding ahead = judgeFresh(fresh, future);
        assertEquals(Status.OK, ahead.status(), "a latest value in the future is not a failure by itself");
        assertEquals(-1.0, ahead.value(), 1e-12);
        assertEquals(Status.FAIL, judgeFresh(fresh, stale).status());
    }

    private static Finding judgeFresh(Constraint c, QualityMeasure cur) {
        return QualityCheck.judge(c, new QualityMeasures(QualitySide.NONE, new QualitySide(Map.of("f", cur), null, null),
            LocalDate.parse("2026-03-01")));
    }
}
