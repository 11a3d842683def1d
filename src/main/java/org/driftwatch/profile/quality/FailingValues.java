package org.driftwatch.profile.quality;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.driftwatch.profile.sketch.DoubleCounts;

/**
 * The distinct failing values of one constraint with their counts, as the scans meet them: numbers in a
 * primitive table ({@link DoubleCounts}, no boxing — a range over a continuous column fails on as many
 * distinct values as rows), texts as {@code UTF8String}s copied out of the reader's buffer. Kept exactly up
 * to a limit of distinct values (numbers {@link #NUMBER_LIMIT}, texts {@link #LIMIT}); beyond it the
 * constraint says it {@link #overflow}ed and its samples come from one aggregation ({@link FailingSamples}).
 */
public final class FailingValues implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Distinct failing texts kept per constraint and side. */
    public static final int LIMIT = 10_000;
    /** Distinct failing numbers kept per constraint and side (16 bytes each, no object per value). */
    public static final int NUMBER_LIMIT = 1_000_000;
    private final int limit;
    private HashMap<Object, long[]> counts = new HashMap<>();
    private DoubleCounts numbers;
    private boolean overflow;

    public FailingValues(int limit) {
        this.limit = limit;
    }

    /** A failing number (−0.0 counts as 0.0, every NaN as one). */
    public void addNumber(double v, long count) {
        if (overflow) {
            return;
        }
        if (numbers == null) {
            numbers = new DoubleCounts(limit == LIMIT ? NUMBER_LIMIT : limit);
        }
        numbers.add(v, 0, count);
        if (numbers.full()) {
            drop();
        }
    }

    public void add(Object value, long count) {
        if (overflow) {
            return;
        }
        long[] c = counts.get(value);
        if (c != null) {
            c[0] += count;
        } else if (counts.size() < limit) {
            counts.put(value, new long[] {count});
        } else {
            drop();
        }
    }

    private void drop() {
        overflow = true;
        counts = new HashMap<>();
        numbers = null;
    }

    public FailingValues merge(FailingValues o) {
        if (o.overflow) {
            drop();
            return this;
        }
        o.counts.forEach((k, c) -> add(k, c[0]));
        if (o.numbers != null && !overflow) {
            if (numbers == null) {
                numbers = o.numbers;
            } else {
                numbers.merge(o.numbers);
                if (numbers.full()) {
                    drop();
                }
            }
        }
        return this;
    }

    public boolean overflow() {
        return overflow;
    }

    /**
     * The {@code k} most frequent failing values, ties by their text in code-point order (a number's text as
     * Spark casts it for {@code type}): a bounded heap over the counts, so a million distinct numbers cost
     * one pass and no sort.
     */
    public java.util.List<Object> top(int k, org.apache.spark.sql.types.DataType type) {
        if (k == 0) {
            return java.util.List.of();
        }
        java.util.PriorityQueue<FailingSamples.Counted> heap = new java.util.PriorityQueue<>(java.util.Comparator.reverseOrder());
        java.util.Map<org.apache.spark.unsafe.types.UTF8String, Object> values = new HashMap<>();
        java.util.function.BiConsumer<Object, Long> offer = (v, c) -> {
            if (heap.size() == k && c < heap.peek().count()) {
                return;   // fewer than the k-th: its text need not be spelled
            }
            org.apache.spark.unsafe.types.UTF8String text = org.apache.spark.unsafe.types.UTF8String.fromString(QualityResults.text(v, type));
            FailingSamples.Counted counted = new FailingSamples.Counted(text, c);
            if (heap.size() < k) {
                heap.add(counted);
                values.put(text, v);
            } else if (counted.compareTo(heap.peek()) < 0) {
                values.remove(heap.poll().text());
                heap.add(counted);
                values.put(text, v);
            }
        };
        counts.forEach((v, c) -> offer.accept(v, c[0]));
        if (numbers != null) {
            DoubleCounts.Sorted s = numbers.sorted();
            for (int i = 0; i < s.values().length; i++) {
                offer.accept(s.values()[i], s.first()[i]);
            }
        }
        java.util.List<FailingSamples.Counted> best = new java.util.ArrayList<>(heap);
        best.sort(null);
        java.util.List<Object> out = new java.util.ArrayList<>();
        best.forEach(c -> out.add(QualityResults.sample(values.get(c.text()), type)));
        return out;
    }
}
