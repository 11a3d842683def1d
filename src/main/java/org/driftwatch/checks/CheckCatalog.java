package org.driftwatch.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.driftwatch.checks.quality.QualityCheck;
import org.driftwatch.rules.RuleFileParser;
import org.driftwatch.rules.RuleSection;
import org.driftwatch.rules.RuleSet;

/**
 * The known checks by their rule-file key. Each entry builds its check from its own section of the
 * rule file and says when it runs unconfigured (always, never, or when the rule file names what it
 * needs); a configured check runs unless it says {@code enabled: false}.
 */
public final class CheckCatalog {
    private record Entry(BiFunction<RuleSection, RuleSet, Check> factory, Predicate<RuleSet> unconfigured) {
    }

    private static final Predicate<RuleSet> ALWAYS = r -> true;
    private static final Predicate<RuleSet> WHEN_CONFIGURED = r -> false;
    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        ENTRIES.put("psi", new Entry((s, r) -> PsiCheck.fromRules(s), ALWAYS));
        ENTRIES.put("ks", new Entry((s, r) -> KsCheck.fromRules(s), ALWAYS));
        ENTRIES.put("drift", new Entry((s, r) -> DriftCheck.fromRules(s, r.checkSettings("ks")), ALWAYS));
        ENTRIES.put("nulls", new Entry((s, r) -> NullCheck.fromRules(s), ALWAYS));
        ENTRIES.put("leakage", new Entry((s, r) -> LeakageCheck.fromRules(s, r.columns().id()), r -> r.columns().id() != null));
        ENTRIES.put("label_distribution", new Entry((s, r) -> ModelColumnPsiCheck.fromRules(ModelColumnPsiCheck.Target.LABEL, s),
            r -> r.columns().label() != null));
        ENTRIES.put("performance", new Entry((s, r) -> PerformanceCheck.fromRules(s), RuleSet::monitorsModel));
        ENTRIES.put("prediction_drift", new Entry((s, r) -> ModelColumnPsiCheck.fromRules(ModelColumnPsiCheck.Target.PREDICTION, s),
            RuleSet::monitorsModel));
        ENTRIES.put("identical_rows", new Entry((s, r) -> IdenticalRowsCheck.fromRules(s), ALWAYS));
        ENTRIES.put("schema", new Entry((s, r) -> SchemaCheck.fromRules(s), ALWAYS));
        ENTRIES.put("volume", new Entry((s, r) -> VolumeCheck.fromRules(s, r.checks().containsKey("volume"), r.keepsHistory()), RuleSet::keepsHistory));
        ENTRIES.put("history", new Entry((s, r) -> HistoryCheck.fromRules(s, r.keepsHistory()), WHEN_CONFIGURED));
        ENTRIES.put("mean_shift", new Entry((s, r) -> MeanShiftCheck.fromRules(s), WHEN_CONFIGURED));
        ENTRIES.put(SegmentCheck.NAME, new Entry((s, r) -> SegmentCheck.fromRules(s, r.checkSettings("psi"), r.checkSettings("performance")),
            r -> r.segments().any()));
        ENTRIES.put(QualityCheck.NAME, new Entry((s, r) -> QualityCheck.fromRules(s), WHEN_CONFIGURED));
    }

    private CheckCatalog() {
    }

    public static List<String> names() {
        return List.copyOf(ENTRIES.keySet());
    }

    /** The checks of a rule set: those it configures and those that run unconfigured. */
    public static List<Check> checksFor(RuleSet rules) {
        for (Map.Entry<String, RuleSection> e : rules.checks().entrySet()) {
            if (!ENTRIES.containsKey(e.getKey())) {
                throw RuleFileParser.unknownEntry(e.getValue(), "check", names());
            }
        }
        List<Check> out = new ArrayList<>();
        for (Map.Entry<String, Entry> e : ENTRIES.entrySet()) {
            String name = e.getKey();
            RuleSection configured = rules.checks().get(name);
            if (configured != null && !configured.enabled()) {
                continue;
            }
            if (configured != null || e.getValue().unconfigured().test(rules)) {
                out.add(e.getValue().factory().apply(rules.checkSettings(name), rules));
            }
        }
        return out;
    }
}
