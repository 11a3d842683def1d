package org.driftwatch.profile.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.unsafe.types.UTF8String;
import org.driftwatch.profile.model.QualityMeasure;
import org.driftwatch.profile.model.QualitySide;

/**
 * One side's measures from its scan's {@link QualityFold} and what later passes counted, in the
 * rules' order: samples ordered most frequent first, ties by their text in code-point order (a number by
 * Spark's cast of it to text), numbers given back as numbers.
 */
public final class QualityResults {
    private QualityResults() {
    }

    /** The value constraints of a plan whose fold kept too many distinct failing values for their samples. */
    public static List<QualityPlan.Entry> overflowed(QualityPlan plan, QualityFold fold) {
        List<QualityPlan.Entry> out = new ArrayList<>();
        for (int i = 0; i < plan.entries().size(); i++) {
            QualityPlan.Read read = plan.entries().get(i).read();
            if ((read == QualityPlan.Read.NUMBER || read == QualityPlan.Read.TEXT) && fold.values[i].overflow()) {
                out.add(plan.entries().get(i));
            }
        }
        return out;
    }

    /**
     * @param elsewhere   the measures of constraints a later pass counted (unique, exists_in by aggregation), by name
     * @param failingRows the rows failing any row-level constraint, when a recount replaced the fold's; else null
     * @param note        why the failing rows could not be counted (then they are null), or null
     * @param exact       the samples of the {@link #overflowed} constraints, by name ({@link FailingSamples})
     */
    public static QualitySide side(QualityPlan plan, QualityFold fold, Map<String, QualityMeasure> elsewhere, Long failingRows,
                                   String note, Map<String, List<Object>> exact) {
        Map<String, QualityMeasure> out = new LinkedHashMap<>();
        List<QualityPlan.Entry> entries = plan.entries();
        for (int i = 0; i < entries.size(); i++) {
            QualityPlan.Entry e = entries.get(i);
            QualityRule rule = e.rule();
            String kind = rule.kind();
            if (e.error() != null) {
                out.put(rule.name(), QualityMeasure.unmeasurable(kind, rule.column(), fold.rows, e.error()));
            } else if (e.read() == QualityPlan.Read.MISTYPED) {
                out.put(rule.name(), fold.checked[i] > 0
                    ? QualityMeasure.unmeasurable(kind, rule.column(), fold.rows, "column '" + rule.column() + "' holds text, not numbers")
                    : new QualityMeasure(kind, rule.column(), fold.rows, 0, 0L, null, null, null, List.of(), null));
            } else if (elsewhere.containsKey(rule.name())) {
                out.put(rule.name(), elsewhere.get(rule.name()).withRows(fold.rows));
            } else if (e.read() == QualityPlan.Read.LATEST) {
                out.put(rule.name(), new QualityMeasure(kind, rule.column(), fold.rows, fold.checked[i], null, null, null,
                    fold.hasLatest[i] ? fold.latest[i] : null, List.of(), null));
            } else if (e.read() == QualityPlan.Read.CONDITION) {
                out.put(rule.name(), new QualityMeasure(kind, rule.column(), fold.rows, fold.checked[i], fold.failed[i], null, null, null,
                    conditionSamples(fold.rowSamples.get(i), e), null));
            } else if (e.read() == QualityPlan.Read.NUMBER || e.read() == QualityPlan.Read.TEXT) {
                List<Object> samples = fold.values[i].overflow() ? exact.get(rule.name()) : fold.values[i].top(rule.samples(), e.type());
                out.put(rule.name(), new QualityMeasure(kind, rule.column(), fold.rows, fold.checked[i], fold.failed[i], null, null, null,
                    samples, null));
            }
        }
        Long rows = note != null ? null : failingRows != null ? failingRows : fold.failingRows;
        return new QualitySide(out, rows, note);
    }

    /** A unique constraint's measure from its duplicated values and their counts (samples ranked as every other's). */
    static QualityMeasure unique(QualityRule rule, long checked, Map<Object, Long> duplicates, DataType type) {
        long failed = duplicates.values().stream().mapToLong(Long::longValue).sum();
        FailingValues ranked = new FailingValues(Integer.MAX_VALUE);
        duplicates.forEach(ranked::add);
        return new QualityMeasure(rule.kind(), rule.column(), 0, checked, failed, checked - failed + duplicates.size(),
            (long) duplicates.size(), null, ranked.top(rule.samples(), type), null);
    }

    private static List<Object> conditionSamples(List<Object[]> rows, QualityPlan.Entry e) {
        List<String> columns = e.sampleColumns();
        List<Object> out = new ArrayList<>();
        for (Object[] row : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int c = 0; c < row.length; c++) {
                m.put(columns.get(c), row[c]);
            }
            out.add(java.util.Collections.unmodifiableMap(m));
        }
        return out;
    }

    /** A counted value as a sample: a text of a numeric column as its number, a whole number as a long. */
    static Object sample(Object v, DataType type) {
        return v instanceof UTF8String s ? typed(s.toString(), type) : v instanceof Long ? v
            : integral(type) ? (Object) (long) (double) (Double) v : v;
    }

    /** A counted value's text as Spark's cast to string spells it for the column's type. */
    static String text(Object v, DataType type) {
        return v instanceof UTF8String s ? s.toString() : v instanceof Long l ? Long.toString(l) : text((double) (Double) v, type);
    }

    /** A number's text as Spark's cast to string spells it for the column's type. */
    static String text(double v, DataType type) {
        if (integral(type)) {
            return Long.toString((long) v);
        }
        if (type instanceof FloatType) {
            return Float.toString((float) v);
        }
        return Double.toString(v);
    }

    /** A failing value's text back as the column's kind of value. */
    static Object typed(String text, DataType type) {
        if (type instanceof org.apache.spark.sql.types.DecimalType) {
            return text;   // a decimal's digits as they are
        }
        if (integral(type)) {
            return Long.parseLong(text);
        }
        if (type instanceof NumericType) {
            return Double.parseDouble(text);
        }
        return text;
    }

    static boolean integral(DataType t) {
        return t instanceof LongType || t instanceof IntegerType || t instanceof ShortType || t instanceof ByteType;
    }
}
