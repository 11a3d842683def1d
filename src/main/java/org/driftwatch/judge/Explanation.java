package org.driftwatch.judge;

import java.util.List;
import org.driftwatch.checks.Status;

/**
 * The judgement in words, shared by the HTML banner, the email subject, the text version, webhooks and
 * progress lines: one word (RETRAIN, FAIL, WARN, OK), a banner, a headline that names the reasons,
 * the drifted features and the next steps.
 */
public record Explanation(String word, String banner, Status level, String headline, List<String> drifted,
                          List<String> nextSteps) {
    public Explanation {
        drifted = List.copyOf(drifted);
        nextSteps = List.copyOf(nextSteps);
    }
}
