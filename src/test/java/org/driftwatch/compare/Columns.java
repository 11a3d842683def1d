package org.driftwatch.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.driftwatch.compare.ColumnComparison.Categories;
import org.driftwatch.compare.ColumnComparison.ChiSquare;
import org.driftwatch.compare.ColumnComparison.DriftResult;
import org.driftwatch.compare.ColumnComparison.Ks;
import org.driftwatch.compare.ColumnComparison.SideStats;
import org.driftwatch.data.ColumnPlan;
import org.driftwatch.profile.model.DistanceMethod;
import org.driftwatch.profile.model.IdenticalRows;
import org.driftwatch.profile.model.LeakageProfile;

/** Compared columns and comparisons built by hand, for tests of checks, the judge and the renderers (no Spark). */
public final class Columns {
    private String name;
    private boolean numerical;
    private SideStats reference = side(1000, 1000L, 0.0, 1.0);
    private SideStats current = side(1000, 1000L, 0.0, 1.0);
    private Double psi = 0.01;
    private ColumnComparison.Bins bins;
    private Ks ks;
    private Double wassersteinNormed;
    private Categories categories;
    private ChiSquare chiSquare;
    private Double jensenShannon;
    private List<String> unseen = List.of();
    private DriftResult drift = new DriftResult("wasserstein", 0.01, 0.1, false, null);
    private final List<String> notes = new ArrayList<>();

    public static Columns numerical(String name) {
        Columns c = new Columns();
        c.name = name;
        c.numerical = true;
        c.ks = new Ks(0.02, 0.6, "exact", 0);
        c.wassersteinNormed = 0.01;
        return c;
    }

    public static Columns categorical(String name, List<String> categories, long[] reference, long[] current) {
        Columns c = new Columns();
        c.name = name;
        c.categories = new Categories(categories, reference, current, false);
        c.chiSquare = new ChiSquare(1.0, categories.size() - 1, 0.5);
        c.jensenShannon = 0.01;
        c.drift = new DriftResult("jensen_shannon", 0.01, 0.1, false, null);
        c.reference = side(sum(reference), sum(reference), null, null);
        c.current = side(sum(current), sum(current), null, null);
        return c;
    }

    public Columns psi(Double value) {
        psi = value;
        return this;
    }

    public Columns bins(double[] innerEdges, long[] reference, long[] current) {
        bins = new ColumnComparison.Bins(innerEdges, reference, current);
        return this;
    }

    public Columns ks(double statistic, double pValue) {
        ks = new Ks(statistic, pValue, "exact", 0);
        return this;
    }

    public Columns drifted(String test, double score, double threshold) {
        drift = new DriftResult(test, score, threshold, true, null);
        return this;
    }

    public Columns untested(String why) {
        drift = DriftResult.none(why);
        psi = null;
        return this;
    }

    /** Rows and non-null values of each side. */
    public Columns counts(long refRows, long refCount, long curRows, long curCount) {
        reference = new SideStats(refRows, refCount, refRows - refCount, 0, 0, reference.mean(), reference.stdPop(), null,
            null, null, null, null);
        current = new SideStats(curRows, curCount, curRows - curCount, 0, 0, current.mean(), current.stdPop(), null,
            null, null, null, null);
        return this;
    }

    public Columns means(double refMean, double refStd, double curMean, double curStd) {
        reference = side(reference.rows(), reference.count(), refMean, refStd);
        current = side(current.rows(), current.count(), curMean, curStd);
        return this;
    }

    public Columns unseen(String... categories) {
        unseen = List.of(categories);
        return this;
    }

    public ColumnComparison build() {
        java.util.Map<String, ColumnComparison.Statistic> s = new java.util.LinkedHashMap<>();
        if (psi != null) {
            s.put(ColumnComparison.PSI, ColumnComparison.Statistic.of(psi));
        }
        if (numerical && ks != null) {
            s.put(ColumnComparison.KS, new ColumnComparison.Statistic(ks.statistic(), ks.pValue(), ks.bound(), ks.method(), null));
        }
        if (numerical) {
            s.put(ColumnComparison.WASSERSTEIN, ColumnComparison.Statistic.of(0.01));
        }
        if (wassersteinNormed != null) {
            s.put(ColumnComparison.WASSERSTEIN_NORMED, new ColumnComparison.Statistic(wassersteinNormed, null, numerical ? 0.0 : null, null, null));
        }
        if (chiSquare != null) {
            s.put(ColumnComparison.CHI_SQUARE, new ColumnComparison.Statistic(chiSquare.statistic(), chiSquare.pValue(), null, null,
                chiSquare.degreesOfFreedom()));
        }
        if (jensenShannon != null) {
            s.put(ColumnComparison.JENSEN_SHANNON, ColumnComparison.Statistic.of(jensenShannon));
        }
        return new ColumnComparison(name, numerical ? "numerical" : "categorical", reference, current, bins, categories, unseen,
            List.of(), drift, notes, numerical ? new DistanceMethod(DistanceMethod.EXACT, "test data") : null, s,
            java.util.Map.of()).withMetrics();
    }

