package org.driftwatch.profile.analyzer;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The states of every analyzer of one scan, inside the scan's accumulator: a scan adds each numeric
 * column's buffered values once, and every analyzer of that column folds them; accumulators merge
 * analyzer by analyzer. Analyzers of columns the scan does not read are left out.
 */
public final class AnalyzerFold implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int[] NONE = new int[0];
    private final List<Analyzer<Serializable>> analyzers;
    /** Per numeric column of the scan (in its order), the indices of its analyzers. */
    private final int[][] byColumn;
    private final Serializable[] states;

    /** No analyzers: what scans without a request fold. */
    public static AnalyzerFold none(int columns) {
        return new AnalyzerFold(List.of(), java.util.Collections.nCopies(columns, ""));
    }

    @SuppressWarnings("unchecked")
    public AnalyzerFold(List<? extends Analyzer<?>> requested, List<String> numericColumns) {
        analyzers = new ArrayList<>();
        byColumn = new int[numericColumns.size()][];
        List<List<Integer>> indices = new ArrayList<>();
        for (int c = 0; c < numericColumns.size(); c++) {
            indices.add(new ArrayList<>());
        }
        for (Analyzer<?> a : requested) {
            int c = numericColumns.indexOf(a.column());
            if (c >= 0) {
                indices.get(c).add(analyzers.size());
                analyzers.add((Analyzer<Serializable>) a);
            }
        }
        for (int c = 0; c < byColumn.length; c++) {
            byColumn[c] = indices.get(c).isEmpty() ? NONE : indices.get(c).stream().mapToInt(Integer::intValue).toArray();
        }
        states = new Serializable[analyzers.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = analyzers.get(i).zero();
        }
    }

    /** Numeric column {@code column}'s next {@code size} values, as {@link Analyzer#add} takes them. */
    public void add(int column, double[] values, boolean[] missing, int size) {
        for (int i : byColumn[column]) {
            analyzers.get(i).add(states[i], values, missing, size);
        }
    }

    public AnalyzerFold merge(AnalyzerFold o) {
        for (int i = 0; i < states.length; i++) {
            states[i] = analyzers.get(i).merge(states[i], o.states[i]);
        }
        return this;
    }

    /** Every analyzer's metric, by analyzer name. */
    public Map<String, Map<String, Double>> metrics() {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (int i = 0; i < states.length; i++) {
            out.put(analyzers.get(i).name(), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(analyzers.get(i).metric(states[i]))));
        }
        return out;
    }
}
