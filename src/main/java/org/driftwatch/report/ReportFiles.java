package org.driftwatch.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /** How a report's bytes reach the disk: {@link #FILES} in a run, a failing one in tests of a full disk. */
    public interface Writer {
        Writer FILES = Files::write;

        void write(Path file, byte[] bytes) throws IOException;
    }

    /**
     * Writes a report set so that either every file replaces its predecessor or none does: all files are
     * first written in full beside their targets as temporary files (where a full disk fails, leaving the
     * earlier set untouched), and only then each earlier file is kept under {@code stamp} and the new one
     * renamed into place — renames that write no data.
     */
    public static void writeSet(Map<Path, byte[]> files, String stamp, Writer writer) {
        Map<Path, Path> staged = new LinkedHashMap<>();
        Path dir = null;
        try {
            for (Map.Entry<Path, byte[]> f : files.entrySet()) {
                dir = f.getKey().toAbsolutePath().getParent();
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, "." + f.getKey().getFileName(), ".tmp");
                staged.put(f.getKey(), tmp);
                writer.write(tmp, f.getValue());
                readableByAll(tmp);
            }
            for (Map.Entry<Path, Path> f : staged.entrySet()) {
                keepEarlier(f.getKey(), stamp);
                move(f.getValue(), f.getKey());
            }
        } catch (IOException e) {
            throw new ReportWriteException(dir, e);
        } finally {
            for (Path tmp : staged.values()) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a leftover hidden temp file harms nothing
                }
            }
        }
    }

    /** The reports could not be written: names the folder and the cause; the earlier reports there are unchanged. */
    public static final class ReportWriteException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReportWriteException(Path dir, IOException cause) {
            super("cannot write the reports to " + dir + ": " + reason(cause) + "; the earlier reports there are unchanged", cause);
        }

        private static String reason(IOException e) {
            String m = e.getMessage();
            if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
                return fs.getReason();
            }
            return m == null ? e.getClass().getSimpleName() : m;
        }
    }

    private static void readableByAll(Path file) throws IOException {
        try {
            // reports are for people: readable like any file the user writes, not private like a temp file
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep its defaults
        }
    }

    private static Path keepEarlier(Path target, String stamp) throws IOException {
        if (!Files.exists(target)) {
            return null;
        }
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String when = stamp != null ? stamp : stampOf(target);
        Path dir = target.toAbsolutePath().getParent();
        // two earlier sets from the same second (runs at once) both stay: the later one gets -2, -3, ...
        for (int i = 1; ; i++) {
            Path kept = dir.resolve(name.substring(0, dot) + "." + when + (i == 1 ? "" : "-" + i) + name.substring(dot));
            if (Files.exists(kept)) {
                continue;
            }
            try {
                Files.move(target, kept);
                return kept;
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // another run kept its earlier file under this name a moment ago: try the next
            } catch (java.nio.file.NoSuchFileException gone) {
                return null;   // another run already moved the earlier file away
            }
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
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
            readableByAll(tmp);
            Path kept = keepEarlier ? keepEarlier(target, stamp) : null;
            move(tmp, target);
            return kept;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
