package org.driftwatch.data;

/** Input data that cannot be used: missing, unreadable, empty, or of the wrong type. */
public class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }
}
