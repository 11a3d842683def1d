package org.driftwatch.judge;

import java.util.Locale;
import org.driftwatch.checks.Status;

/**
 * What a night was, in the one vocabulary every output uses: the email subject and the banner say its
 * {@link #word()}, report.json {@code decision.outcome} and the history its {@link #json()}, a trend cell
 * its {@link #letter()}. The coarser {@link Verdict} (retrain, alert, ok) stays what the DAG branches on.
 */
public enum Outcome {
    /** Retrain reasons hold and the look-back rules let them: a retrain starts. */
    RETRAIN("RETRAIN", "R", "↻", Status.FAIL, "retrain reasons hold; a retrain starts"),
    /** Tonight's data failed a check that holds every retrain (volume, required nulls, schema, a blocking constraint). */
    FIX_DATA("FIX DATA", "D", "✖", Status.FAIL, "the data failed a check that holds every retrain; fix it and rerun the night"),
    /** Retrain reasons hold, but the look-back rules hold the retrain (a streak still short, a cooldown, retrained already). */
    HELD_BACK("HELD BACK", "H", "⏸", Status.WARN, "retrain reasons hold, but the look-back rules hold the retrain"),
    /** A check failed that is neither a retrain reason nor a data failure: a person should look. */
    ALERT("ALERT", "A", "▲", Status.FAIL, "a check failed that starts no retrain; look at it"),
    /** Something moved towards a limit; nothing failed. */
    WARN("WARN", "W", "⚠", Status.WARN, "something moved towards a limit; watch it"),
    /** Every check passed. */
    OK("OK", "OK", "✔", Status.OK, "every check passed");

    private final String word;
    private final String letter;
    private final String mark;
    private final Status level;
    private final String meaning;

    Outcome(String word, String letter, String mark, Status level, String meaning) {
        this.word = word;
        this.letter = letter;
        this.mark = mark;
        this.level = level;
        this.meaning = meaning;
    }

    /** The word people read first: subject, banner, text part, progress line. */
    public String word() {
        return word;
    }

    /** The word in report.json, webhooks, the Airflow conf and the history: "held_back", "fix_data". */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A trend cell's letter, readable without its colour. */
    public String letter() {
        return letter;
    }

    /** The banner's mark: no two outcomes share one, so a held-back night does not look like a retrain. */
    public String mark() {
        return mark;
    }

    /** The colour family of the banner and the trend cell. */
    public Status level() {
        return level;
    }

    /** What the outcome means, for titles and the README's table. */
    public String meaning() {
        return meaning;
    }

    /**
     * The outcome of a judged night, from what the history keeps of it too: its verdict, whether its data was
     * unfit, whether a counted retrain reason breached, and its status.
     */
    public static Outcome of(Verdict verdict, boolean dataUnfit, boolean breached, Status status) {
        if (verdict == Verdict.RETRAIN) {
            return RETRAIN;
        }
        if (dataUnfit) {
            return FIX_DATA;
        }
        if (breached) {
            return HELD_BACK;
        }
        if (status == null) {
            return verdict == Verdict.OK ? OK : ALERT;
        }
        return switch (status) {
            case OK -> OK;
            case WARN -> WARN;
            case FAIL, ERROR -> ALERT;
        };
    }

    /** {@link #of(Verdict, boolean, boolean, Status)} from the history's words; null verdict or status when it lacks them. */
    public static Outcome of(String verdict, boolean dataUnfit, boolean breached, String status) {
        Verdict v = verdict == null ? Verdict.ALERT : Verdict.valueOf(verdict.toUpperCase(Locale.ROOT));
        Status s = status == null ? null : Status.valueOf(status.toUpperCase(Locale.ROOT));
        return of(v, dataUnfit, breached, s);
    }
}
