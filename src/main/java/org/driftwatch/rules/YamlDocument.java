package org.driftwatch.rules;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A YAML file read into plain maps, lists and scalars, remembering where each key and value stood
 * so that every validation error can name file:line:column.
 */
final class YamlDocument {
    private final String file;
    private final Object root;
    private final Map<String, String> positions;
    /** The text of every number and boolean as written ({@code 3.10}, {@code 1e-05}), by path. */
    private final Map<String, String> texts;

    private YamlDocument(String file, Object root, Map<String, String> positions, Map<String, String> texts) {
        this.file = file;
        this.root = root;
        this.positions = positions;
        this.texts = texts;
    }

    static YamlDocument empty(String file) {
        return new YamlDocument(file, Map.of(), Map.of(), Map.of());
    }

    static YamlDocument read(Path path) {
        String file = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new RuleException(file, "rule file not found");
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             JsonParser parser = new YAMLFactory().createParser(reader)) {
            Map<String, String> positions = new HashMap<>();
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new RuleException(file, "rule file is empty");
            }
            Map<String, String> texts = new HashMap<>();
            Object root = readValue(parser, "", positions, texts, file);
            return new YamlDocument(file, root, positions, texts);
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
                throw new RuleException(at(file, jpe.getLocation()), "not valid YAML: " + jpe.getOriginalMessage().split("\n")[0]);
            }
            throw new RuleException(file, "cannot read rule file: " + msg);
        }
    }

    private static Object readValue(JsonParser p, String path, Map<String, String> positions, Map<String, String> texts, String file)
        throws IOException {
        positions.put(path, at(file, p.currentTokenLocation()));
        JsonToken t = p.currentToken();
        if (t.isScalarValue() && t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NULL) {
            texts.put(path, p.getText());
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    String child = path + "/" + key;
                    String keyPos = at(file, p.currentTokenLocation());
                    if (map.containsKey(key)) {
                        throw new RuleException(keyPos, "duplicate key '" + key + "'");
                    }
                    p.nextToken();
                    map.put(key, readValue(p, child, positions, texts, file));
                    positions.put(child + "#key", keyPos);
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(readValue(p, path + "/" + i++, positions, texts, file));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new RuleException(at(file, p.currentTokenLocation()), "unexpected " + t);
        }
    }

    private static String at(String file, JsonLocation loc) {
        return loc == null ? file : file + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    }

    String file() {
        return file;
    }

    Object root() {
        return root;
    }

    /** file:line:column of the value at a slash path such as {@code /checks/psi/bins}. */
    String positionOf(String path) {
        String p = path;
        while (!positions.containsKey(p) && p.contains("/")) {
            p = p.substring(0, p.lastIndexOf('/'));
        }
        return positions.getOrDefault(p, file);
    }

    /** The scalar at a path as the file spells it (a string as it is), or null. */
    String textOf(String path, Object value) {
        return value instanceof String s ? s : texts.getOrDefault(path, value == null ? null : String.valueOf(value));
    }

    String positionOfKey(String path) {
        return positions.getOrDefault(path + "#key", positionOf(path));
    }
}
