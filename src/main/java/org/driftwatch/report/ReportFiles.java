package org.driftwatch.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Report files are written to a temporary file beside the target and renamed into place, so a reader
 * never sees half a report. An earlier report at the same place is kept under a timestamped name.
 */
public final class ReportFiles {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private ReportFiles() {
    }

    /** Where the reports of a run go: {@code <root>/<monitor>/<date>/}. */
    public static Path directory(Path root, String monitor, String date) {
        return root.resolve(monitor).resolve(date);
    }

    /**
     * Makes sure the report folder can be written before any work starts, creating nothing: the nearest
     * existing folder on its path must be a writable folder, and every name still to be made must fit the
     * file system (255 bytes). A problem is one line naming the path.
     */
    public static void checkWritable(Path dir, String what) {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            String name = existing.getFileName() == null ? "" : existing.getFileName().toString();
            if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
                throw new org.driftwatch.rules.RuleException(null, what + " " + dir + " cannot be created: the name '"
                    + name.substring(0, 40) + "…' is longer than the file system allows");
            }
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new org.driftwatch.rules.RuleException(null, what + " " + dir + " cannot be created: " + existing + " is a file");
        }
        if (!Files.isWritable(existing)) {
            throw new org.driftwatch.rules.RuleException(null, what + " " + dir + " is not writable: " + existing + " is read-only");
        }
    }

    /** @return the name an earlier file was kept under, or null when there was none */
    public static Path writeAtomically(Path target, byte[] bytes) throws IOException {
        return writeAtomically(target, bytes, true, null);
    }

    /**
     * As {@link #writeAtomically(Path, byte[])}, keeping an earlier file under {@code stamp} (one stamp
     * for all the files of a report set, so an earlier run's files keep matching names).
     */
    public static Path writeAtomically(Path target, byte[] bytes, String stamp) throws IOException {
        return writeAtomically(target, bytes, true, stamp);
    }

    /** Replaces a file this run wrote itself (no copy of it is kept). */
    public static void rewriteAtomically(Path target, byte[] bytes) throws IOException {
        writeAtomically(target, bytes, false, null);
    }

    /** The stamp an earlier file at this place is kept under: its modification time, UTC. */
    public static String stampOf(Path earlier) throws IOException {
        return Files.exists(earlier) ? STAMP.format(Files.getLastModifiedTime(earlier).toInstant()) : null;
    }

    private static Path writeAtomically(Path target, byte[] bytes, boolean keepEarlier, String stamp) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                // reports are for people: readable like any file the user writes, not private like a temp file
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep its defaults
            }
            Path kept = null;
            if (keepEarlier && Files.exists(target)) {
                String name = target.getFileName().toString();
                int dot = name.lastIndexOf('.');
                String when = stamp != null ? stamp : stampOf(target);
                String stamped = name.substring(0, dot) + "." + when + name.substring(dot);
                kept = dir.resolve(stamped);
                Files.move(target, kept, StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return kept;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
