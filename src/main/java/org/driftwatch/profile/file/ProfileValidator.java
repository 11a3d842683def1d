package org.driftwatch.profile.file;

import java.nio.file.Path;
import java.util.Map;
import org.driftwatch.data.DataException;
import org.driftwatch.profile.model.NumericSummary;
import org.driftwatch.profile.model.ReferenceProfile;
import org.driftwatch.profile.model.ValueCounts;
import org.driftwatch.profile.sketch.CellLayout;

/**
 * A loaded profile is checked before a run trusts it: counts are non-negative and add up to the rows,
 * PSI bins hold every value, edges are sorted, cells are ordered and hold what they claim, and the parts
 * agree with one another — min ≤ mean ≤ max, 0 ≤ std ≤ max − min, values within [min, max], and the PSI
 * bins equal to what the value table gives and within what the cells allow. A profile that fails is
 * refused with one line naming the file and the field. (A checksum only shows the file was not damaged;
 * a profile re-signed by hand is caught here when it contradicts itself, and by the keyed signature
 * when one is set.)
 */
final class ProfileValidator {
    private final Path file;

    private ProfileValidator(Path file) {
        this.file = file;
    }

    static void validate(Path file, ReferenceProfileFile f) {
        new ProfileValidator(file).check(f);
    }

    private void check(ReferenceProfileFile f) {
        ReferenceProfile p = f.profile();
        require(p.rows() > 0, "profile.rows", "must be positive, not " + p.rows());
        p.numeric().forEach((name, n) -> numeric("numerical." + name, n, p.rows(), f.psiBins()));
        p.categorical().forEach((name, counts) -> categorical("categorical." + name, counts, p));
        p.nonNull().forEach((name, n) -> require(n >= 0 && n <= p.rows(), "non_null." + name,
            "is " + n + ", outside 0.." + p.rows()));
        if (p.outcomes() != null) {
            outcomes("model_outcomes", p.outcomes(), p.rows());
        }
    }

    private void outcomes(String at, org.driftwatch.profile.model.ModelOutcomes o, long rows) {
        var c = o.counts();
        require(c.rows() == rows, at + ".counts.rows", "is " + c.rows() + ", not the " + rows + " rows");
        require(0 <= c.evaluated() && c.evaluated() <= c.labelled() && c.labelled() <= c.predictions() && c.predictions() <= rows,
            at + ".counts", "must satisfy 0 <= evaluated <= labelled <= predictions <= rows");
        if (o.confusion() != null) {
            long total = 0;
            for (var row : o.confusion().values()) {
                for (long v : row.values()) {
                    require(v >= 0, at + ".confusion", "has a negative count");
                    total += v;
                }
            }
            require(total == c.evaluated(), at + ".confusion", "holds " + total + " rows, not the " + c.evaluated() + " evaluated");
        }
        if (o.scores() != null && o.scores().min() != null) {
            require(o.scores().min() >= 0 && o.scores().max() <= 1, at + ".scores", "must lie in [0, 1]");
        }
    }

    private void numeric(String at, ReferenceProfile.NumericReference n, long rows, int bins) {
        NumericSummary s = n.summary();
        require(s.count() >= 0 && s.nullCount() >= 0 && s.nanCount() >= 0 && s.infiniteCount() >= 0, at + ".summary",
            "has a negative count");
        require(s.count() + s.nullCount() + s.nanCount() + s.infiniteCount() == rows, at + ".summary",
            "counts add up to " + (s.count() + s.nullCount() + s.nanCount() + s.infiniteCount()) + ", not the " + rows + " rows");
        if (s.count() == 0) {
            return;
        }
        require(s.min() != null && s.max() != null && s.min() <= s.max(), at + ".summary", "min must not exceed max");
        moments(at + ".summary", s);
        if (n.bins() != null) {
            require(n.bins().length == bins && nonNegative(n.bins()), at + ".psi_bins", "must be " + bins + " non-negative counts");
            require(sum(n.bins()) == s.count(), at + ".psi_bins", "hold " + sum(n.bins()) + " values, not " + s.count());
            require(n.innerEdges() != null && n.innerEdges().length == bins - 1 && sorted(n.innerEdges()), at + ".psi_inner_edges",
                "must be " + (bins - 1) + " finite edges in increasing order");
        }
        cells(at + ".cells", n.layout(), s.count());
        values(at + ".few_values", n.few(), s.count());
        values(at + ".value_table", n.all(), s.count());
        within(at + ".cells", n.layout().count().length == 0 ? null : new double[] {n.layout().min()[0],
            n.layout().max()[n.layout().max().length - 1]}, s);
        within(at + ".value_table", n.all() == null || n.all().size() == 0 ? null
            : new double[] {n.all().values()[0], n.all().values()[n.all().size() - 1]}, s);
        if (n.bins() != null) {
            binsAgree(at, n, s.count());
        }
    }

    /** min ≤ mean ≤ max and 0 ≤ std ≤ max − min, allowing the rounding of a mean of many values. */
    private void moments(String at, NumericSummary s) {
        double slack = 1e-9 * Math.max(Math.abs(s.min()), Math.abs(s.max())) + Double.MIN_VALUE;
        require(s.mean() != null && s.mean() >= s.min() - slack && s.mean() <= s.max() + slack, at,
            "mean " + s.mean() + " lies outside [min " + s.min() + ", max " + s.max() + "]");
        double range = s.max() - s.min();
        for (Double std : new Double[] {s.stdPop(), s.stdSample()}) {
            require(std == null || (std >= 0 && std <= range * (1 + 1e-9) + slack), at,
                "std " + std + " must lie in [0, max − min = " + range + "]");
        }
    }

