package org.driftwatch.profile.scan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.Alias;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.expressions.AttributeReference;
import org.apache.spark.sql.catalyst.expressions.Cast;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExprId;
import org.apache.spark.sql.catalyst.expressions.IsNotNull;
import org.apache.spark.sql.catalyst.expressions.XxHash64;
import org.apache.spark.sql.execution.ColumnarToRowExec;
import org.apache.spark.sql.execution.InputAdapter;
import org.apache.spark.sql.execution.ProjectExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The columnar form of a scan projection, when Spark reads the source in column batches (the
 * vectorised Parquet and ORC readers): the source's batches, and for each projected field the batch
 * column it comes from and how it is converted. Found only when the physical plan is exactly a
 * projection of plain columns over a columnar scan, and every projected field is one the scans know
 * how to convert the way Spark's cast would: numbers to double, integers to long or to text (class
 * labels stored as numbers), strings as they are, "is not null", and a row's {@code xxhash64} over plain columns. Anything else (CSV, a filter, a join, another cast) keeps the row path.
 */
public record ColumnarPlan(RDD<ColumnarBatch> batches, ScanBatch.Field[] fields) {

    /** The columnar plan of {@code projection}, or empty when it must be read as rows. */
    public static Optional<ColumnarPlan> of(Dataset<Row> projection) {
        SparkPlan plan = unwrap(projection.queryExecution().executedPlan());
        List<? extends Expression> projected;
        SparkPlan below = plan;
        if (plan instanceof ProjectExec project) {
            projected = CollectionConverters.asJava(project.projectList()).stream().map(e -> (Expression) e).toList();
            below = unwrap(project.child());
            // a projection Spark kept apart (an expression many fields share, as a segment key) is inlined into ours
            while (below instanceof ProjectExec inner) {
                projected = inlined(projected, inner);
                below = unwrap(inner.child());
            }
        } else {
            projected = null;   // the scan's own columns, when they need no renaming or cast
        }
        if (!(below instanceof ColumnarToRowExec toRows)) {
            return Optional.empty();
        }
        SparkPlan scan = unwrap(toRows.child());
        if (!scan.supportsColumnar()) {
            return Optional.empty();
        }
        Map<ExprId, Integer> ordinals = new HashMap<>();
        List<Attribute> output = CollectionConverters.asJava(scan.output());
        for (int i = 0; i < output.size(); i++) {
            ordinals.put(output.get(i).exprId(), i);
        }
        if (projected == null) {
            projected = output;
        }
        ScanBatch.Field[] fields = new ScanBatch.Field[projected.size()];
        for (int i = 0; i < fields.length; i++) {
            Expression e = projected.get(i) instanceof Alias a ? a.child() : projected.get(i);
            ScanBatch.Field f = field(e, ordinals);
            if (f == null) {
                f = expression(e, ordinals);
            }
            if (f == null) {
                return Optional.empty();
            }
            fields[i] = f;
        }
        masks(projection, fields);
        return Optional.of(new ColumnarPlan(ReaderBatch.rows(projection.sparkSession(), output.size(), scan::executeColumnar), fields));
    }

    /** The expressions with the inner projection's outputs replaced by what they compute. */
    private static List<? extends Expression> inlined(List<? extends Expression> outer, ProjectExec inner) {
        Map<ExprId, Expression> computed = new HashMap<>();
        for (org.apache.spark.sql.catalyst.expressions.NamedExpression e : CollectionConverters.asJava(inner.projectList())) {
            computed.put(e.exprId(), e instanceof Alias a ? a.child() : (Expression) e);
        }
        java.util.List<Expression> out = new java.util.ArrayList<>();
        for (Expression e : outer) {
            Expression body = e instanceof Alias a ? a.child() : e;
            Expression replaced = body.transform(new Replacing(computed, a -> computed.get(a.exprId())));
            out.add(replaced);
        }
        return out;
    }

    /**
     * Segment columns ({@link SegmentMask}) read the field they mask where the key field holds their segment's
     * number: the same values as their expression, without evaluating it row by row.
     */
    private static void masks(Dataset<Row> projection, ScanBatch.Field[] fields) {
        org.apache.spark.sql.types.StructField[] schema = projection.schema().fields();
        for (int i = 0; i < fields.length && i < schema.length; i++) {
            org.apache.spark.sql.types.Metadata m = schema[i].metadata();
            if (!m.contains(SegmentMask.SOURCE_FIELD)) {
                continue;
            }
            int source = (int) m.getLong(SegmentMask.SOURCE_FIELD);
            int key = (int) m.getLong(SegmentMask.KEY_FIELD);
            boolean valid = source >= 0 && source < fields.length && key >= 0 && key < fields.length && source != i && key != i
                && fields[source].kind() != ScanBatch.Kind.MASKED && fields[key].kind() != ScanBatch.Kind.MASKED
                && schema[source].dataType().equals(schema[i].dataType()) && schema[key].dataType() instanceof StringType;
            if (valid) {
                fields[i] = ScanBatch.Field.masked(fields[source], source, key, Integer.parseInt(m.getString(SegmentMask.VALUE)));
            }
        }
    }

    private static SparkPlan unwrap(SparkPlan plan) {
        SparkPlan p = plan;
        while (p instanceof WholeStageCodegenExec || p instanceof InputAdapter) {
            p = p instanceof WholeStageCodegenExec w ? w.child() : ((InputAdapter) p).child();
        }
        return p;
    }

