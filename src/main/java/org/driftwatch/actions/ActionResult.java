package org.driftwatch.actions;

import java.util.List;

/** What an action did, recorded in report.json under {@code actions}. */
public record ActionResult(String action, Outcome outcome, List<String> recipients, int attempts, String message) {
    public ActionResult {
        recipients = List.copyOf(recipients);
    }

    public enum Outcome {
        SENT, TRIGGERED, WRITTEN, ALREADY_DONE, SKIPPED, FAILED;

        public String json() {
            return name().toLowerCase();
        }
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
