package org.driftwatch.profile.scan;

import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.sql.catalyst.expressions.XxHash64Function$;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.sql.vectorized.ColumnVector;

/**
 * One column's step of Spark's {@code xxhash64} over a batch: each row's running hash becomes the hash of
 * the value with the running hash as seed; a null leaves it unchanged. Integers go straight to {@link XXH64}
 * (as Spark hashes them), every other type through Spark's interpreted hash of the value.
 */
final class RowHashInput {
    private RowHashInput() {
    }

    /** Whether a column of this type can be hashed from its batch vector. */
    static boolean supports(DataType t) {
        return t instanceof BooleanType || t instanceof ByteType || t instanceof ShortType || t instanceof IntegerType
            || t instanceof DateType || t instanceof LongType || t instanceof TimestampType || t instanceof TimestampNTZType
            || t instanceof FloatType || t instanceof DoubleType || t instanceof StringType || t instanceof DecimalType
            || t instanceof BinaryType;
    }

    static void fold(ColumnVector v, DataType t, int rows, long[] h) {
        boolean nulls = v.hasNull();
        if (t instanceof IntegerType || t instanceof DateType) {
            for (int r = 0; r < rows; r++) {
                if (!(nulls && v.isNullAt(r))) {
                    h[r] = XXH64.hashInt(v.getInt(r), h[r]);
                }
            }
        } else if (t instanceof LongType || t instanceof TimestampType || t instanceof TimestampNTZType) {
            for (int r = 0; r < rows; r++) {
                if (!(nulls && v.isNullAt(r))) {
                    h[r] = XXH64.hashLong(v.getLong(r), h[r]);
                }
            }
        } else {
            for (int r = 0; r < rows; r++) {
                if (!(nulls && v.isNullAt(r))) {
                    h[r] = XxHash64Function$.MODULE$.hash(value(v, t, r), t, h[r]);
                }
            }
        }
    }

    private static Object value(ColumnVector v, DataType t, int r) {
        if (t instanceof DoubleType) {
            return v.getDouble(r);
        }
        if (t instanceof FloatType) {
            return v.getFloat(r);
        }
        if (t instanceof StringType) {
            return v.getUTF8String(r);
        }
        if (t instanceof BooleanType) {
            return v.getBoolean(r);
        }
        if (t instanceof ByteType) {
            return v.getByte(r);
        }
        if (t instanceof ShortType) {
            return v.getShort(r);
        }
        if (t instanceof DecimalType d) {
            return v.getDecimal(r, d.precision(), d.scale());
        }
        return v.getBinary(r);
    }
}
