package org.driftwatch.profile.analyzer;

import java.io.Serializable;
import java.util.Map;

/**
 * A statistic that needs the data itself (Deequ's {@code Analyzer[S, M]}): the state it folds per
 * partition from one numeric column's values, how two states merge, and its metric — named numbers —
 * from the merged state. A check asks for it ({@code ProfileNeeds.analyze}); the scans run every
 * requested analyzer in the passes they already make (reference pass 1 and the one current scan), on both
 * sides, and {@code Comparison.analyzed} hands the check both sides' metrics. The row and the
 * column-batch paths give it the same buffer of the column's values in row order, so it has one add.
 * <p>Pure and serialisable: it travels with the scan's tasks and its state with their accumulators.
 *
 * @param <S> the state folded per partition
 */
public interface Analyzer<S extends Serializable> extends Serializable {
    /** Unique in a run: the key of its metric on each side. */
    String name();

    /** The numeric column it reads. */
    String column();

    S zero();

    /**
     * Adds {@code size} values of the column in row order: {@code values[r]} as read (NaN and ±∞ included),
     * {@code missing[r]} true for a null (its value is then meaningless).
     */
    void add(S state, double[] values, boolean[] missing, int size);

    S merge(S a, S b);

    /** The metric from the merged state, by field name; an empty side gives the zero state's metric. */
    Map<String, Double> metric(S state);
}
