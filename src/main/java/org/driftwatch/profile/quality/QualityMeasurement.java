package org.driftwatch.profile.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.unsafe.types.UTF8String;
import org.driftwatch.profile.model.QualityMeasure;
import org.driftwatch.profile.model.QualitySide;
import org.driftwatch.profile.scan.PartitionFold;
import org.driftwatch.profile.sketch.RepeatCandidates;
import org.driftwatch.profile.sketch.RepeatedIds;

/**
 * The data-quality constraints of a run, measured side by side around the scans the run makes anyway:
 * {@link #plan} gives a side's scan its fields (value tests, conditions, exists_in against the referenced
 * values read once here, unique into duplicate filters, instants), and {@link #finish} adds what a scan
 * alone cannot know — only when the data calls for it:
 * <ul>
 * <li>a unique column whose values may repeat: one scan of those columns counts the candidates exactly
 *     ({@link UniqueCandidates}); none for an integer column whose bitmaps found no repeat (the healthy
 *     case), nor for a duplicate filter that stayed empty;</li>
 * <li>exists_in against a referenced column too large to hold, or unique with too many candidates: one
 *     aggregation ({@link KeyedQuality});</li>
 * <li>when duplicates (or such failures) were found, one more scan recounts the rows failing any
 *     constraint, now that the failing values are known; value constraints with more distinct failing
 *     values than a scan keeps ({@link FailingValues}), one aggregation of all sides for their samples
 *     ({@link FailingSamples}).</li>
 * </ul>
 */
public final class QualityMeasurement {
    private final List<QualityRule> rules;
    private final Map<String, Dataset<Row>> tables;
    private Map<String, Set<UTF8String>> referenced;

    /** @param tables per exists_in constraint, the table it refers to (opened) */
    public QualityMeasurement(List<QualityRule> rules, Map<String, Dataset<Row>> tables) {
        this.rules = List.copyOf(rules);
        this.tables = Map.copyOf(tables);
    }

    /**
     * Session setting: the most distinct values held in memory for one constraint — a referenced column's
     * values, a unique column's candidates (default 1,000,000); beyond it, one aggregation instead.
     */
    public static final String HELD_VALUES = "driftwatch.quality.heldValues";

    static int setting(Dataset<Row> data, String key, int fallback) {
        return Integer.parseInt(data.sparkSession().conf().get(key, String.valueOf(fallback)));
    }

    /** The fields and reads of one side's scan. */
    public QualityPlan plan(Dataset<Row> side) {
        return rules.isEmpty() ? QualityPlan.NONE : QualityPlan.of(rules, side, referenced(), Map.of());
    }

    /** The referenced columns' values, read once for both sides: null for a column with too many to hold. */
    private Map<String, Set<UTF8String>> referenced() {
        if (referenced == null) {
            referenced = new HashMap<>();
            for (QualityRule r : rules) {
                if (r instanceof ExistsInRule e) {
                    Set<UTF8String> values = ReferencedValues.of(tables.get(e.name()), e.tableColumn());
                    if (values != null) {
                        referenced.put(e.name(), values);
                    }
                }
            }
        }
        return referenced;
    }

    /** One side as its scan left it: the data, the plan its scan folded and the fold. */
    public record Scanned(Dataset<Row> data, QualityPlan plan, QualityFold fold) {
    }

    /** What the passes after a side's scan found: measures counted elsewhere, the failing rows recounted, or why not. */
    private record Counted(Map<String, QualityMeasure> elsewhere, Long recounted, String note) {
    }

    /** The side's measures, from its scan's fold and the passes the fold calls for. */
    public QualitySide finish(Dataset<Row> side, QualityPlan plan, QualityFold fold) {
        return finish(List.of(new Scanned(side, plan, fold))).get(0);
    }

    /**
     * Every side's measures, in the order given: per side the passes its fold calls for, then the samples
     * of constraints with too many failing values on all sides in one aggregation.
     */
    public List<QualitySide> finish(List<Scanned> sides) {
        if (rules.isEmpty()) {
            return sides.stream().map(s -> QualitySide.NONE).toList();
        }
        List<Counted> counted = sides.stream().map(s -> counted(s.data(), s.plan(), s.fold())).toList();
        List<FailingSamples.Side> overflowed = sides.stream()
            .map(s -> new FailingSamples.Side(s.data(), QualityResults.overflowed(s.plan(), s.fold()))).toList();
        List<Map<String, List<Object>>> samples = FailingSamples.of(overflowed);
        List<QualitySide> out = new ArrayList<>();
        for (int i = 0; i < sides.size(); i++) {
            Scanned s = sides.get(i);
            Counted c = counted.get(i);
            out.add(QualityResults.side(s.plan(), s.fold(), c.elsewhere(), c.recounted(), c.note(), samples.get(i)));
        }
        return out;
    }

