package org.driftwatch.profile.quality;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.driftwatch.data.SchemaColumns;

/**
 * The current rows that fail any row-level constraint, kept for people to look at: written with one more
 * column, {@link #FAILED}, listing the names of the constraints each row fails. Value tests run as the
 * same {@link ValueTest}s the scans use; unique by a count over the column's values, exists_in by a join
 * with the referenced column, so the rows are exact at any size. Written to a temporary folder beside the
 * target and renamed over it: a rerun for the same date replaces the rows, and a reader never sees half.
 */
public final class Quarantine {
    /** The added column: the names of the constraints the row fails. */
    public static final String FAILED = "_failed_constraints";

    private final Dataset<Row> current;
    private final List<QualityRule> rules;
    private final Map<String, Dataset<Row>> tables;

    public Quarantine(Dataset<Row> current, List<QualityRule> rules, Map<String, Dataset<Row>> tables) {
        this.current = current;
        this.rules = List.copyOf(rules);
        this.tables = Map.copyOf(tables);
    }

    /** What was kept: the rows written and where (null when no row fails: any earlier folder for the path is removed). */
    public record Kept(long rows, String path) {
    }

    public Kept write(String path, String format, long maxRows) throws IOException {
        Dataset<Row> data = current;
        List<Column> failing = new ArrayList<>();
        int k = 0;
        for (QualityRule rule : rules) {
            String flag = "_dq_fails_" + k++;
            Column fails = fails(rule, data);
            if (rule instanceof UniqueRule && SchemaColumns.has(data, rule.column())) {
                data = data.withColumn(flag, functions.count(SchemaColumns.named(rule.column()))
                    .over(Window.partitionBy(SchemaColumns.named(rule.column()))).geq(2));
                fails = functions.col(flag);
            } else if (rule instanceof ExistsInRule e && SchemaColumns.has(data, rule.column())) {
                Dataset<Row> table = tables.get(e.name());
                Dataset<Row> held = table.select(KeyedQuality.text(table, e.tableColumn()).as(flag + "_v")).where(functions.col(flag + "_v")
                    .isNotNull()).distinct().withColumn(flag, functions.lit(true));
                data = data.join(held, KeyedQuality.text(data, rule.column()).equalTo(functions.col(flag + "_v")), "left")
                    .drop(flag + "_v");
                fails = SchemaColumns.named(rule.column()).isNotNull().and(functions.col(flag).isNull());
            }
            if (fails != null) {
                failing.add(functions.when(fails, functions.lit(rule.name())));
            }
        }
        if (failing.isEmpty()) {
            return new Kept(0, null);
        }
        Column names = functions.array_compact(functions.array(failing.toArray(Column[]::new)));
        List<Column> keep = new ArrayList<>();
        for (String c : current.columns()) {
            keep.add(SchemaColumns.named(c));
        }
        keep.add(names.as(FAILED));
        Dataset<Row> rows = data.select(keep.toArray(Column[]::new)).where(functions.size(functions.col(FAILED)).gt(0)).limit((int) Math.min(
            maxRows, Integer.MAX_VALUE));
        Configuration conf = current.sparkSession().sparkContext().hadoopConfiguration();
        Path target = new Path(path);
        FileSystem fs = target.getFileSystem(conf);
        Path temporary = new Path(target.getParent(), "." + target.getName() + ".tmp-" + UUID.randomUUID());
        rows.write().mode(SaveMode.ErrorIfExists).format(format).save(temporary.toString());
        long written = current.sparkSession().read().format(format).load(temporary.toString()).count();
        replace(fs, temporary, target);
        return new Kept(written, target.toString());
    }

    /** Removes what an earlier run of the same date kept at {@code path} (tonight no row fails). */
    public void clear(String path) throws IOException {
        Path target = new Path(path);
        FileSystem fs = target.getFileSystem(current.sparkSession().sparkContext().hadoopConfiguration());
        if (fs.exists(target)) {
            fs.delete(target, true);
        }
    }

    /** Moves the new folder over the old one: the old aside first, so there is never a half-written folder at the target. */
    private static void replace(FileSystem fs, Path temporary, Path target) throws IOException {
        Path old = null;
        if (fs.exists(target)) {
            old = new Path(target.getParent(), "." + target.getName() + ".old-" + UUID.randomUUID());
            if (!fs.rename(target, old)) {
                throw new IOException("cannot move the earlier " + target + " aside");
            }
        }
        if (!fs.rename(temporary, target)) {
            throw new IOException("cannot move " + temporary + " to " + target);
        }
        if (old != null) {
            fs.delete(old, true);
        }
    }

    /** A folded constraint's failure on a row, as a Spark column; null for kinds that are not row-level or need more. */
    private static Column fails(QualityRule rule, Dataset<Row> data) {
        if (rule instanceof ConditionRule c) {
            try {
                ConditionRule.resolve(c.expression(), data);
            } catch (IllegalArgumentException e) {
                return null;   // the report says the constraint cannot be evaluated here
            }
            return functions.not(functions.coalesce(functions.expr(c.expression()), functions.lit(false)));
        }
        if (rule instanceof ValueRule v && SchemaColumns.has(data, v.column())
            && (v.test().reads() == ValueTest.Reads.TEXT || SchemaColumns.isNumeric(data, v.column()))) {
            Column value = SchemaColumns.named(v.column());
            return value.isNotNull().and(FailingSamples.fails(v, value));
        }
        return null;
    }
}
