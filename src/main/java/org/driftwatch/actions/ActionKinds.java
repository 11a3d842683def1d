package org.driftwatch.actions;

import java.util.List;
import org.driftwatch.actions.email.ReportMailing;

/** The registered kinds of action, in the order a run carries them out: mail first, then triggers, then webhooks. */
public final class ActionKinds {
    public static final List<ActionKind> ALL = List.of(new QuarantineAction.Kind(), new ReportMailing.Kind(), new AirflowTrigger.Kind(), new Webhook.Kind());

    private ActionKinds() {
    }

    public static List<String> keys() {
        return ALL.stream().map(ActionKind::key).toList();
    }
}
