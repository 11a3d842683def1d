package org.driftwatch.judge;

import java.util.List;
import org.driftwatch.checks.Status;

/**
 * The judgement in words, shared by the HTML banner, the email subject, the text version, webhooks and
 * progress lines: one word (RETRAIN, FAIL, WARN, OK), a banner, a headline that names the reasons,
 * the drifted features, the next steps and the kinds of drift present tonight.
 */
public record Explanation(String word, String banner, Status level, String headline, List<String> drifted,
                          List<String> nextSteps, List<String> driftTypes) {
    public Explanation {
        drifted = List.copyOf(drifted);
        nextSteps = List.copyOf(nextSteps);
        driftTypes = List.copyOf(driftTypes);
    }

    /** The kinds of drift present, in words ("concept drift P(Y|X)", ...), or "no drift". */
    public String driftTypesLine() {
        return driftTypes.isEmpty() ? "no drift" : String.join(", ", driftTypes);
    }
}
