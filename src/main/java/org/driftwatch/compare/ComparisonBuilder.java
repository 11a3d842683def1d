package org.driftwatch.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.driftwatch.compare.ColumnComparison.Bins;
import org.driftwatch.compare.ColumnComparison.Categories;
import org.driftwatch.compare.ColumnComparison.ChiSquare;
import org.driftwatch.compare.ColumnComparison.SideStats;
import org.driftwatch.data.ColumnPlan;
import org.driftwatch.profile.model.CategoryTable;
import org.driftwatch.profile.model.JointProfile;
import org.driftwatch.profile.model.DatasetSummary;
import org.driftwatch.profile.model.NumericDistribution;
import org.driftwatch.profile.model.NumericSummary;
import org.driftwatch.profile.model.SelfCheck;
import org.driftwatch.stats.ChiSquareContingency;
import org.driftwatch.stats.JensenShannon;
import org.driftwatch.stats.KolmogorovSmirnov;
import org.driftwatch.stats.PopulationStabilityIndex;
import org.driftwatch.stats.Wasserstein;

/**
 * The compare stage: pure step from profiles to statistics — PSI, KS, Wasserstein, chi-square,
 * Jensen–Shannon, each column's drift test ({@link DriftTestChoice} or the rule file's choice) and
 * dataset drift. No Spark here, and no judgement: checks judge what this computes.
 */
public final class ComparisonBuilder {
    private ComparisonBuilder() {
    }

    public static Comparison build(ColumnPlan plan, JointProfile profile, CompareSettings needs) {
        Map<String, ColumnComparison> columns = new LinkedHashMap<>();
        Map<String, SelfCheck> self = profile.reference().selfChecks();
        for (String name : plan.numerical()) {
            columns.put(name, ReferenceSelfCheck.attach(numerical(name, profile, needs), self.get(name)).withMetrics());
        }
        for (String name : plan.categorical()) {
            columns.put(name, ReferenceSelfCheck.attach(categorical(name, profile, needs), self.get(name)).withMetrics());
        }
        var performance = performance(plan, profile, needs);
        List<SegmentComparison> segments = SegmentComparisons.build(plan, profile, needs, performance);
        Map<String, ColumnComparison> corrected = MultipleTestingCorrection.apply(tested(columns, segments), needs.correction());
        columns = whole(corrected, columns.keySet());
        segments = corrected(segments, corrected);
        var label = java.util.Optional.ofNullable(plan.label())
            .map(l -> ReferenceSelfCheck.attach(plan.numericLabel() ? numerical(l, profile, needs) : categorical(l, profile, needs),
                self.get(l)).withMetrics());
        return new Comparison(profile.reference().rows(), profile.current().rows(), plan, columns, label, profile.leakage(),
            profile.identicalRows(), DatasetDrift.of(columns.values(), needs.datasetShare()), performance, EarlierRuns.NONE,
            analyzed(profile), new QualityMeasures(profile.reference().quality(), profile.current().quality()), segments, counted(plan, profile));
    }

    /** The id, counted by the scans but not compared: its rows and nulls per side, for {@code checks.nulls.required}. */
    private static Map<String, ColumnComparison> counted(ColumnPlan plan, JointProfile profile) {
        String id = plan.id();
        if (id == null || plan.numerical().contains(id) || plan.categorical().contains(id)) {
            return Map.of();
        }
        Long ref = profile.reference().nonNull(id);
        Long cur = profile.current().nonNull(id);
        if (ref == null || cur == null) {
            return Map.of();
        }
        return Map.of(id, ColumnComparison.withoutStatistics(id, "id", counts(profile.reference().rows(), ref),
            counts(profile.current().rows(), cur), null, List.of(), List.of(), "an id is counted, not compared", List.of()));
    }

    private static ColumnComparison.SideStats counts(long rows, long nonNull) {
        return new ColumnComparison.SideStats(rows, nonNull, rows - nonNull, 0, 0, null, null, null, null, null, null, null);
    }

    /** The whole columns' and every segment column's tests together, as the multiple-testing correction counts them. */
    private static Map<String, ColumnComparison> tested(Map<String, ColumnComparison> columns, List<SegmentComparison> segments) {
        Map<String, ColumnComparison> all = new LinkedHashMap<>(columns);
        for (SegmentComparison s : segments) {
            s.columns().forEach((name, c) -> all.put(segmentKey(s, name), c));
        }
        return all;
    }

    private static String segmentKey(SegmentComparison s, String column) {
        return "\u0000" + s.name() + "\u0000" + column;
    }

    private static Map<String, ColumnComparison> whole(Map<String, ColumnComparison> corrected, java.util.Set<String> names) {
        Map<String, ColumnComparison> out = new LinkedHashMap<>();
        names.forEach(n -> out.put(n, corrected.get(n)));
        return out;
    }

