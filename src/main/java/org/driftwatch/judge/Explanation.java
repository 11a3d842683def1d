package org.driftwatch.judge;

import java.util.List;
import org.driftwatch.checks.Status;

/**
 * The judgement in words, shared by the HTML banner, the email subject, the text version, webhooks and
 * progress lines: the night's {@link Outcome} (its word is the banner), a headline that says what changed
 * in people's terms, its parts ({@code changes}, most telling first: the email subject fits what it can of
 * them), the drifted features, the next steps and the kinds of drift present tonight.
 */
public record Explanation(Outcome outcome, String headline, List<String> changes, List<String> drifted, List<String> nextSteps,
                          List<String> driftTypes) {
    public Explanation {
        changes = List.copyOf(changes);
        drifted = List.copyOf(drifted);
        nextSteps = List.copyOf(nextSteps);
        driftTypes = List.copyOf(driftTypes);
    }

    /** The outcome's word: RETRAIN, HELD BACK, FIX DATA, ALERT, WARN or OK. */
    public String word() {
        return outcome.word();
    }

    /** The banner says the same word as the subject, report.json and the trend cells. */
    public String banner() {
        return outcome.word();
    }

    /** The colour family of the banner. */
    public Status level() {
        return outcome.level();
    }

    /** The kinds of drift present, in words ("concept drift P(Y|X)", ...), or "no drift". */
    public String driftTypesLine() {
        return driftTypes.isEmpty() ? "no drift" : String.join(", ", driftTypes);
    }
}
