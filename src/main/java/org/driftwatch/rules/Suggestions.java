package org.driftwatch.rules;

import java.util.Collection;

/** "Did you mean" hints by edit distance. */
public final class Suggestions {
    private Suggestions() {
    }

    /** " (did you mean 'x'?)" for the nearest candidate within a few edits, else "". */
    public static String hint(String given, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (given.length() >= 3 && c.toLowerCase().startsWith(given.toLowerCase())) {
                return " (did you mean '" + c + "'?)";
            }
            int d = distance(given.toLowerCase(), c.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int limit = Math.max(2, given.length() / 3);
        return best != null && bestDistance <= limit ? " (did you mean '" + best + "'?)" : "";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
