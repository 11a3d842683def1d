package org.driftwatch.actions.email;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * SMTP server settings, from the environment only (never from rule files, never written anywhere):
 * {@code DRIFTWATCH_SMTP_HOST}, {@code _PORT}, {@code _USER}, {@code _PASSWORD}, {@code _TLS}
 * ({@code none} | {@code starttls} | {@code smtps}), {@code DRIFTWATCH_MAIL_FROM}; optionally
 * {@code DRIFTWATCH_SMTP_TRUST_HOSTS} (hosts whose certificate is accepted unverified: internal relays
 * with self-signed certificates), {@code DRIFTWATCH_SMTP_ATTEMPTS} (3) and
 * {@code DRIFTWATCH_SMTP_BACKOFF_MS} (1000, doubled after each failed attempt) and
 * {@code DRIFTWATCH_MAIL_MAX_BYTES} (the most a report email's parts may weigh before encoding,
 * {@link ReportEmail#MOST_BYTES} by default: what the server accepts, less a quarter for base64).
 */
public record SmtpSettings(String host, int port, String user, String password, Tls tls, String from,
                           List<String> trustedHosts, int attempts, Duration backoff, long maxBytes) {
    public enum Tls { NONE, STARTTLS, SMTPS }

    /** A setting that is missing or malformed. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    public static SmtpSettings fromEnvironment(Map<String, String> env) throws Invalid {
        String host = env.get("DRIFTWATCH_SMTP_HOST");
        if (host == null || host.isBlank()) {
            throw new Invalid("DRIFTWATCH_SMTP_HOST is not set (the SMTP server to send the report through)");
        }
        String from = env.get("DRIFTWATCH_MAIL_FROM");
        if (from == null || from.isBlank()) {
            throw new Invalid("DRIFTWATCH_MAIL_FROM is not set (the sender address of report emails)");
        }
        Tls tls;
        try {
            tls = Tls.valueOf(env.getOrDefault("DRIFTWATCH_SMTP_TLS", "starttls").toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new Invalid("DRIFTWATCH_SMTP_TLS must be none, starttls or smtps, not '" + env.get("DRIFTWATCH_SMTP_TLS") + "'");
        }
        int defaultPort = tls == Tls.SMTPS ? 465 : tls == Tls.STARTTLS ? 587 : 25;
        int port = integer(env, "DRIFTWATCH_SMTP_PORT", defaultPort, 1, 65535);
        String user = blankToNull(env.get("DRIFTWATCH_SMTP_USER"));
        String password = blankToNull(env.get("DRIFTWATCH_SMTP_PASSWORD"));
        if ((user == null) != (password == null)) {
            throw new Invalid("set both DRIFTWATCH_SMTP_USER and DRIFTWATCH_SMTP_PASSWORD, or neither");
        }
        List<String> trusted = Arrays.stream(env.getOrDefault("DRIFTWATCH_SMTP_TRUST_HOSTS", "").split(","))
            .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new SmtpSettings(host, port, user, password, tls, from, trusted,
            integer(env, "DRIFTWATCH_SMTP_ATTEMPTS", 3, 1, 10),
            Duration.ofMillis(integer(env, "DRIFTWATCH_SMTP_BACKOFF_MS", 1000, 0, 600_000)),
            integer(env, "DRIFTWATCH_MAIL_MAX_BYTES", (int) ReportEmail.MOST_BYTES, 10_000, 200_000_000));
    }

    private static int integer(Map<String, String> env, String key, int fallback, int min, int max) throws Invalid {
        String v = env.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int i = Integer.parseInt(v.strip());
            if (i < min || i > max) {
                throw new Invalid(key + " must be between " + min + " and " + max + ", not " + v);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new Invalid(key + " must be a number, not '" + v + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Never print the password. */
    @Override
    public String toString() {
        return "smtp://" + (user == null ? "" : user + "@") + host + ":" + port + " (" + tls.name().toLowerCase() + ")";
    }
}
