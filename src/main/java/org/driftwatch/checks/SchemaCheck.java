package org.driftwatch.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.Comparison;
import org.driftwatch.data.ColumnPlan;
import org.driftwatch.rules.RuleSection;

/**
 * Schema changes: a compared column missing from the current data or changing type fails; other
 * reference columns missing or retyped, and new columns when {@code allow_new_columns: false}, warn;
 * categories never seen in the reference warn.
 */
public final class SchemaCheck implements Check {
    private final boolean allowNewColumns;
    private final Double maxUnseenShare;

    public SchemaCheck(boolean allowNewColumns) {
        this(allowNewColumns, null);
    }

    /** @param maxUnseenShare above this share of current values new to the reference a column fails; null: only warn */
    public SchemaCheck(boolean allowNewColumns, Double maxUnseenShare) {
        this.allowNewColumns = allowNewColumns;
        this.maxUnseenShare = maxUnseenShare;
    }

    public static SchemaCheck fromRules(RuleSection s) {
        s.allowOnly(List.of("allow_new_columns", "max_unseen_share"));
        return new SchemaCheck(s.bool("allow_new_columns", true), s.optionalNumber("max_unseen_share", 0, 1).orElse(null));
    }

    /** The most frequent new values with their share of the current values. */
    private static String top(java.util.Map<String, Long> top, ColumnComparison c) {
        long total = 0;
        for (long k : c.categories().current()) {
            total += k;
        }
        long all = total;
        return String.join(", ", top.entrySet().stream().limit(5)
            .map(e -> String.format("%s (%.1f%%)", e.getKey(), 100.0 * e.getValue() / all)).toList());
    }

    @Override
    public DriftKind evidence() {
        return DriftKind.UPSTREAM;
    }

    @Override
    public String name() {
        return "schema";
    }

    @Override
    public List<Finding> evaluate(Comparison comparison) {
        ColumnPlan plan = comparison.plan();
        List<String> compared = new ArrayList<>(plan.numerical());
        compared.addAll(plan.categorical());
        if (plan.id() != null) {
            compared.add(plan.id());
        }
        if (plan.label() != null) {
            compared.add(plan.label());
        }
        List<Finding> out = new ArrayList<>();
        for (String missing : plan.schema().missingInCurrent()) {
            Status s = compared.contains(missing) ? Status.FAIL : Status.WARN;
            out.add(new Finding(name(), missing, s, null, null, "column is missing from the current data").advising(fixAdvice(missing)).unfit());
        }
        for (Map.Entry<String, String[]> e : plan.schema().typeChanges().entrySet()) {
            Status s = compared.contains(e.getKey()) ? Status.FAIL : Status.WARN;
            out.add(new Finding(name(), e.getKey(), s, null, null,
                "type changed from " + e.getValue()[0] + " to " + e.getValue()[1]).advising(fixAdvice(e.getKey())).unfit());
        }
        if (!allowNewColumns) {
            for (String added : plan.schema().newInCurrent()) {
                out.add(new Finding(name(), added, Status.WARN, null, null, "new column in the current data"));
            }
        }
        for (ColumnComparison c : comparison.columns().values()) {
            Double share = c.categories() == null ? null : c.categories().unseenShare();
            if (share != null && share > 0) {
                var u = c.categories().unseen();
                Status s = maxUnseenShare != null && share > maxUnseenShare ? Status.FAIL : Status.WARN;
                out.add(new Finding(name(), c.name(), s, share, maxUnseenShare == null ? 0.0 : maxUnseenShare,
                    String.format("%d values not seen in the reference hold %.1f%% of the current values: %s", u.distinct(), 100 * share,
                        top(u.top(), c))));
            } else if (!c.unseenCategories().isEmpty()) {
                out.add(new Finding(name(), c.name(), Status.WARN, (double) c.unseenCategories().size(), 0.0,
                    c.unseenCategories().size() + " categories not seen in the reference: " + preview(c.unseenCategories())));
            }
        }
        if (out.isEmpty()) {
            out.add(new Finding(name(), null, Status.OK, null, null, "schema unchanged"));
        }
        return out;
    }

    private static String fixAdvice(String column) {
        return "Fix the upstream schema of " + column;
    }

    private static String preview(List<String> xs) {
        return xs.size() <= 5 ? String.join(", ", xs) : String.join(", ", xs.subList(0, 5)) + ", ...";
    }
}
