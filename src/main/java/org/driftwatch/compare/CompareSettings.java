package org.driftwatch.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.driftwatch.data.ColumnPlan;
import org.driftwatch.rules.RuleException;
import org.driftwatch.rules.RuleSection;
import org.driftwatch.rules.RuleSet;
import org.driftwatch.rules.Suggestions;

/**
 * Settings that shape every statistic of a run, whichever checks judge them: the rule file's
 * {@code compare:} section. Before it existed, {@code psi_bins} sat under {@code checks.psi.bins} and
 * the others under {@code checks.drift}; those keys are still read, with a deprecation line, so that
 * switching a check off never changes the statistics.
 *
 * @param tests        per-column drift test chosen instead of {@link DriftTestChoice}'s default
 * @param deprecations lines to show the user about old keys still in use
 * @param exactValues  numeric values per side (rows × numeric columns) up to which KS and Wasserstein come
 *                     from one shuffle of value tables; above it from the reference's cells
 * @param finishingScans above {@code exactValues}, the most finishing rounds (a scan of each side) that make
 *                     KS and Wasserstein exact where the raw reference is read; 0 keeps them bounded
 */
public record CompareSettings(int psiBins, int minCount, int maxCategories, double datasetShare,
                              Map<String, DriftTest> tests, List<String> deprecations, String correction,
                              long exactValues, int finishingScans) {
    /** Multiple-testing corrections of the p-value drift tests across a run's columns. */
    public static final List<String> CORRECTIONS = List.of("none", "bh", "bonferroni");

    public CompareSettings(int psiBins, int minCount, int maxCategories, double datasetShare, Map<String, DriftTest> tests,
                           List<String> deprecations) {
        this(psiBins, minCount, maxCategories, datasetShare, tests, deprecations, "none", DEFAULT_EXACT_VALUES, DEFAULT_FINISHING_SCANS);
    }

    public static final int DEFAULT_BINS = 10;
    public static final int DEFAULT_MIN_COUNT = 30;
    public static final int DEFAULT_MAX_CATEGORIES = 1000;
    public static final double DEFAULT_DATASET_SHARE = 0.5;
    /** The exact path's shuffle of every numeric value pays below this; the cells and finishing scans above. */
    public static final long DEFAULT_EXACT_VALUES = org.driftwatch.profile.model.ProfileRequest.EXACT_VALUES;
    /** Enough rounds for columns without drift (the ECDFs cross everywhere) at 10M rows × 20 columns. */
    public static final int DEFAULT_FINISHING_SCANS = org.driftwatch.profile.model.ProfileRequest.FINISH_ROUNDS;
    static final List<String> KEYS = List.of("psi_bins", "min_count", "max_categories", "dataset_share", "tests", "correction",
        "exact_values", "finishing_scans");

    public CompareSettings {
        tests = Map.copyOf(tests);
        deprecations = List.copyOf(deprecations);
    }

    /** Columns whose drift test (compare.tests) is an ECDF statistic: the profile makes those exact where it can. */
    public java.util.Set<String> ecdfJudged() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        tests.forEach((column, test) -> {
            if (org.driftwatch.stats.EcdfStatistics.ALL.stream().anyMatch(s -> s.name().equals(test.key()))) {
                out.add(column);
            }
        });
        return out;
    }

    public static CompareSettings defaults() {
        return new CompareSettings(DEFAULT_BINS, DEFAULT_MIN_COUNT, DEFAULT_MAX_CATEGORIES, DEFAULT_DATASET_SHARE, Map.of(), List.of());
    }

    public static CompareSettings fromRules(RuleSet rules) {
        RuleSection compare = rules.compare();
        compare.allowOnly(KEYS);
        List<String> deprecations = new ArrayList<>();
        Legacy legacy = new Legacy(compare, deprecations);
        int bins = legacy.integer("psi_bins", "psi", "bins", DEFAULT_BINS, 2, 1000, rules);
        int minCount = legacy.integer("min_count", "drift", "min_count", DEFAULT_MIN_COUNT, 1, Integer.MAX_VALUE, rules);
        int maxCategories = legacy.integer("max_categories", "drift", "max_categories", DEFAULT_MAX_CATEGORIES, 2, 100_000, rules);
        double share = legacy.number("dataset_share", "drift", "dataset_share", DEFAULT_DATASET_SHARE, 0, 1, rules);
        String correction = compare.string("correction").orElse("none").toLowerCase(java.util.Locale.ROOT);
        if (!CORRECTIONS.contains(correction)) {
            throw compare.error("correction", "unknown compare.correction '" + correction + "'" + Suggestions.hint(correction, CORRECTIONS)
                + "; use none, bh (Benjamini–Hochberg) or bonferroni");
        }
        long exactValues = compare.integer("exact_values", (int) DEFAULT_EXACT_VALUES, 0, Integer.MAX_VALUE);
        int finishing = compare.integer("finishing_scans", DEFAULT_FINISHING_SCANS, 0, 64);
        return new CompareSettings(bins, minCount, maxCategories, share, tests(compare), deprecations, correction, exactValues, finishing);
    }

    private static Map<String, DriftTest> tests(RuleSection compare) {
        Map<String, DriftTest> out = new LinkedHashMap<>();
        compare.section("tests").ifPresent(t -> {
            for (String column : t.keys()) {
                String name = t.string(column).orElseThrow(() -> t.error(column, "compare.tests." + column + " needs a test name"));
                DriftTest test = DriftTest.byKey(name);
                if (test == null) {
                    throw t.error(column, "compare.tests." + column + ": unknown drift test '" + name + "'"
                        + Suggestions.hint(name, DriftTest.keys()) + "; use one of " + String.join(", ", DriftTest.keys()));
                }
                out.put(column, test);
            }
        });
        return out;
    }

    /** For the report's {@code thresholds}, under the keys they always had there. */
    public Map<String, Double> thresholds() {
        return Map.of("drift.dataset_share", datasetShare, "drift.min_count", (double) minCount);
    }

    /** Refuses a {@code compare.tests} entry for a column the run does not compare, or a test that cannot apply to it. */
    public void checkColumns(String file, ColumnPlan plan) {
        tests.forEach((column, test) -> {
            boolean numerical = plan.numerical().contains(column);
            if (!numerical && !plan.categorical().contains(column)) {
                throw new RuleException(file, "compare.tests." + column + ": '" + column + "' is not a compared feature (features: "
                    + String.join(", ", concat(plan.numerical(), plan.categorical())) + ")");
            }
            if (!test.appliesTo(numerical)) {
                throw new RuleException(file, "compare.tests." + column + ": " + test.key() + " does not apply to a "
                    + (numerical ? "numerical" : "categorical") + " column");
            }
        });
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The drift test a rule file names for a column, if any. */
    public Optional<DriftTest> testFor(String column) {
        return Optional.ofNullable(tests.get(column));
    }

    /** Reads a key from {@code compare:}, or else from its old place under a check, saying so. */
    private record Legacy(RuleSection compare, List<String> deprecations) {
        int integer(String key, String check, String oldKey, int fallback, int min, int max, RuleSet rules) {
            Optional<RuleSection> old = oldSection(key, check, oldKey, rules);
            return old.isPresent() ? old.get().integer(oldKey, fallback, min, max) : compare.integer(key, fallback, min, max);
        }

        double number(String key, String check, String oldKey, double fallback, double min, double max, RuleSet rules) {
            Optional<RuleSection> old = oldSection(key, check, oldKey, rules);
            return old.isPresent() ? old.get().number(oldKey, fallback, min, max) : compare.number(key, fallback, min, max);
        }

        private Optional<RuleSection> oldSection(String key, String check, String oldKey, RuleSet rules) {
            RuleSection s = rules.checks().get(check);
            if (s == null || !s.has(oldKey)) {
                return Optional.empty();
            }
            if (compare.has(key)) {
                throw s.error(oldKey, "checks." + check + "." + oldKey + " and compare." + key + " are both set; keep compare." + key);
            }
            deprecations.add(rules.file() + ": checks." + check + "." + oldKey + " is deprecated and will be removed in the next"
                + " version; write it as compare." + key);
            return Optional.of(s);
        }
    }
}
