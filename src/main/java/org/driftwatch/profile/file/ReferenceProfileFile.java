package org.driftwatch.profile.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.driftwatch.data.DataException;
import org.driftwatch.profile.model.ProfileRequest;
import org.driftwatch.profile.model.ReferenceProfile;

/**
 * A saved {@link ReferenceProfile} with where it came from: the rule file and monitor, the reference
 * data, its schema and a fingerprint of it, a fingerprint of its files (names, sizes, times), the
 * columns profiled and the settings that shape the profile. A run refuses a profile that does not fit
 * its rules or its reference data.
 */
public record ReferenceProfileFile(int formatVersion, String driftwatchVersion, String createdAt, String rulesFile,
                                   String monitor, String referenceSource, String schemaJson, String schemaFingerprint,
                                   String filesFingerprint,
                                   List<String> numerical, List<String> categorical, String id, int psiBins,
                                   int valueTableLimit, double insideShare, ReferenceProfile profile) {
    public static final int FORMAT_VERSION = ProfileCodec.FORMAT_VERSION;
    /** FastDoubleParser reads the layout's numbers (most of the file) correctly rounded, as Double.parseDouble does. */
    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
        .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    public ReferenceProfileFile {
        numerical = List.copyOf(numerical);
        categorical = List.copyOf(categorical);
    }

    public StructType schema() {
        return (StructType) DataType.fromJson(schemaJson);
    }

    public static String fingerprint(StructType schema) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(schema.json().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same file holding another profile. */
    public ReferenceProfileFile withProfile(ReferenceProfile other) {
        return new ReferenceProfileFile(formatVersion, driftwatchVersion, createdAt, rulesFile, monitor, referenceSource, schemaJson,
            schemaFingerprint, filesFingerprint, numerical, categorical, id, psiBins, valueTableLimit, insideShare, other);
    }

    /** The file's bytes, written by the explicit serialiser ({@link ProfileCodec}, format 2). */
    public byte[] bytes() {
        return bytes(null);
    }

    /** The file's bytes, signed with {@code key} ({@code DRIFTWATCH_PROFILE_KEY}) when one is given. */
    public byte[] bytes(byte[] key) {
        try {
            return ProfileCodec.write(this, key);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the reference profile", e);
        }
    }

    /**
     * Reads a saved profile, field by field: format 2 (its checksum verified), or format 1 as driftwatch
     * 0.1 wrote it; then checks that its counts are consistent. A newer format, a checksum mismatch or an
     * inconsistent profile is refused with one line naming the file.
     */
    public static ReferenceProfileFile read(Path file) {
        return read(file, null);
    }

    /** As {@link #read(Path)}; with a {@code key}, a profile without a matching keyed signature is refused too. */
    public static ReferenceProfileFile read(Path file, byte[] key) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": reference profile not found (write one with: driftwatch profile --rules FILE --out " + file + ")");
        } catch (IOException | RuntimeException e) {
            throw new DataException(file + ": not a driftwatch reference profile (" + firstLine(e.getMessage()) + ")");
        }
        JsonNode version = root == null ? null : root.has("format_version") ? root.get("format_version") : root.get("formatVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new DataException(file + ": not a driftwatch reference profile (no format_version)");
        }
        ReferenceProfileFile read = switch (version.asInt()) {
            case ProfileCodec.FORMAT_VERSION -> ProfileCodec.read(root, new FieldReader(file), key);
            case ProfileV1Reader.FORMAT_VERSION -> {
                if (key != null) {
                    throw new DataException(file + ": reference profile format 1 carries no keyed signature, but DRIFTWATCH_PROFILE_KEY is set;"
                        + " write it again with driftwatch profile");
                }
                yield ProfileV1Reader.read(root, new FieldReader(file));
            }
            default -> throw new DataException(file + ": reference profile format " + version.asInt() + " is not one this driftwatch"
                + " reads (1 or " + FORMAT_VERSION + "); write it again with: driftwatch profile --rules FILE --out " + file);
        };
        ProfileValidator.validate(file, read);
        return read;
    }

    /**
     * Refuses the profile when it was made for another monitor or other settings, lacks a column the
     * run compares, or (when the reference data can still be seen) its data's schema has changed since.
     */
    public void checkFits(Path file, String monitor, ProfileRequest request, StructType currentReferenceSchema,
                          String currentFilesFingerprint) {
        checkFits(file, monitor, request, currentReferenceSchema, currentFilesFingerprint, null);
    }

    /** As above; {@code currentReferenceSource}, the reference the rules name now, says so when the data differs because the path does. */
    public void checkFits(Path file, String monitor, ProfileRequest request, StructType currentReferenceSchema,
                          String currentFilesFingerprint, String currentReferenceSource) {
        if (!this.monitor.equals(monitor)) {
            throw new DataException(file + ": reference profile is for monitor '" + this.monitor + "', not '" + monitor + "'");
        }
        if (psiBins != request.psiBins() || valueTableLimit != request.valueTableLimit()) {
            throw new DataException(file + ": reference profile was made with " + psiBins + " PSI bins, the rules want "
                + request.psiBins() + "; write it again with driftwatch profile");
        }
        for (String c : request.numerical()) {
            if (!numerical.contains(c)) {
                throw new DataException(file + ": reference profile has no numerical column '" + c + "' (it has "
                    + String.join(", ", numerical) + "); write it again with driftwatch profile");
            }
        }
        for (String c : request.categorical()) {
            if (!categorical.contains(c)) {
                throw new DataException(file + ": reference profile has no categorical column '" + c + "'; write it again with driftwatch profile");
            }
        }
        boolean schemaDiffers = currentReferenceSchema != null && !fingerprint(currentReferenceSchema).equals(schemaFingerprint);
        boolean filesDiffer = filesFingerprint != null && currentFilesFingerprint != null && !filesFingerprint.equals(currentFilesFingerprint);
        if ((schemaDiffers || filesDiffer) && currentReferenceSource != null && !currentReferenceSource.equals(referenceSource)) {
            throw new DataException(file + ": the profile was made from " + referenceSource + ", but the rules name the reference "
                + currentReferenceSource + "; write the profile again with driftwatch profile, or use the profile of " + currentReferenceSource);
        }
        if (schemaDiffers) {
            throw new DataException(file + ": the reference data " + referenceSource + " no longer has the schema the profile was made from"
                + " (fingerprint " + schemaFingerprint.substring(0, 12) + " vs " + fingerprint(currentReferenceSchema).substring(0, 12)
                + "); write the profile again with driftwatch profile");
        }
        if (filesDiffer) {
            throw new DataException(file + ": the reference data " + referenceSource + " was rewritten after the profile was made"
                + " (its files changed); write the profile again with driftwatch profile");
        }
    }

    private static String firstLine(String s) {
        return s == null ? "unreadable" : s.lines().findFirst().orElse(s);
    }
}
