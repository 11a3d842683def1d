package org.driftwatch.actions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What every action runs with: the environment its secrets come from, the progress log, and the shared
 * ways of running (HTTP backoff, one-off actions recorded in the ledger, every outcome logged).
 */
public record ActionContext(Map<String, String> env, Consumer<String> log, FailingRows failingRows) {
    public ActionContext(Map<String, String> env, Consumer<String> log) {
        this(env, log, null);
    }

    public ActionResult logged(ActionResult r) {
        log.accept(r.action() + " " + r.outcome().json().replace('_', ' ') + ": " + r.message());
        return r;
    }

    /**
     * Runs a one-off action unless the ledger says it was done for this monitor and date (under its key,
     * or any older key it had); records it under the first key.
     */
    public ActionResult once(DoneLedger ledger, List<String> keys, String action, List<String> target, Supplier<ActionResult> act) {
        String key = keys.get(0);
        Optional<String> at = keys.stream().map(ledger::doneAt).flatMap(Optional::stream).findFirst();
        if (at.isPresent()) {
            return logged(new ActionResult(action, ActionResult.Outcome.ALREADY_DONE, target, 0,
                "already done for this monitor and date at " + at.get() + " (" + DoneLedger.FILE + "); not repeated"));
        }
        ActionResult r = act.get();
        if (r.outcome() == ActionResult.Outcome.TRIGGERED || r.outcome() == ActionResult.Outcome.SENT
            || r.outcome() == ActionResult.Outcome.ALREADY_DONE) {
            ledger.record(key, r.message());
        }
        return logged(r);
    }

    /** Retries of HTTP deliveries: {@code DRIFTWATCH_HTTP_ATTEMPTS} (4) with {@code DRIFTWATCH_HTTP_BACKOFF_MS} (1000) between. */
    public Backoff httpBackoff() {
        return new Backoff(intEnv("DRIFTWATCH_HTTP_ATTEMPTS", 4, 1, 10), Duration.ofMillis(intEnv("DRIFTWATCH_HTTP_BACKOFF_MS", 1000, 0, 600_000)));
    }

    private int intEnv(String key, int fallback, int min, int max) {
        try {
            int v = Integer.parseInt(env.getOrDefault(key, String.valueOf(fallback)).strip());
            return Math.max(min, Math.min(max, v));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
