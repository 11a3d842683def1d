package org.driftwatch.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every text an output writes is bounded, so one absurd value (a 50 MB category, an id of a million
 * characters) cannot make reports of hundreds of megabytes. Data values are kept whole in the profile and
 * the statistics; only what is written is cut: a text longer than {@link #MOST} characters keeps its first
 * {@link #KEPT}, an ellipsis and its full length ("ZZZ…ZZ… (5,000,001 characters)"). Field names (category
 * names in {@code shares}, values in {@code top}) are cut at {@link #KEPT}, with a short hash when two cut
 * names of one object would otherwise be equal.
 */
public final class BoundedText {
    /** The longest text written whole: findings' messages and paths fit, a runaway value does not. */
    public static final int MOST = 1000;
    /** What a cut text keeps of its start. */
    public static final int KEPT = 200;

    private BoundedText() {
    }

    /** The text as written: itself up to {@link #MOST} characters, else its start, an ellipsis and its length. */
    public static String of(String text) {
        return text == null || text.length() <= MOST ? text : cut(text);
    }

    /** A name (a category, a value used as a key) as written: cut beyond {@link #KEPT} characters. */
    public static String name(String text) {
        return text == null || text.length() <= KEPT ? text : cut(text);
    }

    private static String cut(String text) {
        int end = Character.isHighSurrogate(text.charAt(KEPT - 1)) ? KEPT - 1 : KEPT;   // never half a character
        return text.substring(0, end) + String.format("… (%,d characters)", text.length());
    }

    /** The JSON tree with every text value and field name bounded (in place for arrays, rebuilt objects keep their order). */
    public static JsonNode tree(JsonNode node) {
        if (node instanceof ObjectNode o) {
            boolean renamed = false;
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            o.fields().forEachRemaining(fields::add);
            Map<String, JsonNode> bounded = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> f : fields) {
                String key = name(f.getKey());
                if (!key.equals(f.getKey())) {
                    renamed = true;
                    if (bounded.containsKey(key)) {
                        key = key + " #" + Integer.toHexString(f.getKey().hashCode());
                    }
                }
                bounded.put(key, tree(f.getValue()));
            }
            if (renamed) {
                o.removeAll();
            }
            bounded.forEach(o::set);
            return o;
        }
        if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, tree(a.get(i)));
            }
            return a;
        }
        if (node instanceof TextNode t && t.textValue().length() > MOST) {
            return TextNode.valueOf(of(t.textValue()));
        }
        return node;
    }
}
