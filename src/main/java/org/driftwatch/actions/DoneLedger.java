package org.driftwatch.actions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.driftwatch.report.ReportFiles;

/**
 * {@code actions-done.json} beside a run's reports: which one-off actions (a retrain trigger) have
 * already been carried out for this monitor and date, so a rerun never repeats them.
 */
public final class DoneLedger {
    static final String FILE = "actions-done.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public DoneLedger(Path reportDirectory) {
        this.file = reportDirectory.resolve(FILE);
    }

    /** When the action was done, if it was. */
    public Optional<String> doneAt(String key) {
        ObjectNode all = read();
        return all.has(key) ? Optional.of(all.get(key).path("at").asText()) : Optional.empty();
    }

    public synchronized void record(String key, String detail) {
        ObjectNode all = read();
        all.putObject(key).put("at", Instant.now().toString()).put("detail", detail);
        try {
            ReportFiles.rewriteAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode read() {
        if (!Files.exists(file)) {
            return JSON.createObjectNode();
        }
        try {
            return (ObjectNode) JSON.readTree(file.toFile());
        } catch (IOException | ClassCastException e) {
            return JSON.createObjectNode();
        }
    }
}