    private static List<SegmentComparison> corrected(List<SegmentComparison> segments, Map<String, ColumnComparison> corrected) {
        List<SegmentComparison> out = new ArrayList<>();
        for (SegmentComparison s : segments) {
            Map<String, ColumnComparison> columns = new LinkedHashMap<>();
            s.columns().keySet().forEach(n -> columns.put(n, corrected.get(segmentKey(s, n))));
            out.add(new SegmentComparison(s.name(), s.by(), s.value(), s.expression(), s.referenceRows(), s.currentRows(), columns,
                s.performance(), s.insufficient()));
        }
        return out;
    }

    /** Every analyzer's metrics, paired by name across the sides. */
    private static Map<String, Analyzed> analyzed(JointProfile profile) {
        Map<String, Analyzed> out = new LinkedHashMap<>();
        java.util.Set<String> names = new java.util.TreeSet<>(profile.reference().analyzed().keySet());
        names.addAll(profile.current().analyzed().keySet());
        for (String name : names) {
            out.put(name, new Analyzed(profile.reference().analyzed().get(name), profile.current().analyzed().get(name)));
        }
        return out;
    }

    private static java.util.Optional<ModelPerformance> performance(ColumnPlan plan, JointProfile profile, CompareSettings needs) {
        if (plan.model() == null) {
            return java.util.Optional.empty();
        }
        String column = plan.model().predictionDriftColumn();
        ColumnComparison drift = profile.numeric().containsKey(column) || profile.reference().numeric().containsKey(column)
            ? numerical(column, profile, needs).withMetrics() : categorical(column, profile, needs).withMetrics();
        return java.util.Optional.of(ModelPerformance.build(plan.model(), profile.referenceOutcomes(), profile.currentOutcomes(), drift));
    }

    static ColumnComparison numerical(String name, JointProfile profile, CompareSettings needs) {
        NumericSummary rs = profile.reference().numeric().get(name);
        NumericSummary cs = profile.current().numeric().get(name);
        NumericDistribution dist = profile.numeric().get(name);
        SideStats ref = side(profile.reference().rows(), rs, dist == null ? null : dist.referenceMedian(),
            dist == null || dist.referenceDistinct() < 0 ? null : dist.referenceDistinct());
        SideStats cur = side(profile.current().rows(), cs, null, cs == null || dist == null || dist.currentDistinct() < 0 ? null : dist.currentDistinct());
        List<String> notes = new ArrayList<>();
        String insufficient = insufficient(rs == null ? 0 : rs.count(), cs, cs == null ? 0 : cs.count(), needs, notes, "numeric");
        if (insufficient != null) {
            return ColumnComparison.withoutStatistics(name, "numerical", ref, cur, null, List.of(), List.of(), insufficient, notes);
        }
        long n1 = rs.count();
        long n2 = cs.count();
        Bins bins = new Bins(dist.innerEdges(), dist.referenceBins(), dist.currentBins());
        double psi = PopulationStabilityIndex.fromCounts(bins.reference(), bins.current());
        KolmogorovSmirnov.Result ks = KolmogorovSmirnov.test(dist.ksStatistic(), n1, n2);
        double normed = Wasserstein.normed(dist.wasserstein(), rs.stdPop());
        Categories values = null;
        ChiSquare chi = null;
        Double js = null;
        if (dist.values() != null) {
            NumericDistribution.ValueTable t = dist.values();
            List<String> names = new ArrayList<>();
            for (double v : t.values()) {
                names.add(format(v));
            }
            values = new Categories(names, t.reference(), t.current(), false);
            chi = chiSquare(t.reference(), t.current());
            js = JensenShannon.distance(t.reference(), t.current());
        }
        boolean fewValues = values != null && DriftTestChoice.fewValues(dist.pooledDistinct());
        Map<String, ColumnComparison.Statistic> statistics = new LinkedHashMap<>();
        statistics.put(ColumnComparison.PSI, ColumnComparison.Statistic.of(psi));
        statistics.put(ColumnComparison.KS, new ColumnComparison.Statistic(ks.statistic(), ks.pValue(), dist.ksBound(),
            ks.method().name().toLowerCase(), null));
        statistics.put(ColumnComparison.WASSERSTEIN, ColumnComparison.Statistic.of(dist.wasserstein()));
        statistics.put(ColumnComparison.WASSERSTEIN_NORMED, new ColumnComparison.Statistic(normed, null,
            Wasserstein.normed(dist.wassersteinBound(), rs.stdPop()), null, null));
        if (chi != null) {
            statistics.put(ColumnComparison.CHI_SQUARE, new ColumnComparison.Statistic(chi.statistic(), chi.pValue(), null, null,
                chi.degreesOfFreedom()));
            statistics.put(ColumnComparison.JENSEN_SHANNON, ColumnComparison.Statistic.of(js));
        }
        ColumnComparison compared = ColumnComparison.numerical(name, ref, cur, bins, values, statistics, notes, dist.method());
        compared = EcdfTestMetric.attach(compared, dist.ecdf(), n1, n2, dist.pooledDistinct());
        return compared.withDrift(drift(compared, needs, DriftTestChoice.defaultFor(true, fewValues, n1),
            fewValues ? DriftTestChoice.fewValuesNote() : null));
    }