    /** A comparison of these features (every one of them planned), with dataset drift at share 0.5. */
    public static Comparison comparison(List<ColumnComparison> features) {
        return comparison(1000, 1000, features, Optional.empty(), Optional.empty(), Optional.empty(), emptySchema());
    }

    public static Comparison comparison(long refRows, long curRows, List<ColumnComparison> features,
                                        Optional<ColumnComparison> label, Optional<LeakageProfile> leakage,
                                        Optional<IdenticalRows> identical, ColumnPlan.SchemaDifference schema) {
        List<String> num = features.stream().filter(ColumnComparison::numerical).map(ColumnComparison::name).toList();
        List<String> cat = features.stream().filter(c -> !c.numerical()).map(ColumnComparison::name).toList();
        ColumnPlan plan = new ColumnPlan(num, cat, leakage.map(LeakageProfile::column).orElse(null),
            label.map(ColumnComparison::name).orElse(null), false, List.of(), schema);
        java.util.Map<String, ColumnComparison> byName = new java.util.LinkedHashMap<>();
        features.forEach(f -> byName.put(f.name(), f));
        return new Comparison(refRows, curRows, plan, byName, label, leakage, identical,
            DatasetDrift.of(features, CompareSettings.DEFAULT_DATASET_SHARE));
    }

    public static ColumnPlan.SchemaDifference emptySchema() {
        return new ColumnPlan.SchemaDifference(List.of(), List.of(), java.util.Map.of());
    }

    private static SideStats side(long rows, Long count, Double mean, Double std) {
        return new SideStats(rows, count, count == null ? null : rows - count, 0, 0, mean, std, std, mean == null ? null : mean - 3,
            mean == null ? null : mean + 3, mean, null);
    }

    private static long sum(long[] xs) {
        long n = 0;
        for (long x : xs) {
            n += x;
        }
        return n;
    }

    /** A binary model's outcomes with a confusion matrix [[tn, fp], [fn, tp]] and no score. */
    public static org.driftwatch.profile.model.ModelOutcomes binaryOutcomes(long tn, long fp, long fn, long tp) {
        long n = tn + fp + fn + tp;
        java.util.Map<String, java.util.Map<String, Long>> cm = new java.util.TreeMap<>();
        cm.put("0", new java.util.TreeMap<>(java.util.Map.of("0", tn, "1", fp)));
        cm.put("1", new java.util.TreeMap<>(java.util.Map.of("0", fn, "1", tp)));
        return org.driftwatch.profile.model.ModelOutcomes.classified(
            new org.driftwatch.profile.model.ModelOutcomes.Counts(n, 0, 0, 0, n, n, n), cm, null);
    }

    /** The comparison of features plus a monitored binary model, its performance from the two outcomes. */
    public static Comparison withModel(List<ColumnComparison> features, org.driftwatch.profile.model.ModelOutcomes reference,
                                       org.driftwatch.profile.model.ModelOutcomes current) {
        Comparison base = comparison(features);
        org.driftwatch.data.ModelPlan model = new org.driftwatch.data.ModelPlan(org.driftwatch.data.ModelTask.BINARY, false,
            "model.task in the rule file", "y", "y_hat", null, "1", true, 0.5, null);
        ColumnComparison prediction = categorical("y_hat", List.of("0", "1"), new long[] {500, 500}, new long[] {500, 500}).build();
        return new Comparison(base.referenceRows(), base.currentRows(), base.plan().withModel(model), base.columns(), base.label(),
            base.leakage(), base.identicalRows(), base.datasetDrift(),
            Optional.of(ModelPerformance.build(model, reference, current, prediction)), base.earlier());
    }
}
