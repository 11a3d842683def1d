package org.driftwatch.profile.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.driftwatch.profile.model.NumericSummary;
import org.junit.jupiter.api.Test;

/** Merged moments do not depend on the order partitions merge in (Spark merges them as tasks finish). */
class ValueSummaryTest {
    private static List<ValueSummary> partitions(double[] values, int parts) {
        List<ValueSummary> out = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            ValueSummary s = new ValueSummary(10);
            for (int i = p; i < values.length; i += parts) {
                s.add(values[i]);
            }
            out.add(s);
        }
        return out;
    }

    private static NumericSummary merged(double[] values, int parts, long seed, boolean pairwise) {
        List<ValueSummary> ps = partitions(values, parts);
        Collections.shuffle(ps, new Random(seed));
        while (ps.size() > 1) {
            if (pairwise) {
                List<ValueSummary> next = new ArrayList<>();
                for (int i = 0; i < ps.size(); i += 2) {
                    next.add(i + 1 < ps.size() ? ps.get(i).merge(ps.get(i + 1)) : ps.get(i));
                }
                ps = next;
            } else {
                ps.set(0, ps.get(0).merge(ps.remove(ps.size() - 1)));
            }
        }
        return ps.get(0).summary();
    }

    @Test
    void anyMergeOrderGivesTheSameMomentsToTheLastBit() {
        Random rnd = new Random(5);
        double[] v = new double[20_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = 1e6 + rnd.nextGaussian() * 3.7;   // far from zero, where order matters most
        }
        NumericSummary first = merged(v, 9, 1, true);
        for (long seed = 2; seed < 8; seed++) {
            NumericSummary other = merged(v, 9, seed, seed % 2 == 0);
            assertEquals(first.mean(), other.mean(), 0.0, "mean, order " + seed);
            assertEquals(first.stdPop(), other.stdPop(), 0.0, "std, order " + seed);
            assertEquals(first.stdSample(), other.stdSample(), 0.0);
        }
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        double m2 = java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum();
        assertEquals(mean, first.mean(), 1e-12 * Math.abs(mean));
        assertEquals(Math.sqrt(m2 / v.length), first.stdPop(), 1e-9 * Math.sqrt(m2 / v.length));
        assertEquals(20_000, first.count());
    }
}
