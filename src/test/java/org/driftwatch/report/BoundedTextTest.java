package org.driftwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedTextTest {
    @Test
    void shortTextIsWrittenWholeAndLongTextKeepsItsStartAndLength() {
        String message = "m".repeat(BoundedText.MOST);
        assertSame(message, BoundedText.of(message));
        assertEquals("x".repeat(200) + "… (1,001 characters)", BoundedText.of("x".repeat(1001)));
        assertEquals("y".repeat(200) + "… (201 characters)", BoundedText.name("y".repeat(201)));
        assertEquals(null, BoundedText.of(null));
    }

    @Test
    void neverHalfACharacter() {
        String emoji = "a".repeat(199) + "😀".repeat(600);   // the 200th char is a high surrogate
        String cut = BoundedText.of(emoji);
        assertTrue(cut.startsWith("a".repeat(199) + "…"), cut.substring(0, 210));
    }

    @Test
    void jsonNamesAndValuesAreBoundedAndCutNamesStayApart() {
        ObjectNode root = new ObjectMapper().createObjectNode();
        ObjectNode shares = root.putObject("shares");
        shares.put("a", 0.5);
        shares.put("Z".repeat(5000) + "1", 0.25);
        shares.put("Z".repeat(5000) + "2", 0.25);
        root.putArray("samples").add("Q".repeat(5000)).add("ok");
        root.put("message", "fine");
        JsonNode bounded = BoundedText.tree(root);
        List<String> names = new ArrayList<>();
        bounded.get("shares").fieldNames().forEachRemaining(names::add);
        assertEquals(3, names.size());
        assertEquals("a", names.get(0), "order kept");
        assertTrue(names.get(1).endsWith("… (5,001 characters)") && names.get(2).contains("… (5,001 characters) #"), names.toString());
        assertEquals(0.25, bounded.get("shares").get(names.get(2)).asDouble());
        assertEquals("Q".repeat(200) + "… (5,000 characters)", bounded.get("samples").get(0).asText());
        assertEquals("ok", bounded.get("samples").get(1).asText());
        assertEquals("fine", bounded.get("message").asText());
    }
}