    private Counted counted(Dataset<Row> side, QualityPlan plan, QualityFold fold) {
        List<QualityPlan.Entry> entries = plan.entries();
        Map<String, QualityMeasure> elsewhere = new LinkedHashMap<>();
        Map<String, Set<UTF8String>> failing = new HashMap<>();
        List<QualityPlan.Entry> candidates = new ArrayList<>();
        List<RepeatCandidates> filters = new ArrayList<>();
        List<QualityRule> aggregated = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            QualityPlan.Entry e = entries.get(i);
            if (e.read() == QualityPlan.Read.UNIQUE) {
                RepeatCandidates repeats = fold.ids[i] != null ? (fold.ids[i].usable() ? fold.ids[i] : null) : fold.filters[i];
                boolean none = repeats instanceof RepeatedIds r ? r.repeated() == 0 : repeats != null && fold.filters[i].none();
                if (none) {
                    elsewhere.put(e.rule().name(), QualityResults.unique(e.rule(), fold.checked[i], Map.of(), e.type()));
                } else if (repeats == null) {
                    aggregated.add(e.rule());
                } else {
                    candidates.add(e);
                    filters.add(repeats);
                }
            } else if (e.read() == QualityPlan.Read.NONE && e.error() == null && e.rule() instanceof ExistsInRule) {
                aggregated.add(e.rule());
            }
        }
        if (!candidates.isEmpty()) {
            List<Map<Object, Long>> duplicates = UniqueCandidates.duplicates(side, candidates, filters);
            for (int j = 0; j < candidates.size(); j++) {
                QualityPlan.Entry e = candidates.get(j);
                if (duplicates.get(j) == null) {
                    aggregated.add(e.rule());
                    continue;
                }
                int i = entries.indexOf(e);
                elsewhere.put(e.rule().name(), QualityResults.unique(e.rule(), fold.checked[i], duplicates.get(j), e.type()));
                if (!duplicates.get(j).isEmpty()) {
                    Set<UTF8String> texts = new HashSet<>();
                    duplicates.get(j).keySet().forEach(v -> texts.add(UTF8String.fromString(QualityResults.text(v, e.type()))));
                    failing.put(e.rule().name(), texts);
                }
            }
        }
        String note = null;
        if (!aggregated.isEmpty()) {
            KeyedQuality.Side keyed = KeyedQuality.measure(aggregated, null, side, tables).current();
            for (QualityRule r : aggregated) {
                QualityMeasure m = keyed.measures().get(r.name());
                QualityPlan.Entry e = entries.stream().filter(x -> x.rule() == r).findFirst().orElseThrow();
                elsewhere.put(r.name(), m.error() != null ? m : new QualityMeasure(m.kind(), m.column(), 0, m.checked(), m.failed(),
                    m.distinct(), m.duplicatedValues(), null, m.samples().stream().map(v -> QualityResults.typed((String) v, e.type())).toList(),
                    null));
                Set<UTF8String> values = keyed.failing().get(r.name());
                if (values == null && m.failed() != null && m.failed() > 0) {
                    note = "rows failing any constraint not counted: '" + r.name() + "' has more than " + KeyedQuality.MEMBER_LIMIT
                        + " distinct failing values";
                } else if (values != null && !values.isEmpty()) {
                    failing.put(r.name(), values);
                }
            }
        }
        Long recounted = failing.isEmpty() || note != null ? null : recount(side, failing);
        return new Counted(elsewhere, recounted, note);
    }

    /** The rows failing any row-level constraint, once the failing values of unique and exists_in are known: one more scan. */
    private long recount(Dataset<Row> side, Map<String, Set<UTF8String>> failing) {
        QualityPlan plan = QualityPlan.of(rules, side, referenced(), failing);
        org.apache.spark.broadcast.Broadcast<QualityPlan> shared = plan.shared(side);
        QualityFold fold = PartitionFold.fold(side.select(plan.columns().toArray(Column[]::new)), () -> new QualityFold(shared.value(), 0),
            QualityFold::add, QualityFold::add, QualityFold::merge);
        return fold.failingRows;
    }
}
