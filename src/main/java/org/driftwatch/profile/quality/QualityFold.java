package org.driftwatch.profile.quality;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.vectorized.Dictionary;
import org.apache.spark.unsafe.types.UTF8String;
import org.driftwatch.profile.scan.ScanBatch;
import org.driftwatch.profile.sketch.DuplicateFilter;
import org.driftwatch.profile.sketch.RepeatedIds;

/**
 * The data-quality constraints of one side, folded in a scan the run already makes (reference pass 1, the
 * current scan): per constraint the rows checked and failed, the failing values with their counts
 * ({@link FailingValues}), a condition's first failing rows, a column's latest instant; and the rows failing
 * at least one row-level constraint. Reads the quality fields of {@link QualityPlan} from {@code first} on,
 * on the row and the column-batch paths alike; on a dictionary-encoded batch a text constraint is
 * evaluated once per dictionary entry.
 */
public final class QualityFold implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Travels to the executors once (broadcast by the scan), not back with every partial fold. */
    private final transient QualityPlan plan;
    private final int[] sampleLimits;
    private final int first;
    public long rows;
    public long failingRows;
    final long[] checked;
    final long[] failed;
    final FailingValues[] values;
    final List<List<Object[]>> rowSamples;
    final long[] latest;
    /** Per unique constraint, the values that may repeat ({@link DuplicateFilter}); null for the others. */
    final DuplicateFilter[] filters;
    /** Per unique constraint on an integer column, its values seen once and again (exact); null for the others. */
    final RepeatedIds[] ids;
    final boolean[] hasLatest;
    private transient boolean[] rowFails;
    private transient Dictionary[] seen;
    private transient byte[][] verdicts;

    public QualityFold(QualityPlan plan, int first) {
        this.plan = plan;
        this.first = first;
        int n = plan.entries().size();
        sampleLimits = plan.entries().stream().mapToInt(e -> e.rule().samples()).toArray();
        checked = new long[n];
        failed = new long[n];
        values = new FailingValues[n];
        rowSamples = new ArrayList<>();
        latest = new long[n];
        hasLatest = new boolean[n];
        filters = new DuplicateFilter[n];
        ids = new RepeatedIds[n];
        for (int i = 0; i < n; i++) {
            values[i] = new FailingValues(plan.keptFailingValues());
            rowSamples.add(new ArrayList<>());
            latest[i] = Long.MIN_VALUE;
            if (plan.entries().get(i).read() == QualityPlan.Read.UNIQUE) {
                if (plan.entries().get(i).valueType() == 'l') {
                    ids[i] = new RepeatedIds();
                } else {
                    filters[i] = DuplicateFilter.forValues(plan.expectedValues());
                }
            }
        }
    }

    public boolean isEmpty() {
        return plan.isEmpty();
    }

    public void add(InternalRow row) {
        rows++;
        boolean fails = false;
        List<QualityPlan.Entry> entries = plan.entries();
        for (int i = 0; i < entries.size(); i++) {
            QualityPlan.Entry e = entries.get(i);
            int f = first + e.field();
            switch (e.read()) {
                case NUMBER -> {
                    if (!row.isNullAt(f)) {
                        checked[i]++;
                        double v = row.getDouble(f);
                        if (e.test().failsNumber(v)) {
                            failed[i]++;
                            values[i].addNumber(v, 1);
                            fails = true;
                        }
                    }
                }
                case TEXT -> {
                    if (!row.isNullAt(f)) {
                        checked[i]++;
                        UTF8String s = row.getUTF8String(f);
                        if (e.test().failsText(s)) {
                            failed[i]++;
                            values[i].add(s.clone(), 1);
                            fails = true;
                        }
                    }
                }
                case CONDITION -> {
                    checked[i]++;
                    if (row.isNullAt(f) || !row.getBoolean(f)) {
                        failed[i]++;
                        fails = true;
                        if (rowSamples.get(i).size() < e.rule().samples()) {
                            rowSamples.get(i).add(sampleRow(e, row));
                        }
                    }
                }
                case MEMBER -> fails |= !row.isNullAt(f) && e.failing().contains(row.getUTF8String(f));
                case MISTYPED -> checked[i] += row.isNullAt(f) ? 0 : 1;
                case UNIQUE -> {
                    if (!row.isNullAt(f)) {
                        checked[i]++;
                        if (ids[i] != null) {
                            ids[i].add(row.getLong(f));
                        } else {
                            filters[i].add(hash(e.valueType(), row, f));
                        }
                    }
                }
                case LATEST -> {
                    if (!row.isNullAt(f)) {
                        checked[i]++;
                        latest(i, row.getLong(f));
                    }
                }
                case NONE -> {
                }
            }
        }
        if (fails) {
            failingRows++;
        }
    }

    public void add(ScanBatch batch) {
        int n = batch.size();
        rows += n;
        if (rowFails == null || rowFails.length < n) {
            rowFails = new boolean[Math.max(n, 1024)];
            seen = new Dictionary[plan.entries().size()];
            verdicts = new byte[plan.entries().size()][];
        }
        java.util.Arrays.fill(rowFails, 0, n, false);
        List<QualityPlan.Entry> entries = plan.entries();
        for (int i = 0; i < entries.size(); i++) {
            QualityPlan.Entry e = entries.get(i);
            int f = first + e.field();
            switch (e.read()) {
                case NUMBER -> numbers(batch, i, f, e.test());
                case UNIQUE -> {
                    for (int r = 0; r < n; r++) {
                        if (!batch.isNullAt(f, r)) {
                            checked[i]++;
                            if (ids[i] != null) {
                                ids[i].add(batch.getLong(f, r));
                            } else {
                                filters[i].add(hash(e.valueType(), batch, f, r));
                            }
                        }
                    }
                }
                case TEXT, MEMBER -> texts(batch, i, f, e);
                case MISTYPED -> {
                    for (int r = 0; r < n; r++) {
                        checked[i] += batch.isNullAt(f, r) ? 0 : 1;
                    }
                }
                case CONDITION -> {
                    checked[i] += n;
                    for (int r = 0; r < n; r++) {
                        if (batch.isNullAt(f, r) || !batch.getBoolean(f, r)) {
                            failed[i]++;
                            rowFails[r] = true;
                            if (rowSamples.get(i).size() < e.rule().samples()) {
                                rowSamples.get(i).add(sampleRow(e, batch, r));
                            }
                        }
                    }
                }
                case LATEST -> {
                    for (int r = 0; r < n; r++) {
                        if (!batch.isNullAt(f, r)) {
                            checked[i]++;
                            latest(i, batch.getLong(f, r));
                        }
                    }
                }
                case NONE -> {
                }
            }
        }
        for (int r = 0; r < n; r++) {
            if (rowFails[r]) {
                failingRows++;
            }
        }
    }

    private void numbers(ScanBatch batch, int i, int f, ValueTest test) {
        for (int r = 0; r < batch.size(); r++) {
            if (!batch.isNullAt(f, r)) {
                checked[i]++;
                double v = batch.getDouble(f, r);
                if (test.failsNumber(v)) {
                    failed[i]++;
                    values[i].addNumber(v, 1);
                    rowFails[r] = true;
                }
            }
        }
    }

    /** A text constraint (or a row's membership in the failing values): once per dictionary entry when the batch has one. */
    private void texts(ScanBatch batch, int i, int f, QualityPlan.Entry e) {
        boolean member = e.read() == QualityPlan.Read.MEMBER;
        ValueTest test = member ? null : e.test();
        Dictionary dictionary = batch.dictionary(f);
        if (dictionary == null) {
            for (int r = 0; r < batch.size(); r++) {
                if (!batch.isNullAt(f, r)) {
                    UTF8String s = batch.getUTF8String(f, r);
                    if (member) {
                        rowFails[r] |= e.failing().contains(s);
                        continue;
                    }
                    checked[i]++;
                    if (test.failsText(s)) {
                        failed[i]++;
                        values[i].add(s.clone(), 1);
                        rowFails[r] = true;
                    }
                }
            }
            return;
        }
        if (seen[i] != dictionary) {
            seen[i] = dictionary;
            verdicts[i] = new byte[64];
        }
        int[] failingIds = null;
        boolean nulls = batch.hasNull(f);
        for (int r = 0; r < batch.size(); r++) {
            if (nulls && batch.isNullAt(f, r)) {
                continue;
            }
            int id = batch.dictionaryId(f, r);
            if (!member) {
                checked[i]++;
            }
            if (fails(i, id, dictionary, e, test)) {
                rowFails[r] = true;
                if (!member) {
                    if (failingIds == null || id >= failingIds.length) {
                        failingIds = failingIds == null ? new int[Math.max(64, id + 1)]
                            : java.util.Arrays.copyOf(failingIds, Math.max(id + 1, failingIds.length * 2));
                    }
                    failingIds[id]++;
                }
            }
        }
        if (failingIds != null) {
            for (int id = 0; id < failingIds.length; id++) {
                if (failingIds[id] > 0) {
                    failed[i] += failingIds[id];
                    values[i].add(UTF8String.fromBytes(dictionary.decodeToBinary(id)), failingIds[id]);
                }
            }
        }
    }

    /** The dictionary entry's verdict, computed on first sight: 1 passes, 2 fails. */
    private boolean fails(int i, int id, Dictionary dictionary, QualityPlan.Entry e, ValueTest test) {
        byte[] v = verdicts[i];
        if (id >= v.length) {
            v = java.util.Arrays.copyOf(v, Math.max(id + 1, v.length * 2));
            verdicts[i] = v;
        }
        if (v[id] == 0) {
            UTF8String s = UTF8String.fromBytes(dictionary.decodeToBinary(id));
            boolean fails = test == null ? e.failing().contains(s) : test.failsText(s);
            v[id] = (byte) (fails ? 2 : 1);
        }
        return v[id] == 2;
    }

    /** A unique column's value as the duplicate filter hashes it: a whole number or a double by its bits, a text by its bytes. */
    static long hash(char type, InternalRow row, int f) {
        return switch (type) {
            case 'l' -> row.getLong(f);
            case 'd' -> Double.doubleToLongBits(row.getDouble(f));
            default -> text(row.getUTF8String(f));
        };
    }

    static long hash(char type, ScanBatch batch, int f, int r) {
        return switch (type) {
            case 'l' -> batch.getLong(f, r);
            case 'd' -> Double.doubleToLongBits(batch.getDouble(f, r));
            default -> text(batch.getUTF8String(f, r));
        };
    }

    private static long text(UTF8String s) {
        return org.apache.spark.sql.catalyst.expressions.XXH64.hashUnsafeBytes(s.getBaseObject(), s.getBaseOffset(), s.numBytes(), 42L);
    }

    private void latest(int i, long micros) {
        hasLatest[i] = true;
        latest[i] = Math.max(latest[i], micros);
    }


    private Object[] sampleRow(QualityPlan.Entry e, InternalRow row) {
        Object[] out = new Object[e.sampleFields().length];
        for (int c = 0; c < out.length; c++) {
            int f = first + e.sampleFields()[c];
            out[c] = row.isNullAt(f) ? null : switch (e.sampleTypes()[c]) {
                case 'l' -> row.getLong(f);
                case 'd' -> row.getDouble(f);
                default -> row.getUTF8String(f).toString();
            };
        }
        return out;
    }

    private Object[] sampleRow(QualityPlan.Entry e, ScanBatch batch, int r) {
        Object[] out = new Object[e.sampleFields().length];
        for (int c = 0; c < out.length; c++) {
            int f = first + e.sampleFields()[c];
            out[c] = batch.isNullAt(f, r) ? null : switch (e.sampleTypes()[c]) {
                case 'l' -> batch.getLong(f, r);
                case 'd' -> batch.getDouble(f, r);
                default -> batch.getUTF8String(f, r).toString();
            };
        }
        return out;
    }

    public QualityFold merge(QualityFold o) {
        rows += o.rows;
        failingRows += o.failingRows;
        for (int i = 0; i < checked.length; i++) {
            checked[i] += o.checked[i];
            failed[i] += o.failed[i];
            values[i].merge(o.values[i]);
            List<Object[]> mine = rowSamples.get(i);
            for (Object[] s : o.rowSamples.get(i)) {
                if (mine.size() < sampleLimits[i]) {
                    mine.add(s);
                }
            }
            if (filters[i] != null) {
                filters[i].merge(o.filters[i]);
            }
            if (ids[i] != null) {
                ids[i].merge(o.ids[i]);
            }
            if (o.hasLatest[i]) {
                latest(i, o.latest[i]);
            }
        }
        return this;
    }
}
