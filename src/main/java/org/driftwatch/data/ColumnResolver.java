package org.driftwatch.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.driftwatch.rules.ColumnRoles;
import org.driftwatch.rules.RuleException;
import org.driftwatch.rules.Suggestions;

/**
 * Resolves the rule file's column roles against the reference and current schemas: names must exist
 * in the reference, numerical columns must be numeric, and when no features are listed they are
 * inferred (numeric → numerical; string or boolean → categorical; others skipped).
 */
public final class ColumnResolver {
    private ColumnResolver() {
    }

    public static ColumnPlan resolve(String ruleFile, ColumnRoles roles, StructType reference, StructType current) {
        return resolve(ruleFile, roles, org.driftwatch.rules.ModelRules.NONE, reference, current);
    }

    public static ColumnPlan resolve(String ruleFile, ColumnRoles roles, org.driftwatch.rules.ModelRules model,
                                     StructType reference, StructType current) {
        Map<String, DataType> ref = types(reference);
        Map<String, DataType> cur = types(current);
        for (String role : new String[] {"id", "label"}) {
            String name = role.equals("id") ? roles.id() : roles.label();
            if (name != null) {
                requireColumn(ruleFile, role.equals("id") ? roles.idKey() : "columns." + role, name, ref);
            }
        }
        List<String> numerical = new ArrayList<>();
        List<String> categorical = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        if (roles.inferred()) {
            for (Map.Entry<String, DataType> e : ref.entrySet()) {
                String name = e.getKey();
                if (roles.roleColumns().contains(name)) {
                    continue;
                }
                if (identifierLike(name) && (e.getValue() instanceof NumericType || e.getValue() instanceof StringType)) {
                    skipped.add(name);
                    reasons.put(name, "named like an identifier, so not a feature: drift of ids means nothing; to check leakage"
                        + " with it, add 'columns: {id: " + name + "}' to the rule file (or list it as a feature to compare it)");
                } else if (e.getValue() instanceof NumericType) {
                    numerical.add(name);
                } else if (e.getValue() instanceof StringType || e.getValue() instanceof BooleanType) {
                    categorical.add(name);
                } else {
                    skipped.add(name);
                    reasons.put(name, "of type " + e.getValue().simpleString() + " (dates, timestamps and nested values are not"
                        + " drift-tested; list it to compare it)");
                }
            }
        } else {
            for (String name : orEmpty(roles.numerical())) {
                DataType t = requireColumn(ruleFile, "columns.numerical", name, ref);
                if (!(t instanceof NumericType)) {
                    throw new RuleException(ruleFile, "columns.numerical lists '" + name + "', but it is of type "
                        + t.simpleString() + " in the reference data; list it under columns.categorical");
                }
                numerical.add(name);
            }
            for (String name : orEmpty(roles.categorical())) {
                requireColumn(ruleFile, "columns.categorical", name, ref);
                categorical.add(name);
            }
        }
        List<String> missing = new ArrayList<>();
        Map<String, String[]> changed = new LinkedHashMap<>();
        for (Map.Entry<String, DataType> e : ref.entrySet()) {
            DataType c = cur.get(e.getKey());
            if (c == null) {
                missing.add(e.getKey());
            } else if (!sameKind(e.getValue(), c)) {
                changed.put(e.getKey(), new String[] {e.getValue().simpleString(), c.simpleString()});
            }
        }
        List<String> added = cur.keySet().stream().filter(n -> !ref.containsKey(n)).toList();
        return new ColumnPlan(numerical, categorical, roles.id(), roles.label(), roles.inferred(), skipped,
            new ColumnPlan.SchemaDifference(missing, added, changed), ModelResolver.resolve(ruleFile, roles, model, reference, current),
            reasons, SegmentPlan.NONE);
    }

    private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile(
        "(?i)(id|uuid|guid|row_?id|row_?number|index)|.*[_\\-. ](id|uuid|guid|key)");
    private static final java.util.regex.Pattern CAMEL = java.util.regex.Pattern.compile(".*[a-z0-9](Id|ID|Uuid|UUID|Key)");

    /** id, *_id, userId, uuid, *_key, row_number, index: names of columns that identify rows rather than describe them. */
    static boolean identifierLike(String name) {
        return WHOLE.matcher(name).matches() || CAMEL.matcher(name).matches();
    }

    /** int → bigint is no change worth a warning; numeric → string is. */
    private static boolean sameKind(DataType a, DataType b) {
        if (a instanceof NumericType && b instanceof NumericType) {
            return true;
        }
        return a.sameType(b);
    }

    private static DataType requireColumn(String ruleFile, String key, String name, Map<String, DataType> ref) {
        DataType t = ref.get(name);
        if (t == null) {
            throw new RuleException(ruleFile, key + " names column '" + name + "', which the reference data does not have"
                + Suggestions.hint(name, ref.keySet()) + "; its columns: " + String.join(", ", ref.keySet()));
        }
        return t;
    }

    private static Map<String, DataType> types(StructType schema) {
        Map<String, DataType> out = new LinkedHashMap<>();
        for (StructField f : schema.fields()) {
            out.put(f.name(), f.dataType());
        }
        return out;
    }

    private static List<String> orEmpty(List<String> xs) {
        return xs == null ? List.of() : xs;
    }
}