    private static ScanBatch.Field field(Expression e, Map<ExprId, Integer> ordinals) {
        if (e instanceof XxHash64 x && x.seed() == ScanBatch.XXHASH_SEED) {
            return rowHash(CollectionConverters.asJava(x.children()), ordinals);
        }
        if (e instanceof IsNotNull n && n.child() instanceof AttributeReference a && ordinals.containsKey(a.exprId())) {
            return new ScanBatch.Field(ordinals.get(a.exprId()), ScanBatch.Kind.NOT_NULL, ScanBatch.Source.OTHER);
        }
        DataType target = e.dataType();
        Expression source = e instanceof Cast c ? c.child() : e;
        if (!(source instanceof AttributeReference a) || !ordinals.containsKey(a.exprId())) {
            return null;
        }
        int ordinal = ordinals.get(a.exprId());
        ScanBatch.Source from = source(a.dataType());
        if (target instanceof DoubleType && from.isNumber()) {
            return new ScanBatch.Field(ordinal, ScanBatch.Kind.DOUBLE, from);
        }
        if (target instanceof LongType && from.isInteger()) {
            return new ScanBatch.Field(ordinal, ScanBatch.Kind.LONG, from);
        }
        if (target instanceof StringType && a.dataType() instanceof StringType && !(e instanceof Cast)) {
            return new ScanBatch.Field(ordinal, ScanBatch.Kind.STRING, ScanBatch.Source.STRING);
        }
        if (target instanceof StringType && e instanceof Cast && from.isInteger()) {
            return new ScanBatch.Field(ordinal, ScanBatch.Kind.INTEGER_TEXT, from);
        }
        return null;
    }

    /**
     * Any other deterministic expression over the scan's columns (a condition, a cast Spark's vectors do not
     * hold, a date's instant), bound to the batch's columns and evaluated per row; null when it cannot be.
     */
    private static ScanBatch.Field expression(Expression e, Map<ExprId, Integer> ordinals) {
        if (!e.deterministic()) {
            return null;
        }
        scala.collection.Iterator<Attribute> refs = e.references().iterator();
        while (refs.hasNext()) {
            if (!ordinals.containsKey(refs.next().exprId())) {
                return null;
            }
        }
        Expression bound = e.transform(Replacing.binder(ordinals));
        // column references are unevaluable until bound; anything still unevaluable (a subquery) keeps the row path
        if (bound.find(x -> x instanceof org.apache.spark.sql.catalyst.expressions.Unevaluable).isDefined()) {
            return null;
        }
        return ScanBatch.Field.expression(bound);
    }

    /** Replaces each column reference the map knows by what it gives: its position in the batch, or what it computes. */
    private static final class Replacing extends scala.runtime.AbstractPartialFunction<Expression, Expression> implements java.io.Serializable {
        private final Map<ExprId, ?> known;
        private final java.util.function.Function<AttributeReference, Expression> by;

        Replacing(Map<ExprId, ?> known, java.util.function.Function<AttributeReference, Expression> by) {
            this.known = known;
            this.by = by;
        }

        /** Each reference bound to its ordinal in the batch. */
        static Replacing binder(Map<ExprId, Integer> ordinals) {
            return new Replacing(ordinals, a -> new org.apache.spark.sql.catalyst.expressions.BoundReference(ordinals.get(a.exprId()),
                a.dataType(), a.nullable()));
        }

        @Override
        public boolean isDefinedAt(Expression x) {
            return x instanceof AttributeReference a && known.containsKey(a.exprId());
        }

        @Override
        public <A1 extends Expression, B1> B1 applyOrElse(A1 x, scala.Function1<A1, B1> otherwise) {
            if (!isDefinedAt(x)) {
                return otherwise.apply(x);
            }
            @SuppressWarnings("unchecked")
            B1 replaced = (B1) by.apply((AttributeReference) x);
            return replaced;
        }
    }

    /** A row hash over plain columns of types a batch can hash ({@link RowHashInput}); else null. */
    private static ScanBatch.Field rowHash(List<Expression> inputs, Map<ExprId, Integer> ordinals) {
        int[] vectors = new int[inputs.size()];
        DataType[] types = new DataType[inputs.size()];
        for (int c = 0; c < vectors.length; c++) {
            if (!(inputs.get(c) instanceof AttributeReference a) || !ordinals.containsKey(a.exprId()) || !RowHashInput.supports(a.dataType())) {
                return null;
            }
            vectors[c] = ordinals.get(a.exprId());
            types[c] = a.dataType();
        }
        return new ScanBatch.Field(-1, ScanBatch.Kind.ROW_HASH, ScanBatch.Source.LONG, vectors, types);
    }

    private static ScanBatch.Source source(DataType t) {
        if (t instanceof DoubleType) {
            return ScanBatch.Source.DOUBLE;
        }
        if (t instanceof FloatType) {
            return ScanBatch.Source.FLOAT;
        }
        if (t instanceof LongType) {
            return ScanBatch.Source.LONG;
        }
        if (t instanceof IntegerType || t instanceof ShortType || t instanceof ByteType) {
            return t instanceof IntegerType ? ScanBatch.Source.INT : t instanceof ShortType ? ScanBatch.Source.SHORT : ScanBatch.Source.BYTE;
        }
        return t instanceof StringType ? ScanBatch.Source.STRING : ScanBatch.Source.OTHER;
    }
}
