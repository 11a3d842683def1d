package org.driftwatch.checks.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.driftwatch.checks.Check;
import org.driftwatch.checks.Finding;
import org.driftwatch.checks.ProfileNeeds;
import org.driftwatch.checks.Status;
import org.driftwatch.compare.Comparison;
import org.driftwatch.compare.QualityMeasures;
import org.driftwatch.profile.model.QualityMeasure;
import org.driftwatch.rules.RuleSection;
import org.driftwatch.rules.Suggestions;

/**
 * {@code checks.quality}: the data-quality constraints (Deequ's, Soda's and Great Expectations' shared
 * core), measured on both sides by the scans and judged here, one finding per constraint: its severity when
 * tonight's failing share exceeds {@code 1 − mostly} (freshness: when the latest value is older than
 * {@code max_age_hours}), a warning when the share rose by more than {@code max_increase} over the
 * reference's, else OK. A constraint that cannot be evaluated on a side is an error, named. A failing
 * constraint is a data-quality problem, never a retrain reason.
 */
public final class QualityCheck implements Check {
    public static final String NAME = "quality";
    /** The key of a constraint's finding in {@link Finding#judged}: {@code quality.<name>}. */
    public static final String JUDGED = "quality.";
    static final List<String> COMMON_KEYS = List.of("name", "column", "mostly", "max_increase", "severity", "samples", "blocking");
    static final int DEFAULT_SAMPLES = 5;
    /**
     * A share at its limit is within it: 1 of 10 failing meets mostly 0.9 although 0.1 > 1 − 0.9 in doubles
     * (0.09999999999999998); the allowance is far below any share a count can make.
     */
    static final double AT_LIMIT = 1e-12;
    static final int MAX_SAMPLES = 1000;

    private final List<Constraint> constraints;

    public QualityCheck(List<Constraint> constraints) {
        this.constraints = List.copyOf(constraints);
    }

    public List<Constraint> constraints() {
        return constraints;
    }

    public static QualityCheck fromRules(RuleSection checks) {
        List<Constraint> out = new ArrayList<>();
        Map<String, RuleSection> named = new LinkedHashMap<>();
        for (RuleSection item : checks.sections(NAME)) {
            Constraint c = constraint(item);
            RuleSection earlier = named.putIfAbsent(c.name(), item);
            if (earlier != null) {
                throw item.error("two checks.quality constraints are named '" + c.name() + "'; names must be unique (set name: on one)");
            }
            out.add(c);
        }
        return new QualityCheck(out);
    }

