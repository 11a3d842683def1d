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
        EXPRESSION
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
    public record Field(int vector, Kind kind, Source source, int[] inputs, DataType[] inputTypes, Expression bound) implements Serializable {
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
        for (int f = 0; f < fields.length; f++) {
            smallTexts[f] = fields[f].kind() == Kind.INTEGER_TEXT ? new UTF8String[SMALL_HIGH - SMALL_LOW] : null;
        }
    }

    ScanBatch of(ColumnarBatch batch) {
        this.batch = batch;
        for (int f = 0; f < fields.length; f++) {
            Kind k = fields[f].kind();
            vectors[f] = k == Kind.ROW_HASH || k == Kind.EXPRESSION ? null : batch.column(fields[f].vector());
        }
        size = batch.numRows();
        java.util.Arrays.fill(hashed, false);
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

    public boolean isNullAt(int field, int row) {
        Kind k = fields[field].kind();
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
        if (fields[field].kind() == Kind.STRING && DICTIONARY != null && vectors[field] instanceof WritableColumnVector w && w.hasDictionary()) {
            return (Dictionary) DICTIONARY.get(w);
        }
        return null;
    }

    public int dictionaryId(int field, int row) {
        return ((WritableColumnVector) vectors[field]).getDictionaryIds().getDictId(row);
    }

    public boolean hasNull(int field) {
        Kind k = fields[field].kind();
        return k == Kind.EXPRESSION || (k != Kind.NOT_NULL && vectors[field].hasNull());
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
