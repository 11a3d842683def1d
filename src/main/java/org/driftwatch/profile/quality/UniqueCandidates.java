package org.driftwatch.profile.quality;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.driftwatch.profile.scan.PartitionFold;
import org.driftwatch.profile.scan.ScanBatch;
import org.driftwatch.profile.sketch.RepeatCandidates;

/**
 * The second look at the unique columns whose {@link DuplicateFilter} let values through: one scan of
 * those columns that counts exactly every value the filter may repeat, so the duplicates, their counts
 * and the samples are exact. Kept per constraint up to {@link #LIMIT} candidate values; beyond that the
 * constraint is counted by {@link KeyedQuality} instead.
 */
final class UniqueCandidates implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int LIMIT = 1_000_000;
    /** Not sent back with the counts: the driver has them. */
    private final transient RepeatCandidates[] filters;
    private final char[] types;
    private final List<HashMap<Object, long[]>> counts = new ArrayList<>();
    private final boolean[] overflow;
    private final int limit;

    private UniqueCandidates(RepeatCandidates[] filters, char[] types, int limit) {
        this.filters = filters;
        this.limit = limit;
        this.types = types;
        this.overflow = new boolean[filters.length];
        for (int i = 0; i < filters.length; i++) {
            counts.add(new HashMap<>());
        }
    }

    /** Per entry (UNIQUE, with a filter that lets values through), the values on two or more rows with their counts; null on overflow. */
    static List<Map<Object, Long>> duplicates(Dataset<Row> data, List<QualityPlan.Entry> entries, List<RepeatCandidates> filters) {
        List<Column> fields = new ArrayList<>();
        char[] types = new char[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            QualityPlan.Entry e = entries.get(i);
            types[i] = e.valueType();
            Column named = org.driftwatch.data.SchemaColumns.named(e.rule().column());
            fields.add((types[i] == 'l' ? named.cast("long") : types[i] == 'd' ? named.cast("double") : KeyedQuality.text(data, e.rule().column()))
                .as("u" + i));
        }
        // the filters go to the executors once, not with every task
        org.apache.spark.broadcast.Broadcast<RepeatCandidates[]> f = org.apache.spark.api.java.JavaSparkContext
            .fromSparkContext(data.sparkSession().sparkContext()).broadcast(filters.toArray(RepeatCandidates[]::new));
        int limit = QualityMeasurement.setting(data, QualityMeasurement.HELD_VALUES, LIMIT);
        UniqueCandidates found;
        try {
            found = PartitionFold.fold(data.select(fields.toArray(Column[]::new)), () -> new UniqueCandidates(f.value(), types, limit),
                UniqueCandidates::add, UniqueCandidates::add, UniqueCandidates::merge);
        } finally {
            f.destroy();
        }
        List<Map<Object, Long>> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (found.overflow[i]) {
                out.add(null);
                continue;
            }
            Map<Object, Long> dups = new HashMap<>();
            found.counts.get(i).forEach((v, c) -> {
                if (c[0] >= 2) {
                    dups.put(v, c[0]);
                }
            });
            out.add(dups);
        }
        return out;
    }

    void add(InternalRow row) {
        for (int i = 0; i < filters.length; i++) {
            if (!row.isNullAt(i) && !overflow[i]) {
                long h = QualityFold.hash(types[i], row, i);
                if (filters[i].mayRepeat(h)) {
                    count(i, types[i] == 'l' ? (Object) row.getLong(i) : types[i] == 'd' ? (Object) row.getDouble(i)
                        : row.getUTF8String(i).clone(), 1);
                }
            }
        }
    }

    void add(ScanBatch batch) {
        for (int i = 0; i < filters.length; i++) {
            for (int r = 0; r < batch.size() && !overflow[i]; r++) {
                if (!batch.isNullAt(i, r)) {
                    long h = QualityFold.hash(types[i], batch, i, r);
                    if (filters[i].mayRepeat(h)) {
                        count(i, types[i] == 'l' ? (Object) batch.getLong(i, r) : types[i] == 'd' ? (Object) batch.getDouble(i, r)
                            : batch.getUTF8String(i, r).clone(), 1);
                    }
                }
            }
        }
    }

    private void count(int i, Object value, long n) {
        HashMap<Object, long[]> m = counts.get(i);
        long[] c = m.get(value);
        if (c != null) {
            c[0] += n;
        } else if (m.size() < limit) {
            m.put(value, new long[] {n});
        } else {
            overflow[i] = true;
            m.clear();
        }
    }

    UniqueCandidates merge(UniqueCandidates o) {
        for (int i = 0; i < overflow.length; i++) {
            if (o.overflow[i]) {
                overflow[i] = true;
                counts.get(i).clear();
            }
            if (!overflow[i]) {
                final int k = i;
                o.counts.get(i).forEach((v, c) -> count(k, v, c[0]));
            }
        }
        return this;
    }
}