    private static Constraint constraint(RuleSection item) {
        List<String> kinds = ConstraintKinds.keys();
        for (String key : item.keys()) {
            if (!kinds.contains(key) && !COMMON_KEYS.contains(key)) {
                String hint = Suggestions.hint(key, kinds);
                throw item.error(key, true, "unknown key '" + key + "' in a checks.quality item" + (hint.isEmpty()
                    ? Suggestions.hint(key, COMMON_KEYS) : hint) + "; kinds: " + String.join(", ", kinds) + "; other keys: "
                    + String.join(", ", COMMON_KEYS));
            }
        }
        List<ConstraintKind> named = ConstraintKinds.ALL.stream().filter(k -> item.has(k.key())).toList();
        if (named.size() != 1) {
            throw named.isEmpty() ? item.error("a checks.quality item needs one kind of constraint: " + String.join(", ", kinds))
                : item.error(named.get(1).key(), "a checks.quality item is one constraint, but this one names both "
                    + named.get(0).key() + " and " + named.get(1).key() + "; split it in two items");
        }
        ConstraintKind kind = named.get(0);
        String column = item.string("column").orElse(null);
        if (column == null && kind.needsColumn()) {
            throw item.error("checks.quality " + kind.key() + " needs the column it checks (column: ...)");
        }
        String name = item.string("name").orElse(column + "_" + kind.key());
        int samples = item.integer("samples", DEFAULT_SAMPLES, 0, MAX_SAMPLES);
        Double mostly = item.decimal("mostly", 0, 1);
        Double maxIncrease = item.decimal("max_increase", 0, 1);
        String severity = item.string("severity").map(s -> s.toLowerCase(Locale.ROOT)).orElse("fail");
        if (!severity.equals("fail") && !severity.equals("warn")) {
            throw item.error("severity", "unknown severity '" + severity + "'" + Suggestions.hint(severity, List.of("fail", "warn"))
                + "; use fail or warn");
        }
        if (kind.judgedByAge() && (mostly != null || maxIncrease != null)) {
            throw item.error(mostly != null ? "mostly" : "max_increase", "freshness is judged by max_age_hours alone");
        }
        boolean blocking = item.bool("blocking", false);
        if (blocking && severity.equals("warn")) {
            throw item.error("blocking", "a blocking constraint holds retraining when it fails, so its severity must be fail, not warn");
        }
        return new Constraint(kind, kind.rule(item, name, column, samples), mostly == null ? 1.0 : mostly, maxIncrease,
            severity.equals("warn") ? Status.WARN : Status.FAIL, kind.judgedByAge() ? FreshnessKind.maxAgeHours(item) : null, blocking);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void require(ProfileNeeds needs) {
        constraints.forEach(c -> needs.measure(c.rule()));
    }

    @Override
    public List<Finding> evaluate(Comparison comparison) {
        QualityMeasures measured = comparison.quality();
        return constraints.stream().map(c -> judge(c, measured)).toList();
    }

    static Finding judge(Constraint c, QualityMeasures measured) {
        QualityMeasure cur = measured.current(c.name());
        QualityMeasure ref = measured.reference(c.name());
        if (cur == null || cur.error() != null) {
            return finding(c, Status.ERROR, null, null, c.name() + " cannot be evaluated on the current data: "
                + (cur == null ? "it was not measured" : cur.error()));
        }
        if (ref != null && ref.error() != null) {
            return finding(c, Status.ERROR, null, null, c.name() + " cannot be evaluated on the reference data: " + ref.error());
        }
        if (c.kind().judgedByAge()) {
            Double age = measured.ageHours(cur.latestMicros());
            if (age == null) {
                return finding(c, Status.OK, null, c.maxAgeHours(), c.name() + ": no " + c.column() + " values tonight to date the data by");
            }
            Status s = age > c.maxAgeHours() ? c.severity() : Status.OK;
            return finding(c, s, age, c.maxAgeHours(), String.format(Locale.ROOT, "%s: the latest %s is %s hours old, %s %s allowed",
                c.name(), c.column(), hours(age), s == Status.OK ? "within the" : "more than the", hours(c.maxAgeHours())));
        }
        Double share = cur.failedShare();
        double limit = 1.0 - c.mostly();
        if (share == null) {
            return finding(c, Status.OK, null, limit, c.name() + ": nothing to check tonight (no values)");
        }
        Double before = ref == null ? null : ref.failedShare();
        String shares = String.format(Locale.ROOT, "%s: %s of %d %s fail%s", c.name(), percent(share), cur.checked(),
            c.column() == null ? "rows" : "values", before == null ? "" : " (reference " + percent(before) + ")");
        if (share > limit + AT_LIMIT) {
            return finding(c, c.severity(), share, limit, shares + "; at most " + percent(limit) + " may");
        }
        if (c.maxIncrease() != null && before != null && share - before > c.maxIncrease() + AT_LIMIT) {
            return finding(c, Status.WARN, share, limit, shares + "; up " + percent(share - before) + ", more than the "
                + percent(c.maxIncrease()) + " allowed increase");
        }
        return finding(c, Status.OK, share, limit, shares);
    }

    private static Finding finding(Constraint c, Status status, Double value, Double threshold, String message) {
        Finding f = new Finding(NAME, c.column(), status, value, threshold, message).judging(JUDGED + c.name());
        return c.blocking() ? f.unfit() : f;
    }

    static String percent(double share) {
        double p = share * 100;
        return (p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f", p)
            : p < 0.1 ? String.format(Locale.ROOT, "%.3g", p) : String.format(Locale.ROOT, "%.1f", p)) + " %";
    }

    private static String hours(double h) {
        return h == Math.rint(h) ? String.format(Locale.ROOT, "%.0f", h) : String.format(Locale.ROOT, "%.1f", h);
    }

    @Override
    public Map<String, Double> thresholds() {
        return Map.of();
    }
}
