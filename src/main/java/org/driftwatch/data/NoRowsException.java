package org.driftwatch.data;

/** A dataset with columns but no rows; the stage that knows where the data came from names it. */
public final class NoRowsException extends DataException {
    private static final long serialVersionUID = 1L;
    private final String role;

    public NoRowsException(String role) {
        super(role + " data has no rows");
        this.role = role;
    }

    public boolean reference() {
        return role.equals("reference");
    }

    /** The same problem, naming the data's source. */
    public DataException naming(String source) {
        return new DataException(role + " data " + source + ": no rows (only a header, or every file is empty)");
    }
}