    /** The cells' or the value table's least and greatest value are the summary's min and max. */
    private void within(String at, double[] ends, NumericSummary s) {
        if (ends != null) {
            require(ends[0] == s.min() && ends[1] == s.max(), at, "span [" + ends[0] + ", " + ends[1] + "], not the summary's [min "
                + s.min() + ", max " + s.max() + "]");
        }
    }

    /**
     * The PSI bins are what the values give: exactly the value table's counts per bin, and within what the
     * cells allow — a cell's ends fall in known bins, its inside anywhere between them.
     */
    private void binsAgree(String at, ReferenceProfile.NumericReference n, long count) {
        double[] edges = n.innerEdges();
        if (n.all() != null) {
            long[] expected = org.driftwatch.stats.PopulationStabilityIndex.binCounts(edges, new double[0]);
            for (int i = 0; i < n.all().size(); i++) {
                expected[org.driftwatch.stats.PopulationStabilityIndex.binOf(edges, n.all().values()[i])] += n.all().counts()[i];
            }
            require(java.util.Arrays.equals(expected, n.bins()), at + ".psi_bins", "are " + java.util.Arrays.toString(n.bins())
                + ", but the value table gives " + java.util.Arrays.toString(expected));
        }
        CellLayout l = n.layout();
        long[] least = new long[edges.length + 1];
        long[] most = new long[edges.length + 1];
        for (int i = 0; i < l.count().length; i++) {
            int lo = org.driftwatch.stats.PopulationStabilityIndex.binOf(edges, l.min()[i]);
            int hi = org.driftwatch.stats.PopulationStabilityIndex.binOf(edges, l.max()[i]);
            if (lo == hi) {
                least[lo] += l.count()[i];
                most[lo] += l.count()[i];
                continue;
            }
            long inside = l.count()[i] - l.minCount()[i] - l.maxCount()[i];
            least[lo] += l.minCount()[i];
            least[hi] += l.maxCount()[i];
            for (int b = lo; b <= hi; b++) {
                most[b] += inside + (b == lo ? l.minCount()[i] : 0) + (b == hi ? l.maxCount()[i] : 0);
            }
        }
        for (int b = 0; b < n.bins().length; b++) {
            require(least[b] <= n.bins()[b] && n.bins()[b] <= most[b], at + ".psi_bins",
                "bin " + b + " holds " + n.bins()[b] + " values, but the cells put " + least[b] + " to " + most[b] + " there");
        }
    }

    private void cells(String at, CellLayout l, long count) {
        int k = l.min().length;
        require(l.max().length == k && l.count().length == k && l.minCount().length == k && l.maxCount().length == k
            && l.insideOffsetSum().length == k, at, "lists must have one entry per cell");
        for (int i = 0; i < k; i++) {
            require(l.count()[i] > 0 && l.minCount()[i] > 0 && l.maxCount()[i] > 0 && l.min()[i] <= l.max()[i], at,
                "cell " + i + " is inconsistent");
            require(l.min()[i] == l.max()[i] ? l.minCount()[i] == l.count()[i] : l.minCount()[i] + l.maxCount()[i] <= l.count()[i],
                at, "cell " + i + " counts its ends more often than its values");
            require(i == 0 || l.max()[i - 1] < l.min()[i], at, "cells " + (i - 1) + " and " + i + " are not in increasing order");
        }
        require(sum(l.count()) == count, at, "hold " + sum(l.count()) + " values, not " + count);
    }

    private void values(String at, ValueCounts v, long count) {
        if (v == null) {
            return;
        }
        require(v.values().length == v.counts().length && sorted(v.values()), at, "values must be finite and increasing, one count each");
        for (long c : v.counts()) {
            require(c > 0, at, "counts must be positive");
        }
        require(sum(v.counts()) == count, at, "hold " + sum(v.counts()) + " values, not " + count);
    }

    private void categorical(String at, Map<String, Long> counts, ReferenceProfile p) {
        long total = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            require(e.getValue() > 0, at, "count of '" + e.getKey() + "' must be positive, not " + e.getValue());
            total += e.getValue();
        }
        require(total <= p.rows(), at, "counts add up to " + total + ", more than the " + p.rows() + " rows");
        Long nonNull = p.nonNull().get(at.substring("categorical.".length()));
        require(nonNull == null || nonNull == total, at, "counts add up to " + total + ", not its " + nonNull + " non-null values");
    }

    private static boolean sorted(double[] xs) {
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i]) || (i > 0 && xs[i] < xs[i - 1])) {
                return false;
            }
        }
        return true;
    }

    private static boolean nonNegative(long[] xs) {
        for (long x : xs) {
            if (x < 0) {
                return false;
            }
        }
        return true;
    }

    private static long sum(long[] xs) {
        long n = 0;
        for (long x : xs) {
            n += x;
        }
        return n;
    }

    private void require(boolean ok, String field, String problem) {
        if (!ok) {
            throw new DataException(file + ": reference profile is inconsistent: " + field + " " + problem
                + "; write it again with driftwatch profile");
        }
    }
}
