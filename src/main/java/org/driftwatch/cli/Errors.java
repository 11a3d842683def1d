package org.driftwatch.cli;

import org.driftwatch.data.DataException;
import org.driftwatch.data.DatasetReader;
import org.driftwatch.data.NumericText;
import org.driftwatch.data.ReadErrors;
import org.driftwatch.report.ReportFiles;
import org.driftwatch.rules.RuleException;

/** Maps what went wrong to one line for people and an exit code, in one place. */
final class Errors {
    private Errors() {
    }

    record Classified(int exitCode, String message) {
    }

    static Classified classify(Throwable e) {
        if (e instanceof RuleException) {
            return new Classified(ExitCode.BAD_RULES, e.getMessage());
        }
        if (e instanceof DataException) {
            return new Classified(ExitCode.BAD_DATA, e.getMessage());
        }
        String text = NumericText.messageIn(e);
        if (text != null) {
            return new Classified(ExitCode.BAD_DATA, text);
        }
        if (e instanceof ReportFiles.ReportWriteException) {
            return new Classified(ExitCode.UNEXPECTED, e.getMessage());   // the environment: a full disk, say
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String msg = String.valueOf(t.getMessage());
            String cls = t.getClass().getName();
            if (cls.endsWith("FileNotFoundException") || msg.contains("Malformed records") || msg.contains("MALFORMED_RECORD")
                || msg.contains("PATH_NOT_FOUND") || msg.contains("UNABLE_TO_INFER_SCHEMA") || msg.contains("CANNOT_READ_FILE")
                || cls.endsWith("SparkFileNotFoundException") || msg.contains("is not a Parquet file")) {
                return new Classified(ExitCode.BAD_DATA, "cannot read input data: " + ReadErrors.describe(e));
            }
        }
        return new Classified(ExitCode.UNEXPECTED, "unexpected error: " + DatasetReader.firstLine(e)
            + " (set DRIFTWATCH_DEBUG=1 for the stack trace)");
    }
}
