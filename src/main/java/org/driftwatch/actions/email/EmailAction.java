package org.driftwatch.actions.email;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.driftwatch.checks.Status;
import org.driftwatch.rules.RuleSection;
import org.driftwatch.rules.Suggestions;

/**
 * {@code actions.email}: who gets the report and for which outcomes — the report's status
 * (ok, warn, fail) or {@code error}, a run that ended without a report — and after how many runs in a row
 * with such a status ({@code consecutive}, 1 to {@link org.driftwatch.report.Trends#NIGHTS}, counted in the
 * metrics history), so one noisy night sends nothing.
 */
public record EmailAction(List<String> to, List<String> cc, Set<Status> when, int consecutive) {
    public static final Set<Status> DEFAULT_WHEN = EnumSet.of(Status.WARN, Status.FAIL, Status.ERROR);
    static final List<String> OUTCOMES = List.of("ok", "warn", "fail", "error");

    public EmailAction {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        when = when.isEmpty() ? EnumSet.noneOf(Status.class) : EnumSet.copyOf(when);
    }

    public EmailAction(List<String> to, List<String> cc, Set<Status> when) {
        this(to, cc, when, 1);
    }

    public static EmailAction fromRules(RuleSection s) {
        s.allowOnly(List.of("to", "cc", "when", "consecutive"));
        List<String> to = s.strings("to").orElse(List.of());
        List<String> cc = s.strings("cc").orElse(List.of());
        if (to.isEmpty()) {
            throw s.error("actions.email needs at least one address under 'to'");
        }
        for (String a : concat(to, cc)) {
            if (!a.matches("[^@\\s]+@[^@\\s]+")) {
                throw s.error(to.contains(a) ? "to" : "cc", "'" + a + "' is not an email address");
            }
        }
        Set<Status> when = EnumSet.noneOf(Status.class);
        for (String w : s.strings("when").orElse(null) == null ? List.of("warn", "fail", "error") : s.strings("when").get()) {
            if (!OUTCOMES.contains(w.toLowerCase(Locale.ROOT))) {
                throw s.error("when", "actions.email.when: unknown outcome '" + w + "'" + Suggestions.hint(w, OUTCOMES)
                    + "; use " + String.join(", ", OUTCOMES));
            }
            when.add(Status.valueOf(w.toUpperCase(Locale.ROOT)));
        }
        return new EmailAction(to, cc, when, s.integer("consecutive", 1, 1, org.driftwatch.report.Trends.NIGHTS));
    }

    /** The same settings sent to other recipients (the command line's --email-to). */
    public EmailAction to(List<String> recipients) {
        return new EmailAction(recipients, List.of(), when, consecutive);
    }

    public boolean wants(Status t) {
        return when.contains(t);
    }

    /** The statuses of {@code when} as the report writes them. */
    public Set<String> whenWords() {
        return when.stream().map(Status::json).collect(java.util.stream.Collectors.toSet());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
