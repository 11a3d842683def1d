package org.driftwatch.profile.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.driftwatch.data.DataException;
import org.driftwatch.profile.model.ReferenceProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profiles users keep on disk: the checked-in files (the example's reference, written once by
 * driftwatch 0.1 as format 1 and once as format 2) must go on reading, to the same profile.
 */
class ReferenceProfileFileTest {
    static final Path V1 = Path.of("src/test/resources/profiles/seattle-weather-v1.json");
    static final Path V2 = Path.of("src/test/resources/profiles/seattle-weather-v2.json");

    @TempDir
    Path tmp;

    @Test
    void formatTwoReadsItsFields() {
        ReferenceProfileFile f = ReferenceProfileFile.read(V2);
        assertEquals("seattle-weather", f.monitor());
        assertEquals(List.of("precipitation", "temp_max", "temp_min", "wind"), f.numerical());
        assertEquals(List.of("weather"), f.categorical());
        assertEquals(10, f.psiBins());
        assertEquals(366, f.profile().rows());
        ReferenceProfile.NumericReference tempMax = f.profile().numeric().get("temp_max");
        assertEquals(9, tempMax.innerEdges().length);
        assertEquals(366, java.util.Arrays.stream(tempMax.bins()).sum());
        assertEquals(366, java.util.Arrays.stream(tempMax.layout().count()).sum());
        assertEquals(366L, f.profile().categorical().get("weather").values().stream().mapToLong(Long::longValue).sum());
        assertTrue(f.schema().fieldNames().length == 6);
        assertEquals(366, java.util.Arrays.stream(tempMax.all().counts()).sum(), "a small reference keeps its value tables");
    }

    @Test
    void formatOneFromDriftwatchZeroOneReadsToTheSameProfile() {
        ReferenceProfile one = ReferenceProfileFile.read(V1).profile();
        ReferenceProfile two = ReferenceProfileFile.read(V2).profile();
        assertEquals(two.rows(), one.rows());
        assertEquals(two.numeric().keySet(), one.numeric().keySet());
        for (String name : two.numeric().keySet()) {
            ReferenceProfile.NumericReference a = one.numeric().get(name);
            ReferenceProfile.NumericReference b = two.numeric().get(name);
            assertEquals(b.summary(), a.summary(), name);
            assertArrayEquals(b.innerEdges(), a.innerEdges(), name);
            assertArrayEquals(b.bins(), a.bins(), name);
            assertEquals(b.median(), a.median(), name);
            assertArrayEquals(b.layout().min(), a.layout().min(), name);
            assertArrayEquals(b.layout().count(), a.layout().count(), name);
            assertArrayEquals(b.layout().insideOffsetSum(), a.layout().insideOffsetSum(), name);
            assertArrayEquals(b.few() == null ? null : b.few().values(), a.few() == null ? null : a.few().values(), name);
        }
        assertEquals(two.categorical(), one.categorical());
        assertEquals(two.nonNull(), one.nonNull());
        assertEquals(two.idBitmap(), one.idBitmap());
    }

    @Test
    void writingAndReadingAgainGivesTheSameBytes() throws Exception {
        ReferenceProfileFile f = ReferenceProfileFile.read(V2);
        Path copy = tmp.resolve("copy.json");
        Files.write(copy, f.bytes());
        assertArrayEquals(f.bytes(), ReferenceProfileFile.read(copy).bytes());
        assertArrayEquals(Files.readAllBytes(V2), f.bytes(), "the checked-in file is exactly what this version writes");
    }

    @Test
    void analyzersMetricsAreKeptByNameAndReadBack() throws Exception {
        ReferenceProfileFile f = ReferenceProfileFile.read(V2);
        java.util.Map<String, Double> fields = new java.util.LinkedHashMap<>();
        fields.put("outside", 12.0);
        fields.put("values", 366.0);
        ReferenceProfileFile with = f.withProfile(f.profile().withAnalyzed(java.util.Map.of("wind_outside_range", fields)));
        Path copy = tmp.resolve("analyzed.json");
        Files.write(copy, with.bytes());
        assertEquals(java.util.Map.of("wind_outside_range", fields), ReferenceProfileFile.read(copy).profile().analyzed());
        assertEquals(java.util.Map.of(), f.profile().analyzed(), "a profile written without analyzers has none");
    }

    @Test
    void aBrokenFieldIsOneLineNamingIt() throws IOException {
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, Files.readString(V1).replace("\"psiBins\":10", "\"psiBins\":\"ten\""));
        DataException e = assertThrows(DataException.class, () -> ReferenceProfileFile.read(broken));
        assertTrue(e.getMessage().startsWith(broken + ": not a valid reference profile: 'psiBins' must be a whole number"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void anEditedProfileFailsItsChecksum() throws IOException {
        Path edited = tmp.resolve("edited.json");
        Files.writeString(edited, Files.readString(V2).replaceFirst("\"rows\" : 366", "\"rows\" : 5"));
        DataException e = assertThrows(DataException.class, () -> ReferenceProfileFile.read(edited));
        assertTrue(e.getMessage().startsWith(edited + ": not a valid reference profile: its content does not match its content_sha256"),
            e.getMessage());
        Path spaced = tmp.resolve("spaced.json");
        Files.writeString(spaced, Files.readString(V2).replace(" : ", ":"));
        assertEquals(366, ReferenceProfileFile.read(spaced).profile().rows(), "whitespace is not content");
    }

    @Test
    void anInconsistentProfileIsRefusedEvenWithAMatchingChecksum() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(V2.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("profile").get("categorical").get("weather")).put("rain", -3);
        root.remove("content_sha256");
        root.put("content_sha256", java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
            .digest(json.writeValueAsBytes(root.deepCopy().without("content_sha256")))));
        Path forged = tmp.resolve("forged.json");
        Files.write(forged, json.writeValueAsBytes(root));
        DataException e = assertThrows(DataException.class, () -> ReferenceProfileFile.read(forged));
        assertTrue(e.getMessage().contains("reference profile is inconsistent: categorical.weather count of 'rain' must be positive"),
            e.getMessage());
        Path fewRows = tmp.resolve("few-rows.json");
        Files.writeString(fewRows, Files.readString(V1).replace("\"rows\":366", "\"rows\":5"));
        DataException rows = assertThrows(DataException.class, () -> ReferenceProfileFile.read(fewRows));
        assertTrue(rows.getMessage().contains("summary counts add up to 366, not the 5 rows"), rows.getMessage());
    }

    @Test
    void aNewerFormatIsRefusedWithTheCommandThatRewritesIt() throws IOException {
        Path future = tmp.resolve("future.json");
        Files.writeString(future, "{\"format_version\": 3}");
        DataException e = assertThrows(DataException.class, () -> ReferenceProfileFile.read(future));
        assertTrue(e.getMessage().contains("format 3 is not one this driftwatch reads") && e.getMessage().contains("driftwatch profile"),
            e.getMessage());
        Path junk = tmp.resolve("junk.json");
        Files.writeString(junk, "[1, 2]");
        assertTrue(assertThrows(DataException.class, () -> ReferenceProfileFile.read(junk)).getMessage().contains("no format_version"));
        assertNull(ReferenceProfileFile.read(V1).profile().numeric().get("wind").all(), "format 1 has no value tables");
    }
}
