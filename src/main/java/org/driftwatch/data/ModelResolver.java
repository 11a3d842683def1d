package org.driftwatch.data;

import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.driftwatch.rules.ColumnRoles;
import org.driftwatch.rules.ModelRules;
import org.driftwatch.rules.RuleException;
import org.driftwatch.rules.Suggestions;

/**
 * Resolves the monitored model against the data: the prediction and score columns must exist and have
 * a type that fits the task; an omitted task is inferred (a score → binary; a fractional label →
 * regression; otherwise a classifier, made binary or multiclass once its classes are counted).
 */
public final class ModelResolver {
    private ModelResolver() {
    }

    /** The model plan, or null when the rule file monitors no model (no label or no prediction). */
    public static ModelPlan resolve(String ruleFile, ColumnRoles roles, ModelRules model, StructType reference, StructType current) {
        if (roles.label() == null || roles.prediction() == null) {
            return null;
        }
        DataType label = type(ruleFile, "columns.label", roles.label(), reference, "reference");
        DataType prediction = type(ruleFile, "columns.prediction", roles.prediction(), reference, "reference");
        if (!has(current, roles.prediction())) {
            throw new DataException("the current data has no prediction column '" + roles.prediction() + "' (columns.prediction)"
                + Suggestions.hint(roles.prediction(), java.util.List.of(current.fieldNames())));
        }
        if (roles.score() != null) {
            DataType score = type(ruleFile, "columns.score", roles.score(), reference, "reference");
            if (!(score instanceof NumericType)) {
                throw new RuleException(ruleFile, "columns.score names '" + roles.score() + "', which is of type " + score.simpleString()
                    + "; a score is the positive-class probability, a number in [0, 1]");
            }
            if (!has(current, roles.score())) {
                throw new DataException("the current data has no score column '" + roles.score() + "' (columns.score)");
            }
        }
        ModelTask task;
        String reason;
        boolean inferred = model.task() == null;
        if (!inferred) {
            task = ModelTask.of(model.task());
            reason = "model.task in the rule file";
        } else if (roles.score() != null) {
            task = ModelTask.BINARY;
            reason = "inferred: a score column is given";
        } else if (fractional(label)) {
            task = ModelTask.REGRESSION;
            reason = "inferred: the label is of type " + label.simpleString();
        } else {
            task = ModelTask.CLASSIFICATION;
            reason = "inferred: the label is of type " + label.simpleString();
        }
        if (task == ModelTask.REGRESSION) {
            requireNumeric(ruleFile, "label", roles.label(), label);
            requireNumeric(ruleFile, "prediction", roles.prediction(), prediction);
        }
        String positive = null;
        if (task.classifier()) {
            positive = model.positiveClass() != null ? ModelPlan.className(model.positiveClass())
                : label instanceof BooleanType ? "true" : "1";
            if (task == ModelTask.BINARY && model.positiveClass() == null && label instanceof StringType) {
                throw new RuleException(ruleFile, "model.positive_class is needed: the binary label '" + roles.label()
                    + "' holds text, so which class is positive cannot be assumed");
            }
        }
        ModelPlan.LabelJoin join = model.delayedLabels() ? new ModelPlan.LabelJoin(model.labels().describe(), model.labelsKey(), null) : null;
        return new ModelPlan(task, inferred, reason, roles.label(), roles.prediction(), roles.score(), positive,
            label instanceof NumericType, model.minLabelCoverage(), join, model.maxClassPairs());
    }

    private static boolean fractional(DataType t) {
        return t instanceof DoubleType || t instanceof FloatType || (t instanceof DecimalType d && d.scale() > 0);
    }

    private static void requireNumeric(String ruleFile, String role, String column, DataType t) {
        if (!(t instanceof NumericType)) {
            throw new RuleException(ruleFile, "model.task is regression, but the " + role + " column '" + column + "' is of type "
                + t.simpleString() + "; a regression " + role + " must be numeric (or set model.task: multiclass)");
        }
    }

    private static boolean has(StructType schema, String name) {
        return java.util.Arrays.asList(schema.fieldNames()).contains(name);
    }

    private static DataType type(String ruleFile, String key, String name, StructType schema, String side) {
        if (!has(schema, name)) {
            throw new RuleException(ruleFile, key + " names column '" + name + "', which the " + side + " data does not have"
                + Suggestions.hint(name, java.util.List.of(schema.fieldNames())) + "; its columns: " + String.join(", ", schema.fieldNames()));
        }
        return schema.apply(name).dataType();
    }
}
