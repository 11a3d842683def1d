package org.driftwatch.judge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.driftwatch.checks.DriftKind;
import org.driftwatch.checks.Finding;
import org.driftwatch.checks.RetrainReason;
import org.driftwatch.checks.Status;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.Comparison;

/**
 * The judge stage, between check and report: the one place that turns a run's findings into its status,
 * the decision (verdict, reasons, retrain columns) and the words people read. It reads what a finding
 * says of itself (status, retrain reason, advice), never which check made it.
 */
public final class Judge {
    private final RetrainPolicy policy;

    public Judge(RetrainPolicy policy) {
        this.policy = policy;
    }

    public Judgement judge(Comparison comparison, List<Finding> findings) {
        return judge(comparison, findings, PastNights.NONE, null);
    }

    /**
     * With look-back rules ({@code consecutive}, {@code cooldown_days}) a breaching night retrains only after
     * enough breaching nights in a row and not within the cooldown after the last retrain; otherwise it is an
     * alert whose first reason says why ("2nd of 3 required nights", "in cooldown until 2026-12-08").
     */
    public Judgement judge(Comparison comparison, List<Finding> findings, PastNights past, LocalDate tonight) {
        Status status = findings.stream().map(Finding::status).reduce(Status.OK, Status::worst);
        Map<RetrainReason, List<Finding>> counted = countedReasons(findings);
        List<Finding> unfit = findings.stream().filter(Finding::blocksRetrain).toList();
        if (!unfit.isEmpty()) {
            return unfitData(comparison, findings, status, unfit, counted);
        }
        Decision decision = counted.isEmpty() ? alert(findings) : retrain(counted);
        boolean breached = !counted.isEmpty();
        String heldBack = breached && tonight != null ? heldBack(past, tonight) : null;
        if (heldBack != null) {
            List<Decision.Reason> reasons = new ArrayList<>();
            reasons.add(new Decision.Reason("look_back", null, null, null, heldBack));
            reasons.addAll(decision.reasons());
            decision = new Decision(Verdict.ALERT, reasons, List.of());
        }
        Outcome outcome = Outcome.of(decision.verdict(), false, breached, status);
        Explanation words = explain(comparison, findings, status, outcome, decision);
        if (heldBack != null) {
            List<String> steps = new ArrayList<>();
            steps.add("No retrain tonight: " + heldBack + "; retrain by hand if it cannot wait.");
            words.nextSteps().stream().filter(step -> !step.startsWith("No action needed")).forEach(steps::add);
            words = new Explanation(outcome, words.headline() + "; " + heldBack, words.changes(), words.drifted(), steps, words.driftTypes());
        }
        return new Judgement(status, decision, words, breached);
    }

    /**
     * Tonight's data failed a check that makes it unfit to retrain on: no retrain starts, whatever drifted.
     * The verdict is an alert that names the failures first; the retrain reasons are kept as held (they would
     * retrain once the data is good), and the night does not count towards a {@code consecutive} streak.
     */
    private Judgement unfitData(Comparison comparison, List<Finding> findings, Status status, List<Finding> unfit,
                                Map<RetrainReason, List<Finding>> counted) {
        List<Decision.Reason> reasons = new ArrayList<>();
        unfit.forEach(f -> reasons.add(new Decision.Reason(Decision.DATA_UNFIT, f.column(), f.value(), f.threshold(),
            Wording.unfit(f))));
        alert(findings).reasons().stream().filter(r -> unfit.stream().noneMatch(f -> f.message().equals(r.message()))).forEach(reasons::add);
        List<Decision.Reason> held = counted.isEmpty() ? List.of() : retrain(counted).reasons();
        Decision decision = new Decision(Verdict.ALERT, reasons, List.of(), held);
        Explanation plain = explain(comparison, findings, status, Outcome.FIX_DATA, decision);
        List<String> steps = new ArrayList<>();
        unfit.forEach(f -> steps.add("Fix the data first: " + Wording.unfit(f)
            + (f.advice() == null ? "" : " (" + Character.toLowerCase(f.advice().charAt(0)) + f.advice().substring(1) + ")") + "."));
        steps.add("Then rerun this night" + (held.isEmpty() ? "." : "; until the data is good no retrain starts, and these retrain reasons"
            + " are held: " + String.join("; ", held.stream().map(Decision.Reason::message).toList()) + "."));
        String headline = "tonight's data is not fit to retrain on: " + Wording.unfit(unfit.get(0))
            + (unfit.size() > 1 ? " (and " + (unfit.size() - 1) + " more)" : "")
            + (held.isEmpty() ? "" : "; retrain held until the data is good");
        Explanation words = new Explanation(Outcome.FIX_DATA, headline, plain.changes(), plain.drifted(), steps, plain.driftTypes());
        return new Judgement(status, decision, words, false);
    }

