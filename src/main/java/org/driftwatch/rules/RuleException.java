package org.driftwatch.rules;

/** A mistake in a rule file, located at file:line:column when the position is known. */
public class RuleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RuleException(String location, String message) {
        super(location == null ? message : location + ": " + message);
    }
}
