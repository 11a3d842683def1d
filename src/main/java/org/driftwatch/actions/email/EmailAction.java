package org.driftwatch.actions.email;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.driftwatch.actions.Trigger;
import org.driftwatch.rules.RuleSection;
import org.driftwatch.rules.Suggestions;

/** {@code actions.email}: who gets the report and for which outcomes. */
public record EmailAction(List<String> to, List<String> cc, Set<Trigger> when) {
    public static final Set<Trigger> DEFAULT_WHEN = EnumSet.of(Trigger.WARN, Trigger.FAIL, Trigger.ERROR);

    public EmailAction {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        when = when.isEmpty() ? EnumSet.noneOf(Trigger.class) : EnumSet.copyOf(when);
    }

    public static EmailAction fromRules(RuleSection s) {
        s.allowOnly(List.of("to", "cc", "when"));
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
        Set<Trigger> when = EnumSet.noneOf(Trigger.class);
        for (String w : s.strings("when").orElse(null) == null ? List.of("warn", "fail", "error") : s.strings("when").get()) {
            if (!Trigger.NAMES.contains(w.toLowerCase())) {
                throw s.error("when", "actions.email.when: unknown outcome '" + w + "'" + Suggestions.hint(w, Trigger.NAMES)
                    + "; use " + String.join(", ", Trigger.NAMES));
            }
            when.add(Trigger.parse(w));
        }
        return new EmailAction(to, cc, when);
    }

    /** The same settings sent to other recipients (the command line's --email-to). */
    public EmailAction to(List<String> recipients) {
        return new EmailAction(recipients, List.of(), when);
    }

    public boolean wants(Trigger t) {
        return when.contains(t);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
