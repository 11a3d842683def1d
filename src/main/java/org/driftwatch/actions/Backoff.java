package org.driftwatch.actions;

import java.time.Duration;
import java.util.function.Consumer;

/** A bounded number of attempts with a wait that doubles after each failure. */
public record Backoff(int attempts, Duration firstWait) {
    /** One try: returns the result, or throws {@link Retryable} to try again (other exceptions end it). */
    public interface Attempt<T> {
        T run(int attempt) throws Retryable;
    }

    /** A failure worth another attempt (timeouts, refused connections, 5xx). */
    public static final class Retryable extends Exception {
        private static final long serialVersionUID = 1L;

        public Retryable(String message) {
            super(message);
        }
    }

    /** The last failure when every attempt failed. */
    public static final class Exhausted extends Exception {
        private static final long serialVersionUID = 1L;
        private final int attempts;

        Exhausted(String message, int attempts) {
            super(message);
            this.attempts = attempts;
        }

        public int attempts() {
            return attempts;
        }
    }

    public <T> T run(String what, Attempt<T> attempt, Consumer<String> log) throws Exhausted {
        long wait = firstWait.toMillis();
        String last = null;
        for (int i = 1; i <= attempts; i++) {
            try {
                return attempt.run(i);
            } catch (Retryable e) {
                last = e.getMessage();
                log.accept(what + " attempt " + i + " of " + attempts + " failed: " + last);
                if (i < attempts) {
                    sleep(wait);
                    wait *= 2;
                }
            }
        }
        throw new Exhausted(last, attempts);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
