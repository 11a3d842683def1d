package org.driftwatch.actions;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The secrets of one action (tokens, passwords, header values) in every form a server may echo them:
 * raw, base64 (padded and unpadded, alone and as HTTP basic's {@code user:password} and SMTP
 * AUTH PLAIN's {@code \0user\0password}), URL-encoded and JSON-escaped. {@link #scrub} removes them all.
 */
public final class Secrets {
    /** Shorter values are not secrets worth scrubbing (and would mangle ordinary words). */
    static final int MIN_LENGTH = 4;
    private final List<String> forms;

    private Secrets(Set<String> forms) {
        List<String> sorted = new ArrayList<>(forms);
        sorted.sort(Comparator.comparingInt(String::length).reversed());   // longest first: no partial leftovers
        this.forms = List.copyOf(sorted);
    }

    public static Secrets none() {
        return new Secrets(Set.of());
    }

    /** Secret values on their own (tokens, passwords, header values); nulls are ignored. */
    public static Secrets of(List<String> values) {
        return of(null, values);
    }

    /**
     * @param user   the user name that goes with the values in HTTP basic or SMTP auth (not secret itself), or null
     * @param values secret values
     */
    public static Secrets of(String user, List<String> values) {
        Set<String> forms = new LinkedHashSet<>();
        for (String v : values) {
            if (v == null || v.length() < MIN_LENGTH) {
                continue;
            }
            add(forms, v);
            if (user != null) {
                add(forms, user + ":" + v);
                add(forms, "\0" + user + "\0" + v);
                add(forms, user + "\0" + user + "\0" + v);
            }
        }
        return new Secrets(forms);
    }

    private static void add(Set<String> forms, String v) {
        byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
        String b64 = Base64.getEncoder().encodeToString(bytes);
        if (v.indexOf('\0') < 0 && !v.contains(":")) {
            forms.add(v);
            forms.add(URLEncoder.encode(v, StandardCharsets.UTF_8));
            forms.add(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
            forms.add(jsonEscaped(v));
        }
        forms.add(b64);
        forms.add(b64.replaceAll("=+$", ""));
        forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    private static String jsonEscaped(String v) {
        StringBuilder b = new StringBuilder();
        for (char c : v.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '/' -> b.append("\\/");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String f : forms) {
            if (f.length() >= MIN_LENGTH) {
                out = out.replace(f, "****");
            }
        }
        return out;
    }
}
