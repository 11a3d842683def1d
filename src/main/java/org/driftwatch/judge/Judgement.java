package org.driftwatch.judge;

import org.driftwatch.checks.Status;

/** What the judge made of a run's findings: its status, the decision, and the words people read. */
public record Judgement(Status status, Decision decision, Explanation explanation) {
}
