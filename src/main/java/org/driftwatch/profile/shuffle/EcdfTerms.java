package org.driftwatch.profile.shuffle;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.driftwatch.stats.EcdfStatistic;
import org.driftwatch.stats.EcdfStatistics;
import org.driftwatch.stats.EcdfSums;

/**
 * The {@link EcdfStatistics} over a windowed value-frequency table, as one more aggregate of the same
 * job: each row is a distinct value with both sides' counts (r, k), running counts through it (cr, ck)
 * and totals (nr, nk), which is all a term needs, so rows fold in any order. Columns with an empty side
 * add nothing.
 */
final class EcdfTerms extends Aggregator<Row, EcdfSums, byte[]> {
    private static final long serialVersionUID = 1L;
    private static final StructType INPUT = new StructType().add("r", DataTypes.LongType).add("k", DataTypes.LongType)
        .add("cr", DataTypes.LongType).add("ck", DataTypes.LongType).add("nr", DataTypes.LongType).add("nk", DataTypes.LongType);

    /** The aggregate, applied to columns r, k, cr, ck, nr, nk. */
    static UserDefinedFunction function() {
        return functions.udaf(new EcdfTerms(), Encoders.row(INPUT));
    }

    @Override
    public EcdfSums zero() {
        return new EcdfSums();
    }

    @Override
    public EcdfSums reduce(EcdfSums sums, Row row) {
        long r = row.getLong(0);
        long k = row.getLong(1);
        long nr = row.getLong(4);
        long nk = row.getLong(5);
        if (nr > 0 && nk > 0) {
            sums.value(r, k, row.getLong(2) - r, row.getLong(3) - k, nr, nk);
        }
        return sums;
    }

    @Override
    public EcdfSums merge(EcdfSums a, EcdfSums b) {
        return a.merge(b);
    }

    @Override
    public byte[] finish(EcdfSums sums) {
        ByteBuffer out = ByteBuffer.allocate(16 * EcdfStatistics.count());
        for (EcdfSums.Range r : sums.ranges().values()) {
            out.putDouble(r.least()).putDouble(r.most());
        }
        return out.array();
    }

    /** The ranges {@link #finish} packed, by statistic name. */
    static Map<String, EcdfSums.Range> ranges(byte[] packed) {
        ByteBuffer in = ByteBuffer.wrap(packed);
        Map<String, EcdfSums.Range> out = new LinkedHashMap<>();
        for (EcdfStatistic s : EcdfStatistics.ALL) {
            out.put(s.name(), new EcdfSums.Range(in.getDouble(), in.getDouble()));
        }
        return out;
    }

    @Override
    public Encoder<EcdfSums> bufferEncoder() {
        return Encoders.javaSerialization(EcdfSums.class);
    }

    @Override
    public Encoder<byte[]> outputEncoder() {
        return Encoders.BINARY();
    }
}
