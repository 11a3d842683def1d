package org.driftwatch.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.driftwatch.rules.RuleFileParser;
import org.driftwatch.rules.RuleSection;
import org.driftwatch.rules.RuleSet;

/**
 * The known checks by their rule-file key. Each entry builds its check from its own section of the
 * rule file; checks marked default run with default settings when the rule file does not mention them,
 * and any check is switched off with {@code enabled: false}.
 */
public final class CheckCatalog {
    private record Entry(BiFunction<RuleSection, RuleSet, Check> factory, boolean byDefault) {
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        ENTRIES.put("psi", new Entry((s, r) -> PsiCheck.fromRules(s), true));
        ENTRIES.put("ks", new Entry((s, r) -> KsCheck.fromRules(s), true));
        ENTRIES.put("drift", new Entry((s, r) -> DriftCheck.fromRules(s), true));
        ENTRIES.put("nulls", new Entry((s, r) -> NullCheck.fromRules(s), true));
        ENTRIES.put("leakage", new Entry((s, r) -> LeakageCheck.fromRules(s, r.columns().id()), false));
        ENTRIES.put("label_distribution", new Entry((s, r) -> LabelDistributionCheck.fromRules(s), false));
        ENTRIES.put("identical_rows", new Entry((s, r) -> IdenticalRowsCheck.fromRules(s), true));
        ENTRIES.put("schema", new Entry((s, r) -> SchemaCheck.fromRules(s), true));
    }

    private CheckCatalog() {
    }

    public static List<String> names() {
        return List.copyOf(ENTRIES.keySet());
    }

    /**
     * The checks of a rule set: those it configures, the default ones, leakage when an id column is
     * named and label distribution when a label is named.
     */
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
            boolean implied = (name.equals("leakage") && rules.columns().id() != null)
                || (name.equals("label_distribution") && rules.columns().label() != null);
            if (configured != null && !configured.enabled()) {
                continue;
            }
            if (configured != null || e.getValue().byDefault() || implied) {
                out.add(e.getValue().factory().apply(rules.checkSettings(name), rules));
            }
        }
        return out;
    }
}
