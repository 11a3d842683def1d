package org.driftwatch.judge;

import org.driftwatch.checks.Status;

/**
 * What the judge made of a run's findings: its status, the decision, the words people read, and whether
 * tonight breached a counted retrain reason (the history remembers it for look-back rules, whether or not
 * the look-back let it retrain).
 */
public record Judgement(Status status, Decision decision, Explanation explanation, boolean breached) {
    public Judgement(Status status, Decision decision, Explanation explanation) {
        this(status, decision, explanation, decision.retrain());
    }

    /** What the night was, in the words every output uses. */
    public Outcome outcome() {
        return explanation.outcome();
    }
}
