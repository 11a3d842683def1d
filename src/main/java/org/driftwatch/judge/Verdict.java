package org.driftwatch.judge;

import java.util.Locale;

/**
 * What a run means for the model: {@code retrain} (a retrain reason the rules count was found),
 * {@code alert} (any other warning or failed check), or {@code ok}.
 */
public enum Verdict {
    RETRAIN, ALERT, OK;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
