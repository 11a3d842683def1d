package org.driftwatch.actions;

import java.util.List;
import org.driftwatch.report.DriftReport;
import org.driftwatch.report.html.HtmlReport;

/**
 * One action of a run, as its {@link ActionKind} built it from the rule file: it decides only whether it
 * fires (from the judged report, never by re-judging) and how it runs, and says what happened.
 */
public interface Action {
    /** What it did about a judged report whose files are written; empty when it does not fire and says nothing. */
    List<ActionResult> onReport(Judged judged, ActionContext context);

    /** What it did about a run that failed before it had a report. */
    default List<ActionResult> onError(String monitor, String date, String message, ActionContext context) {
        return List.of();
    }

    /**
     * The judged report as actions read it: the model, the HTML (for the email body), report.json's bytes
     * and path, and the ledger of one-off actions done for this monitor and date.
     */
    record Judged(DriftReport report, HtmlReport html, byte[] json, String reportPath, DoneLedger ledger) {
    }
}
