package org.driftwatch.profile.scan;

import java.io.Serializable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.execution.vectorized.Dictionary;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * One column batch of a scan, read field by field in the scan projection's layout ({@link ColumnarPlan}):
 * each field converted as the projection's cast would (numbers to double, integers to long), strings as
 * they are. Whole columns at a time ({@link #doubles}), and a string column's dictionary ids when the
 * reader kept the batch dictionary-encoded, so a category can be counted by id and named once.
 */
public final class ScanBatch {
    /** What a projected field is read as; INTEGER_TEXT: an integer column cast to text (class labels stored as numbers). */
    public enum Kind {
        DOUBLE, LONG, STRING, INTEGER_TEXT, NOT_NULL, ROW_HASH,
        /** Any other deterministic expression of the batch's columns, evaluated row by row (bound to the batch's columns). */
        EXPRESSION,
        /** A segment column: another field's value where a key field holds the segment's number, else null. */
        MASKED
    }

    /** The batch column's own type. */
    public enum Source {
        DOUBLE, FLOAT, LONG, INT, SHORT, BYTE, STRING, OTHER;

        boolean isNumber() {
            return this != STRING && this != OTHER;
        }

        boolean isInteger() {
            return this == LONG || this == INT || this == SHORT || this == BYTE;
        }
    }

    /**
     * @param inputs     for a ROW_HASH field: the batch columns hashed, in order (else empty)
     * @param inputTypes their Spark types
     */
    public record Field(int vector, Kind kind, Source source, int[] inputs, DataType[] inputTypes, Expression bound, int segment)
        implements Serializable {
        public Field(int vector, Kind kind, Source source, int[] inputs, DataType[] inputTypes, Expression bound) {
            this(vector, kind, source, inputs, inputTypes, bound, -1);
        }

        /** A segment column: field {@code sourceField}'s value where field {@code keyField} is {@code segment}. */
        public static Field masked(Field source, int sourceField, int keyField, int segment) {
            return new Field(source.vector(), Kind.MASKED, source.source(), new int[] {sourceField, keyField}, new DataType[0], null,
                segment);
        }

        public Field(int vector, Kind kind, Source source) {
            this(vector, kind, source, new int[0], new DataType[0], null);
        }

        public Field(int vector, Kind kind, Source source, int[] inputs, DataType[] inputTypes) {
            this(vector, kind, source, inputs, inputTypes, null);
        }

        /** An expression over the batch's columns, its references bound to their positions. */
        public static Field expression(Expression bound) {
            return new Field(-1, Kind.EXPRESSION, Source.OTHER, new int[0], new DataType[0], bound);
        }
    }

    private static final VarHandle DICTIONARY = dictionaryHandle();
    private final Field[] fields;
    private final ColumnVector[] vectors;
    private ColumnarBatch batch;
    private int size;
    /** The row hashes of the current batch, per ROW_HASH field, computed on first use. */
    private final long[][] hashes;
    /** Per EXPRESSION field, the row last evaluated and its value. */
    private final int[] evaluatedRow;
    private final Object[] evaluatedValue;
    private final org.apache.spark.sql.catalyst.expressions.MutableProjection[] projections;
    private final boolean[] hashed;
    /** Per key field of a MASKED field, each row's segment number (-1: none), computed on first use per batch. */
    private final int[][] segmentOf;
    private final boolean[] keyed;
    /** Per field that MASKED fields mask, its doubles and nulls of the current batch, read on first use. */
    private final double[][] sourceValues;
    private final boolean[][] sourceMissing;
    private final boolean[] read;
    /** Per key field, the batch's rows by segment ({@link #bucket}). */
    private final int[][] segmentOrder;
    private final int[][] segmentStarts;
    private final boolean[] bucketed;
    /** Per INTEGER_TEXT field, the text of the small integers met so far: classes are few and small. */
    private final UTF8String[][] smallTexts;
    private static final int SMALL_LOW = -128;
    private static final int SMALL_HIGH = 1024;

    ScanBatch(Field[] fields) {
        this.fields = fields;
        this.vectors = new ColumnVector[fields.length];
        this.hashes = new long[fields.length][];
        this.hashed = new boolean[fields.length];
        this.smallTexts = new UTF8String[fields.length][];
        this.evaluatedRow = new int[fields.length];
        this.evaluatedValue = new Object[fields.length];
        this.projections = new org.apache.spark.sql.catalyst.expressions.MutableProjection[fields.length];
        this.segmentOf = new int[fields.length][];
        this.keyed = new boolean[fields.length];
        this.sourceValues = new double[fields.length][];
        this.sourceMissing = new boolean[fields.length][];
        this.read = new boolean[fields.length];
        this.segmentOrder = new int[fields.length][];
        this.segmentStarts = new int[fields.length][];
        this.bucketed = new boolean[fields.length];
        for (int f = 0; f < fields.length; f++) {
            smallTexts[f] = fields[f].kind() == Kind.INTEGER_TEXT ? new UTF8String[SMALL_HIGH - SMALL_LOW] : null;
        }
    }

    ScanBatch of(ColumnarBatch batch) {
        this.batch = batch;
        for (int f = 0; f < fields.length; f++) {
            Kind k = fields[f].kind();
            vectors[f] = k == Kind.ROW_HASH || k == Kind.EXPRESSION || k == Kind.MASKED ? null : batch.column(fields[f].vector());
        }
        size = batch.numRows();
        java.util.Arrays.fill(hashed, false);
        java.util.Arrays.fill(keyed, false);
        java.util.Arrays.fill(read, false);
        java.util.Arrays.fill(bucketed, false);
        java.util.Arrays.fill(evaluatedRow, -1);
        return this;
    }

    /**
     * An EXPRESSION field's value on a row (Spark's internal value, null for null), evaluated once per row by
     * the expression compiled as Spark compiles a projection (interpreted only where it cannot be).
     */
    private Object evaluated(int field, int row) {
        if (evaluatedRow[field] != row) {
            if (projections[field] == null) {
                projections[field] = org.apache.spark.sql.catalyst.expressions.MutableProjection.create(
                    scala.jdk.javaapi.CollectionConverters.asScala(java.util.List.of(fields[field].bound())).toSeq());
            }
            org.apache.spark.sql.catalyst.InternalRow out = projections[field].apply(batch.getRow(row));
            evaluatedValue[field] = out.isNullAt(0) ? null : out.get(0, fields[field].bound().dataType());
            evaluatedRow[field] = row;
        }
        return evaluatedValue[field];
    }

    public int size() {
        return size;
    }

    public int fields() {
        return fields.length;
    }

    /** Whether a MASKED field's row is outside its segment. */
    private boolean outside(int field, int row) {
        Field f = fields[field];
        return segments(f.inputs()[1])[row] != f.segment();
    }

    /** Each row's segment number by a key field (the number as text, null outside every segment: -1), once per batch. */
    private int[] segments(int keyField) {
        if (keyed[keyField]) {
            return segmentOf[keyField];
        }
        int[] out = segmentOf[keyField] == null || segmentOf[keyField].length < size ? new int[Math.max(size, NumericBatch.ROWS)]
            : segmentOf[keyField];
        if (!byDictionary(keyField, out)) {
            for (int r = 0; r < size; r++) {
                out[r] = isNullAt(keyField, r) ? -1 : number(getUTF8String(keyField, r));
            }
        }
        segmentOf[keyField] = out;
        keyed[keyField] = true;
        return out;
    }

    /**
     * A key computed from one dictionary-encoded text column (a by column's value → its segment): evaluated once
     * per dictionary entry, not once per row. False when the key is not such an expression.
     */
    private boolean byDictionary(int keyField, int[] out) {
        Field f = fields[keyField];
        if (f.kind() != Kind.EXPRESSION || DICTIONARY == null) {
            return false;
        }
        java.util.List<org.apache.spark.sql.catalyst.expressions.BoundReference> refs = new java.util.ArrayList<>();
        f.bound().foreach(new scala.runtime.AbstractFunction1<Expression, scala.runtime.BoxedUnit>() {
            @Override
            public scala.runtime.BoxedUnit apply(Expression e) {
                if (e instanceof org.apache.spark.sql.catalyst.expressions.BoundReference b) {
                    refs.add(b);
                }
                return scala.runtime.BoxedUnit.UNIT;
            }
        });
        if (refs.isEmpty() || refs.stream().map(org.apache.spark.sql.catalyst.expressions.BoundReference::ordinal).distinct().count() != 1
            || !(refs.get(0).dataType() instanceof org.apache.spark.sql.types.StringType)) {
            return false;
        }
        int column = refs.get(0).ordinal();
        if (!(batch.column(column) instanceof WritableColumnVector w) || !w.hasDictionary()) {
            return false;
        }
        Dictionary dictionary = (Dictionary) DICTIONARY.get(w);
        if (projections[keyField] == null) {
            projections[keyField] = org.apache.spark.sql.catalyst.expressions.MutableProjection.create(
                scala.jdk.javaapi.CollectionConverters.asScala(java.util.List.of(f.bound())).toSeq());
        }
        org.apache.spark.sql.catalyst.expressions.GenericInternalRow probe =
            new org.apache.spark.sql.catalyst.expressions.GenericInternalRow(batch.numCols());
        int[] byId = new int[64];
        java.util.Arrays.fill(byId, Integer.MIN_VALUE);
        org.apache.spark.sql.execution.vectorized.WritableColumnVector ids = w.getDictionaryIds();
        boolean nulls = w.hasNull();
        for (int r = 0; r < size; r++) {
            if (nulls && w.isNullAt(r)) {
                probe.update(column, null);
                org.apache.spark.sql.catalyst.InternalRow v = projections[keyField].apply(probe);
                out[r] = v.isNullAt(0) ? -1 : number(v.getUTF8String(0));
                continue;
            }
            int id = ids.getDictId(r);
            if (id >= byId.length) {
                int old = byId.length;
                byId = java.util.Arrays.copyOf(byId, Math.max(id + 1, old * 2));
                java.util.Arrays.fill(byId, old, byId.length, Integer.MIN_VALUE);
            }
            if (byId[id] == Integer.MIN_VALUE) {
                probe.update(column, UTF8String.fromBytes(dictionary.decodeToBinary(id)));
                org.apache.spark.sql.catalyst.InternalRow v = projections[keyField].apply(probe);
                byId[id] = v.isNullAt(0) ? -1 : number(v.getUTF8String(0));
            }
            out[r] = byId[id];
        }
        return true;
    }

    private static int number(UTF8String text) {
        int n = 0;
        for (int i = 0; i < text.numBytes(); i++) {
            n = n * 10 + (text.getByte(i) - '0');
        }
        return n;
    }

    /** Reads the doubles of the field a MASKED field masks, once per batch: every segment of a column masks the same values. */
    private int readSource(int field) {
        int source = source(field);
        if (!read[source]) {
            if (sourceValues[source] == null || sourceValues[source].length < size) {
                sourceValues[source] = new double[Math.max(size, NumericBatch.ROWS)];
                sourceMissing[source] = new boolean[Math.max(size, NumericBatch.ROWS)];
            }
            doubles(source, sourceValues[source], sourceMissing[source], 0);
            read[source] = true;
        }
        return source;
    }

    /** Whether the field is a segment column: {@link #present} gives its segment's values without touching other rows. */
    public boolean masked(int field) {
        return fields[field].kind() == Kind.MASKED;
    }

    /**
     * A MASKED field's present values (its segment's rows where the column is not null), in row order:
     * {@code out[at + r]} for each such row r, whose {@code at + r} is appended to {@code rows} from
     * {@code count} on. Returns the new count. Costs the segment's rows, not the batch's.
     */
    public int present(int field, double[] out, int at, int[] rows, int count) {
        Rows in = rowsOf(field);
        int source = readSource(field);
        double[] values = sourceValues[source];
        boolean[] absent = sourceMissing[source];
        int n = count;
        for (int k = in.from(); k < in.to(); k++) {
            int r = in.order()[k];
            if (!absent[r]) {
                out[at + r] = values[r];
                rows[n++] = at + r;
            }
        }
        return n;
    }

    /**
     * The field's values in row order without the rows that cannot hold one: {@link #doubles} for a plain field
     * (all {@link #size} rows, nulls marked), a segment column's present values only (none marked). Returns how
     * many were written. For folds that only walk the values.
     */
    public int compact(int field, double[] out, boolean[] missing) {
        if (!masked(field)) {
            doubles(field, out, missing);
            return size;
        }
        Rows in = rowsOf(field);
        int source = readSource(field);
        double[] values = sourceValues[source];
        boolean[] absent = sourceMissing[source];
        int n = 0;
        for (int k = in.from(); k < in.to(); k++) {
            int r = in.order()[k];
            if (!absent[r]) {
                out[n] = values[r];
                missing[n++] = false;
            }
        }
        return n;
    }

    /**
     * The same for a string field: its segment's rows in row order (null source values included), into
     * {@code rows}; returns how many.
     */
    public int segmentRows(int field, int[] rows) {
        Rows in = rowsOf(field);
        System.arraycopy(in.order(), in.from(), rows, 0, in.to() - in.from());
        return in.to() - in.from();
    }

    /** A MASKED field's rows: {@code order[from..to)}, ascending. */
    private record Rows(int[] order, int from, int to) {
    }

    private Rows rowsOf(int field) {
        int key = fields[field].inputs()[1];
        bucket(key);
        int segment = fields[field].segment();
        int[] starts = segmentStarts[key];
        if (segment < 0 || segment + 1 >= starts.length) {
            return new Rows(segmentOrder[key], 0, 0);
        }
        return new Rows(segmentOrder[key], starts[segment], starts[segment + 1]);
    }

    /** The batch's rows ordered by their segment number by a key field (a counting sort, once per batch), rows in order within one. */
    private void bucket(int key) {
        if (bucketed[key]) {
            return;
        }
        int[] of = segments(key);
        int most = -1;
        for (int r = 0; r < size; r++) {
            most = Math.max(most, of[r]);
        }
        int[] starts = new int[most + 2];
        for (int r = 0; r < size; r++) {
            if (of[r] >= 0) {
                starts[of[r] + 1]++;
            }
        }
        for (int s = 1; s < starts.length; s++) {
            starts[s] += starts[s - 1];
        }
        int[] order = segmentOrder[key] == null || segmentOrder[key].length < size ? new int[Math.max(size, NumericBatch.ROWS)]
            : segmentOrder[key];
        int[] next = java.util.Arrays.copyOf(starts, starts.length);
        for (int r = 0; r < size; r++) {
            if (of[r] >= 0) {
                order[next[of[r]]++] = r;
            }
        }
        segmentOrder[key] = order;
        segmentStarts[key] = starts;
        bucketed[key] = true;
    }

    private int source(int field) {
        return fields[field].inputs()[0];
    }

    public boolean isNullAt(int field, int row) {
        Kind k = fields[field].kind();
        if (k == Kind.MASKED) {
            return outside(field, row) || isNullAt(source(field), row);
        }
        if (k == Kind.EXPRESSION) {
            return evaluated(field, row) == null;
        }
        return k != Kind.NOT_NULL && k != Kind.ROW_HASH && vectors[field].isNullAt(row);
    }

    /**
     * Spark's {@code xxhash64} of every row of the batch over the field's inputs, computed column by
     * column with Spark's own interpreted hash ({@code XxHash64Function}), so it equals what the
     * expression gives on the row path and on the other side's source.
     */
    private long[] rowHashes(int field) {
        if (hashed[field]) {
            return hashes[field];
        }
        long[] h = hashes[field] == null || hashes[field].length < size ? new long[Math.max(size, NumericBatch.ROWS)] : hashes[field];
        java.util.Arrays.fill(h, 0, size, XXHASH_SEED);
        Field f = fields[field];
        for (int c = 0; c < f.inputs().length; c++) {
            RowHashInput.fold(batch.column(f.inputs()[c]), f.inputTypes()[c], size, h);
        }
        hashes[field] = h;
        hashed[field] = true;
        return h;
    }

    /** The seed of Spark's {@code xxhash64} function. */
    static final long XXHASH_SEED = 42L;

    public double getDouble(int field, int row) {
        if (fields[field].kind() == Kind.MASKED) {
            return getDouble(source(field), row);
        }
        if (fields[field].kind() == Kind.EXPRESSION) {
            return ((Number) evaluated(field, row)).doubleValue();
        }
        ColumnVector v = vectors[field];
        return switch (fields[field].source()) {
            case DOUBLE -> v.getDouble(row);
            case FLOAT -> v.getFloat(row);
            case LONG -> v.getLong(row);
            case INT -> v.getInt(row);
            case SHORT -> v.getShort(row);
            case BYTE -> v.getByte(row);
            default -> throw new IllegalStateException("field " + field + " is not a number");
        };
    }

    public long getLong(int field, int row) {
        if (fields[field].kind() == Kind.MASKED) {
            return getLong(source(field), row);
        }
        if (fields[field].kind() == Kind.ROW_HASH) {
            return rowHashes(field)[row];
        }
        if (fields[field].kind() == Kind.EXPRESSION) {
            return ((Number) evaluated(field, row)).longValue();
        }
        ColumnVector v = vectors[field];
        return switch (fields[field].source()) {
            case LONG -> v.getLong(row);
            case INT -> v.getInt(row);
            case SHORT -> v.getShort(row);
            case BYTE -> v.getByte(row);
            default -> throw new IllegalStateException("field " + field + " is not an integer");
        };
    }

    public UTF8String getUTF8String(int field, int row) {
        if (fields[field].kind() == Kind.MASKED) {
            return getUTF8String(source(field), row);
        }
        if (fields[field].kind() == Kind.INTEGER_TEXT) {
            return integerText(field, getLong(field, row));
        }
        if (fields[field].kind() == Kind.EXPRESSION) {
            return (UTF8String) evaluated(field, row);
        }
        return vectors[field].getUTF8String(row);
    }

    /** An integer as Spark's cast to string spells it (decimal digits, '-' when negative). */
    private UTF8String integerText(int field, long v) {
        if (v < SMALL_LOW || v >= SMALL_HIGH) {
            return UTF8String.fromString(Long.toString(v));
        }
        UTF8String[] texts = smallTexts[field];
        int i = (int) v - SMALL_LOW;
        UTF8String t = texts[i];
        if (t == null) {
            t = UTF8String.fromString(Long.toString(v));
            texts[i] = t;
        }
        return t;
    }

    /** For a NOT_NULL field: whether the source value is present; for a boolean EXPRESSION its value. */
    public boolean getBoolean(int field, int row) {
        if (fields[field].kind() == Kind.MASKED) {
            return getBoolean(source(field), row);
        }
        if (fields[field].kind() == Kind.EXPRESSION) {
            return (Boolean) evaluated(field, row);
        }
        return !vectors[field].isNullAt(row);
    }

    /** The whole field as doubles (0 where null) and its nulls, into arrays of at least {@link #size} slots. */
    public void doubles(int field, double[] out, boolean[] missing) {
        doubles(field, out, missing, 0);
    }

    /** {@link #doubles(int, double[], boolean[])} written from position {@code at} on. */
    public void doubles(int field, double[] out, boolean[] missing, int at) {
        if (fields[field].kind() == Kind.MASKED) {
            int source = readSource(field);
            double[] values = sourceValues[source];
            boolean[] absent = sourceMissing[source];
            int[] in = segments(fields[field].inputs()[1]);
            int segment = fields[field].segment();
            for (int r = 0; r < size; r++) {
                boolean m = in[r] != segment || absent[r];
                missing[at + r] = m;
                out[at + r] = m ? 0.0 : values[r];
            }
            return;
        }
        if (fields[field].kind() == Kind.EXPRESSION) {
            for (int r = 0; r < size; r++) {
                missing[at + r] = isNullAt(field, r);
                out[at + r] = missing[at + r] ? 0.0 : getDouble(field, r);
            }
            return;
        }
        ColumnVector v = vectors[field];
        int n = size;
        boolean nulls = v.hasNull();
        if (nulls && v.numNulls() >= n) {
            // nulls only: the reader may have given the vector no value storage at all (pyarrow's all-null chunks)
            java.util.Arrays.fill(out, at, at + n, 0.0);
            java.util.Arrays.fill(missing, at, at + n, true);
            return;
        }
        switch (fields[field].source()) {
            case DOUBLE -> {
                for (int r = 0; r < n; r++) {
                    out[at + r] = v.getDouble(r);
                }
            }
            case LONG -> {
                for (int r = 0; r < n; r++) {
                    out[at + r] = v.getLong(r);
                }
            }
            case INT -> {
                for (int r = 0; r < n; r++) {
                    out[at + r] = v.getInt(r);
                }
            }
            default -> {
                for (int r = 0; r < n; r++) {
                    out[at + r] = nulls && v.isNullAt(r) ? 0.0 : getDouble(field, r);
                }
            }
        }
        for (int r = 0; r < n; r++) {
            boolean isNull = nulls && v.isNullAt(r);
            missing[at + r] = isNull;
            if (isNull) {
                out[at + r] = 0.0;
            }
        }
    }

    /**
     * The dictionary of a string field whose batch is dictionary-encoded (then {@link #dictionaryId} gives
     * each row's id), or null when the values must be read one by one.
     */
    public Dictionary dictionary(int field) {
        if (fields[field].kind() == Kind.MASKED) {
            return dictionary(source(field));
        }
        if (fields[field].kind() == Kind.STRING && DICTIONARY != null && vectors[field] instanceof WritableColumnVector w && w.hasDictionary()) {
            return (Dictionary) DICTIONARY.get(w);
        }
        return null;
    }

    public int dictionaryId(int field, int row) {
        if (fields[field].kind() == Kind.MASKED) {
            return dictionaryId(source(field), row);
        }
        return ((WritableColumnVector) vectors[field]).getDictionaryIds().getDictId(row);
    }

    public boolean hasNull(int field) {
        Kind k = fields[field].kind();
        return k == Kind.EXPRESSION || k == Kind.MASKED || (k != Kind.NOT_NULL && vectors[field].hasNull());
    }

    private static VarHandle dictionaryHandle() {
        try {
            return MethodHandles.privateLookupIn(WritableColumnVector.class, MethodHandles.lookup())
                .findVarHandle(WritableColumnVector.class, "dictionary", Dictionary.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;   // strings are then read value by value: slower, the same counts
        }
    }
}
