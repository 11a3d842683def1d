package org.driftwatch.data;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark's read failures in one line a person can act on: the file it names anywhere in the chain of
 * causes, and the innermost cause ("Malformed CSV record: 3,4,5", "… is not a Parquet file"), without
 * Spark's error-class prefix, SQLSTATE suffix or the job-abort wrapper around them.
 */
public final class ReadErrors {
    private static final Pattern FILE = Pattern.compile("while reading file (\\S+?)\\.?(\\s|$)");
    private static final Pattern ERROR_CLASS = Pattern.compile("^\\[[A-Z0-9_.]+]\\s*");
    private static final Pattern SQLSTATE = Pattern.compile("\\s*SQLSTATE: \\w+\\s*$");
    static final int MAX = 300;

    private ReadErrors() {
    }

    public static String describe(Throwable e) {
        String file = null;
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String msg = t.getMessage();
            if (msg == null || msg.isBlank()) {
                continue;
            }
            Matcher m = FILE.matcher(msg);
            if (file == null && m.find()) {
                file = m.group(1);
            }
            root = t;
        }
        String cause = clean(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
        String out = file != null && !cause.contains(file) ? file + ": " + cause : cause;
        return out.length() > MAX ? out.substring(0, MAX) + "…" : out;
    }

    private static String clean(String message) {
        String first = message.strip().split("\n")[0];
        return SQLSTATE.matcher(ERROR_CLASS.matcher(first).replaceFirst("")).replaceFirst("").strip();
    }
}
