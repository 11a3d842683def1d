package org.driftwatch.profile;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Pass 1 over one dataset: row count, null/NaN/∞ counts and moments of every column in ONE aggregation. */
final class SummaryAggregation {
    private static final int NUMERIC_FIELDS = 9;

    private SummaryAggregation() {
    }

    /** The value as double when it is finite, else null: what every statistic sees. */
    static Column finite(String name) {
        Column x = Columns.named(name).cast("double");
        Column ok = x.isNotNull().and(not(isnan(x)))
            .and(x.notEqual(lit(Double.POSITIVE_INFINITY))).and(x.notEqual(lit(Double.NEGATIVE_INFINITY)));
        return when(ok, x);
    }

    static DatasetSummary summarize(Dataset<Row> data, List<String> numeric, List<String> others) {
        List<Column> aggs = new ArrayList<>();
        aggs.add(count(lit(1)));
        for (String name : numeric) {
            Column raw = Columns.named(name);
            Column x = raw.cast("double");
            Column xf = finite(name);
            aggs.add(count(xf));
            aggs.add(count(when(raw.isNull(), lit(1))));
            aggs.add(count(when(isnan(x), lit(1))));
            aggs.add(count(when(x.equalTo(lit(Double.POSITIVE_INFINITY)).or(x.equalTo(lit(Double.NEGATIVE_INFINITY))), lit(1))));
            aggs.add(avg(xf));
            aggs.add(stddev_pop(xf));
            aggs.add(stddev_samp(xf));
            aggs.add(min(xf));
            aggs.add(max(xf));
        }
        for (String name : others) {
            aggs.add(count(Columns.named(name)));
        }
        Row row = data.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).first();
        long rows = row.getLong(0);
        Map<String, NumericSummary> nums = new HashMap<>();
        int i = 1;
        for (String name : numeric) {
            nums.put(name, new NumericSummary(row.getLong(i), row.getLong(i + 1), row.getLong(i + 2), row.getLong(i + 3),
                dbl(row, i + 4), dbl(row, i + 5), dbl(row, i + 6), dbl(row, i + 7), dbl(row, i + 8)));
            i += NUMERIC_FIELDS;
        }
        Map<String, Long> counts = new HashMap<>();
        for (String name : others) {
            counts.put(name, row.getLong(i++));
        }
        return new DatasetSummary(rows, nums, counts);
    }

    private static Double dbl(Row row, int i) {
        if (row.isNullAt(i)) {
            return null;
        }
        double d = row.getDouble(i);
        return Double.isFinite(d) ? d : null;
    }
}
