package org.driftwatch.profile.quality;

import java.util.ArrayList;
import java.util.Comparator;
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
 * One side's measures from its scan's {@link QualityFold} and the {@link KeyedQuality} aggregation, in the
 * rules' order: samples ordered most frequent first, ties by their text in code-point order (a number by
 * Spark's cast of it to text), numbers given back as numbers.
 */
public final class QualityResults {
    private QualityResults() {
    }

    /** Finds a value constraint's samples exactly when its fold kept too many distinct failing values. */
    public interface Overflow {
        List<Object> samples(ValueRule rule, DataType type);
    }

    public static QualitySide side(QualityFold fold, KeyedQuality.Side keyed, Overflow overflow) {
        Map<String, QualityMeasure> out = new LinkedHashMap<>();
        List<QualityPlan.Entry> entries = fold.plan().entries();
        boolean allRowsCounted = true;
        String note = null;
        for (int i = 0; i < entries.size(); i++) {
            QualityPlan.Entry e = entries.get(i);
            QualityRule rule = e.rule();
            if (e.error() != null) {
                out.put(rule.name(), QualityMeasure.unmeasurable(rule.kind(), rule.column(), fold.rows, e.error()));
            } else if (e.read() == QualityPlan.Read.MISTYPED) {
                out.put(rule.name(), fold.checked[i] > 0
                    ? QualityMeasure.unmeasurable(rule.kind(), rule.column(), fold.rows, "column '" + rule.column() + "' holds text, not numbers")
                    : new QualityMeasure(rule.kind(), rule.column(), fold.rows, 0, 0L, null, null, null, List.of(), null));
            } else if (KeyedQuality.keyed(rule)) {
                QualityMeasure m = keyed.measures().get(rule.name());
                if (m == null) {
                    continue;
                }
                if (m.error() == null && e.read() != QualityPlan.Read.MEMBER && m.failed() != null && m.failed() > 0) {
                    allRowsCounted = false;
                    note = "'" + rule.name() + "' has more than " + KeyedQuality.MEMBER_LIMIT + " distinct failing values";
                }
                out.put(rule.name(), new QualityMeasure(rule.kind(), rule.column(), fold.rows, m.checked(), m.failed(), m.distinct(), m.duplicatedValues(), null,
                    m.samples().stream().map(v -> typed((String) v, e.type())).toList(), m.error() == null ? null : m.error()));
            } else if (rule instanceof FreshnessRule) {
                out.put(rule.name(), new QualityMeasure(rule.kind(), rule.column(), fold.rows, fold.checked[i], null, null, null,
                    fold.hasLatest[i] ? fold.latest[i] : null, List.of(), null));
            } else if (rule instanceof ConditionRule c) {
                out.put(rule.name(), new QualityMeasure(rule.kind(), rule.column(), fold.rows, fold.checked[i], fold.failed[i], null, null, null,
                    conditionSamples(fold.rowSamples.get(i), e), null));
            } else {
                ValueRule v = (ValueRule) rule;
                List<Object> samples = fold.values[i].overflow() ? overflow.samples(v, e.type())
                    : samples(fold.values[i].counts(), v.samples(), e.type());
                out.put(rule.name(), new QualityMeasure(rule.kind(), rule.column(), fold.rows, fold.checked[i], fold.failed[i], null, null, null, samples, null));
            }
        }
        return new QualitySide(out, allRowsCounted ? fold.failingRows : null, allRowsCounted ? null
            : "rows failing any constraint not counted: " + note);
    }

    /** The most frequent failing values, ties by text in code-point order. */
    static List<Object> samples(Map<Object, Long> counts, int k, DataType type) {
        record Counted(Object value, UTF8String text, long count) {
        }
        List<Counted> all = new ArrayList<>();
        counts.forEach((v, c) -> all.add(new Counted(v, v instanceof UTF8String s ? s : UTF8String.fromString(text((Double) v, type)), c)));
        all.sort(Comparator.comparingLong((Counted c) -> -c.count()).thenComparing(Counted::text));
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < Math.min(k, all.size()); i++) {
            Object v = all.get(i).value();
            out.add(v instanceof UTF8String s ? typed(s.toString(), type) : integral(type) ? (Object) (long) (double) (Double) v : v);
        }
        return out;
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
