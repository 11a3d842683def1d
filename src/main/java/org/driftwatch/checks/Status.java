package org.driftwatch.checks;

/** Outcome of a check, in increasing severity. */
public enum Status {
    OK, WARN, FAIL, ERROR;

    public static Status worst(Status a, Status b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public String json() {
        return name().toLowerCase();
    }
}
