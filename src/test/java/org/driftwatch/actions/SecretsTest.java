package org.driftwatch.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {
    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyEncodingOfAPasswordIsScrubbed() {
        String pw = "p@ss/w\"rd+1";
        Secrets s = Secrets.of("mailer", List.of(pw));
        List<String> forms = List.of(pw, b64(pw), b64(pw).replace("=", ""), b64("mailer:" + pw), b64("mailer:" + pw).replace("=", ""),
            b64("\0mailer\0" + pw), URLEncoder.encode(pw, StandardCharsets.UTF_8), "p@ss\\/w\\\"rd+1");
        for (String f : forms) {
            String out = s.scrub("535 auth failed for " + f + " (try again)");
            assertFalse(out.contains(f), f + " -> " + out);
            assertEquals("535 auth failed for **** (try again)", out, f);
        }
    }

    @Test
    void shortValuesAndNullsAreNotSecrets() {
        assertEquals("abc ok", Secrets.of(List.of("abc")).scrub("abc ok"));
        assertEquals("text", Secrets.of(java.util.Arrays.asList((String) null)).scrub("text"));
        assertEquals(null, Secrets.none().scrub(null));
    }
}