    /** Why tonight's breach does not retrain yet, or null when it does. */
    private String heldBack(PastNights past, LocalDate tonight) {
        LocalDate last = past.lastRetrain();
        if (policy.cooldownDays() > 0 && last != null && !tonight.isAfter(last.plusDays(policy.cooldownDays() - 1L))) {
            return "retrain reasons hold, but retraining is in cooldown " + until(last.plusDays(policy.cooldownDays()))
                + " (last retrain " + last + ", cooldown_days " + policy.cooldownDays() + ")" + past.readNote();
        }
        LocalDate streakRetrain = policy.consecutive() > 1 ? past.streakRetrain() : null;
        if (streakRetrain != null) {
            return "retrain reasons hold, but this run of breaching nights already retrained on " + streakRetrain
                + " (one retrain per run of consecutive nights; a night without them starts a new count)" + past.readNote();
        }
        int run = past.breachingRun() + 1;
        if (run < policy.consecutive()) {
            return "retrain reasons hold for the " + ordinal(run) + " of " + policy.consecutive() + " required nights in a row" + past.readNote();
        }
        return null;
    }

    /** "until 2026-12-08"; run dates have four-digit years, so a cooldown past 9999 is said as such, not "+10000-01-06". */
    private static String until(LocalDate end) {
        return end.getYear() > 9999 ? "beyond 9999-12-31" : "until " + end;
    }

    private static String ordinal(int n) {
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    private Map<RetrainReason, List<Finding>> countedReasons(List<Finding> findings) {
        Map<RetrainReason, List<Finding>> byReason = new EnumMap<>(RetrainReason.class);
        for (Finding f : findings) {
            if (f.retrainReason() != null) {
                byReason.computeIfAbsent(f.retrainReason(), r -> new ArrayList<>()).add(f);
            }
        }
        byReason.entrySet().removeIf(e -> !policy.counts(e.getKey(), e.getValue().size()));
        return byReason;
    }

    private static Decision retrain(Map<RetrainReason, List<Finding>> counted) {
        List<Decision.Reason> reasons = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        counted.forEach((reason, fs) -> fs.forEach(f -> {
            reasons.add(new Decision.Reason(reason.key(), f.column(), f.value(), f.threshold(), Wording.reason(reason, f)));
            if (f.column() != null) {
                columns.add(f.column());
            }
        }));
        return new Decision(Verdict.RETRAIN, reasons, List.copyOf(columns));
    }

    private static Decision alert(List<Finding> findings) {
        List<Decision.Reason> reasons = findings.stream().filter(f -> !f.ok())
            .map(f -> new Decision.Reason(f.check(), f.column(), f.value(), f.threshold(), f.message())).toList();
        return new Decision(reasons.isEmpty() ? Verdict.OK : Verdict.ALERT, reasons, List.of());
    }

    private static Explanation explain(Comparison comparison, List<Finding> findings, Status status, Outcome outcome, Decision decision) {
        Set<String> drifted = new LinkedHashSet<>();
        findings.stream().filter(f -> f.retrainReason() == RetrainReason.PSI_FAIL).forEach(f -> drifted.add(f.column()));
        comparison.columns().values().stream().filter(c -> c.drift().detected()).map(ColumnComparison::name).forEach(drifted::add);
        List<String> changes = Wording.changes(comparison, decision, findings, CHANGES);
        Finding masked = findings.stream().filter(f -> f.kind() == DriftKind.MASKED && !f.ok())
            .max(java.util.Comparator.comparing(Finding::status)).orElse(null);
        if (masked != null && !decision.retrain() && drifted.isEmpty()) {
            // the whole data looks fine: the segment is the news, said first and once
            String segment = masked.message().replace(" (masked drift: the whole column did not drift)", "");
            List<String> rest = changes.stream().filter(c -> !c.equals(masked.message())).toList();
            changes = new ArrayList<>();
            changes.add("masked drift in a segment: " + segment);
            changes.addAll(rest.subList(0, Math.min(rest.size(), CHANGES - 1)));
        }
        String headline = Wording.headline(changes, findings, drifted.size(), comparison.columns().size());
        return new Explanation(outcome, headline, changes, List.copyOf(drifted),
            Wording.nextSteps(decision, findings, status, changes), driftTypes(findings, !drifted.isEmpty()));
    }

    /** The most changes a headline names: more is a list, not a headline. */
    static final int CHANGES = 3;

    /**
     * The kinds of drift present: a kind counts when one of its findings failed (data drift also when a
     * feature's drift test detected drift). A performance drop is concept drift when the features did not
     * drift, and a drop with data drift when they did.
     */
    static List<String> driftTypes(List<Finding> findings, boolean featuresDrifted) {
        Set<DriftKind> kinds = java.util.EnumSet.noneOf(DriftKind.class);
        findings.stream().filter(f -> f.kind() != null && f.status().compareTo(Status.FAIL) >= 0).forEach(f -> kinds.add(f.kind()));
        if (featuresDrifted) {
            kinds.add(DriftKind.DATA);
        }
        List<String> out = new ArrayList<>();
        if (kinds.contains(DriftKind.PERFORMANCE)) {
            out.add(kinds.contains(DriftKind.DATA) ? "performance drop with data drift" : "concept drift P(Y|X)");
        }
        for (DriftKind k : kinds) {
            if (k != DriftKind.PERFORMANCE) {
                out.add(k.words());
            }
        }
        return out;
    }
}