    static ColumnComparison categorical(String name, JointProfile profile, CompareSettings needs) {
        CategoryTable t = profile.categorical().get(name);
        Long rc = profile.reference().nonNull(name);
        Long cc = profile.current().nonNull(name);
        SideStats ref = side(profile.reference(), rc, t == null ? null : countNonZero(t.reference()));
        SideStats cur = side(profile.current(), cc, cc == null || t == null ? null : countNonZero(t.current()));
        List<String> notes = new ArrayList<>();
        NumericSummary curPresence = cc == null ? null : new NumericSummary(cc, 0, 0, 0, null, null, null, null, null);
        String insufficient = insufficient(rc == null ? 0 : rc, curPresence, cc == null ? 0 : cc, needs, notes, "non-null");
        Categories cats = t == null ? null : new Categories(t.categories(), t.reference(), t.current(), t.folded(), t.unseen());
        List<String> unseen = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (t != null) {
            for (int i = 0; i < t.categories().size(); i++) {
                if (t.reference()[i] == 0 && t.current()[i] > 0) {
                    unseen.add(t.categories().get(i));
                } else if (t.reference()[i] > 0 && t.current()[i] == 0 && cc != null) {
                    missing.add(t.categories().get(i));
                }
            }
            if (t.unseen() != null) {
                t.unseen().top().keySet().stream().filter(v -> !unseen.contains(v)).forEach(unseen::add);
            }
            if (t.folded()) {
                notes.add(t.distinct() + " distinct values: the " + (t.categories().size() - 1)
                    + " most frequent categories of either side are kept, the rest form '" + CategoryTable.OTHER + "'"
                    + (t.unseen() == null || t.unseen().distinct() == 0 ? "" : String.format("; %d values new in the current data hold %.1f%% of it",
                        t.unseen().distinct(), 100 * cats.unseenShare())));
            }
        }
        if (insufficient != null) {
            return ColumnComparison.withoutStatistics(name, "categorical", ref, cur, cats, unseen, missing, insufficient, notes);
        }
        double psi = PopulationStabilityIndex.fromCounts(t.reference(), t.current());
        ChiSquare chi = chiSquare(t.reference(), t.current());
        double js = JensenShannon.distance(t.reference(), t.current());
        ColumnComparison compared = ColumnComparison.categorical(name, ref, cur, psi, cats, chi, js, unseen, missing, notes);
        return compared.withDrift(drift(compared, needs, DriftTestChoice.defaultFor(false, false, rc), null));
    }

    /** The column's drift test: the rule file's choice for it, else the default one. */
    private static ColumnComparison.DriftResult drift(ColumnComparison c, CompareSettings settings, DriftTest byDefault, String note) {
        DriftTest test = settings.testFor(c.name()).orElse(byDefault);
        ColumnComparison.DriftResult d = test.run(c, test == byDefault ? note : "drift test " + test.key() + " set in compare.tests");
        if (d.score() == null) {
            return new ColumnComparison.DriftResult(d.test(), null, d.threshold(), false,
                "drift undetermined: " + test.display() + " could not be computed for this column (see its notes)");
        }
        return d;
    }

    /** Null when there is enough data; otherwise the reason, also added to the notes. */
    private static String insufficient(long n1, NumericSummary current, long n2, CompareSettings needs, List<String> notes, String what) {
        String reason = null;
        if (current == null) {
            reason = "column is missing from the current data (or no longer numeric)";
        } else if (Math.min(n1, n2) < needs.minCount()) {
            reason = "insufficient data: " + n1 + " reference and " + n2 + " current " + what
                + " values (minimum " + needs.minCount() + ")";
        }
        if (reason != null) {
            notes.add(reason);
        }
        return reason;
    }

    private static ChiSquare chiSquare(long[] r, long[] c) {
        ChiSquareContingency.Result res = ChiSquareContingency.test(r, c);
        return new ChiSquare(res.statistic(), res.degreesOfFreedom(), res.pValue());
    }

    private static SideStats side(long rows, NumericSummary s, Double median, Long distinct) {
        if (s == null) {
            return new SideStats(rows, null, null, 0, 0, null, null, null, null, null, null, null);
        }
        return new SideStats(rows, s.count(), s.nullCount(), s.nanCount(), s.infiniteCount(), s.mean(), s.stdPop(),
            s.stdSample(), s.min(), s.max(), median, distinct);
    }

    private static SideStats side(DatasetSummary summary, Long nonNull, Long distinct) {
        long rows = summary.rows();
        return new SideStats(rows, nonNull, nonNull == null ? null : rows - nonNull, 0, 0, null, null, null, null, null, null, distinct);
    }

    private static long countNonZero(long[] xs) {
        long n = 0;
        for (long x : xs) {
            if (x > 0) {
                n++;
            }
        }
        return n;
    }

    /** A number as a category name: integers without ".0". */
    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
