package org.driftwatch.checks.quality;

import java.util.List;
import org.driftwatch.profile.quality.ExistsInRule;
import org.driftwatch.profile.quality.QualityRule;
import org.driftwatch.rules.DataSource;
import org.driftwatch.rules.RuleFileParser;
import org.driftwatch.rules.RuleSection;

/** {@code exists_in: {path | table, column, format, options}}: every value (as text) is among the other column's values. */
final class ExistsInKind implements ConstraintKind {
    @Override
    public String key() {
        return "exists_in";
    }

    @Override
    public List<String> keys() {
        return List.of("path", "table", "format", "options", "column");
    }

    @Override
    public QualityRule rule(RuleSection item, String name, String column, int samples) {
        DataSource table = RuleFileParser.table(item, key(), List.of("column"));
        RuleSection s = item.section(key()).orElseThrow();
        String other = s.string("column").orElseThrow(() -> item.error(key(), "checks.quality exists_in needs the column of "
            + table.describe() + " that holds the valid values"));
        return new ExistsInRule(name, column, samples, table, other);
    }
}
