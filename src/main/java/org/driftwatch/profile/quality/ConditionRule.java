package org.driftwatch.profile.quality;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.expressions.NamedExpression;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.Project;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;

/** A Spark SQL expression every row must make true (false or null fails); folded in the scans. */
public record ConditionRule(String name, String expression, int samples) implements QualityRule {
    @Override
    public String kind() {
        return "condition";
    }

    @Override
    public String column() {
        return null;
    }

    /** The expression as Spark parses it, without data; the one-line parse error otherwise. */
    public static ConditionRule parse(String name, String expression, int samples) {
        try {
            CatalystSqlParser$.MODULE$.parseExpression(expression);
        } catch (Exception e) {   // Spark's ParseException is checked in Java's eyes
            throw new IllegalArgumentException("Spark cannot parse the condition: " + firstLine(e.getMessage()));
        }
        return new ConditionRule(name, expression, samples);
    }

    /** The columns the expression names, in the data's order. */
    public record Resolved(List<String> columns) {
    }

    /** Resolves the expression against the data: its columns, or why it cannot be evaluated there (one line). */
    public static Resolved resolve(String expression, Dataset<Row> data) {
        Dataset<Row> probe;
        try {
            probe = data.select(functions.expr(expression));
        } catch (Exception e) {   // AnalysisException: a column that is not there, a function that does not exist
            throw new IllegalArgumentException("the condition cannot be evaluated: " + firstLine(e.getMessage()));
        }
        DataType type = probe.schema().fields()[0].dataType();
        if (!(type instanceof BooleanType)) {
            throw new IllegalArgumentException("the condition is " + type.simpleString() + ", not true or false");
        }
        LogicalPlan plan = probe.queryExecution().analyzed();
        java.util.Set<String> named = new java.util.HashSet<>();
        if (plan instanceof Project project) {
            NamedExpression e = project.projectList().head();
            scala.collection.Iterator<Attribute> refs = ((org.apache.spark.sql.catalyst.expressions.Expression) e).references().iterator();
            while (refs.hasNext()) {
                named.add(refs.next().name());
            }
        }
        List<String> columns = new ArrayList<>();
        for (StructField f : data.schema().fields()) {
            if (named.contains(f.name())) {
                columns.add(f.name());
            }
        }
        return new Resolved(columns);
    }

    static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }
}
