package org.driftwatch.actions;

import java.util.List;
import java.util.Locale;
import org.driftwatch.checks.Status;

/** When an action fires: the run's status (ok, warn, fail) or a run that ended in error. */
public enum Trigger {
    OK, WARN, FAIL, ERROR;

    public static final List<String> NAMES = List.of("ok", "warn", "fail", "error");

    public static Trigger of(Status status) {
        return switch (status) {
            case OK -> OK;
            case WARN -> WARN;
            case FAIL -> FAIL;
            case ERROR -> ERROR;
        };
    }

    public static Trigger parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
