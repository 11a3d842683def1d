package org.driftwatch.compare;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.driftwatch.stats.EcdfStatistic;
import org.driftwatch.stats.EcdfSums;

/**
 * A registered {@link EcdfStatistic} as a column metric: {@code columns.<col>.<name>} = {statistic,
 * p_value, bound} in report.json, a detail line in the HTML, the statistic in summary.csv. The profile
 * delivers each statistic's sum (exact, or the range it lies in); {@link #attach} turns it into the test,
 * and the drift-test registry reads the p-value by the statistic's name ({@link #pValue}).
 */
final class EcdfTestMetric implements ColumnMetric {
    private final EcdfStatistic statistic;

    EcdfTestMetric(EcdfStatistic statistic) {
        this.statistic = statistic;
    }

    @Override
    public String name() {
        return statistic.name();
    }

    @Override
    public boolean appliesTo(ColumnComparison column) {
        return column.metrics().containsKey(name());
    }

    @Override
    public MetricValue compute(ColumnComparison column) {
        return column.metrics().get(name());
    }

    /** The column with every registered statistic's test computed from the profile's sums (unchanged without them). */
    static ColumnComparison attach(ColumnComparison c, Map<String, EcdfSums.Range> sums, long n, long m, long distinct) {
        Map<String, MetricValue> metrics = new LinkedHashMap<>(c.metrics());
        for (EcdfStatistic s : org.driftwatch.stats.EcdfStatistics.ALL) {
            EcdfSums.Range range = sums.get(s.name());
            EcdfStatistic.Result r = range == null ? null : s.test(range.least(), range.most(), n, m, distinct);
            if (r != null && Double.isFinite(r.statistic())) {
                Map<String, Double> f = new LinkedHashMap<>();
                f.put("statistic", r.statistic());
                f.put("p_value", r.pValue());
                f.put("bound", r.bound());
                String within = r.bound() == 0 ? "" : String.format(Locale.ROOT, " (± %.3g)", r.bound());
                metrics.put(s.name(), new MetricValue(f, String.format(Locale.ROOT, "%s statistic %.4g%s, p %.3g",
                    s.display(), r.statistic(), within, r.pValue())));
            }
        }
        return c.withMetricValues(metrics);
    }

    /** The test's p-value for the column, or null when it is undefined there. */
    static Double pValue(ColumnComparison c, String name) {
        MetricValue v = c.metrics().get(name);
        return v == null ? null : v.fields().get("p_value");
    }
}
