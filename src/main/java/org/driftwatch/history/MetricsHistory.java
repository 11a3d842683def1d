package org.driftwatch.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.EarlierRuns;
import org.driftwatch.compare.RememberedNumbers;
import org.driftwatch.judge.Outcome;
import org.driftwatch.judge.PastNights;
import org.driftwatch.report.DriftReport;
import org.driftwatch.report.Trends;
import org.driftwatch.rules.HistorySettings;

/**
 * The metrics history: every run's rows (one per column and metric, and the run's own), kept in a Parquet
 * folder under {@code <reports>/_history/} or in a catalog table. A run reads its recent past once
 * ({@link #recall}) for the checks, look-back rules and trends, and writes its own night after the reports.
 */
public final class MetricsHistory {
    private final SparkSession spark;
    private final HistoryStore store;

    public MetricsHistory(SparkSession spark, String reportRoot) {
        this(spark, reportRoot, HistorySettings.DEFAULT);
    }

    public MetricsHistory(SparkSession spark, String reportRoot, HistorySettings settings) {
        this.spark = spark;
        this.store = settings.table() != null ? new TableStore(spark, settings.table(), settings.formatOrDefault())
            : new FolderStore(spark, reportRoot);
    }

    public String location() {
        return store.location();
    }

    /** Replaces the rows of one monitor and date. */
    public void write(String monitor, String date, List<HistoryRow> rows) {
        List<Row> data = new ArrayList<>();
        for (HistoryRow r : rows) {
            data.add(RowFactory.create(r.column(), r.metric(), r.value(), r.text()));
        }
        store.write(monitor, date, spark.createDataFrame(data, HistoryStore.SCHEMA));
    }

    /** The dates a monitor has rows for, oldest first. */
    public List<String> dates(String monitor) {
        return store.dates(monitor);
    }

    /** Every row of a monitor (date, column, metric, value, text), or null when there is no history yet. */
    public Dataset<Row> read(String monitor) {
        return store.read(monitor, null);
    }

    /**
     * The runs before {@code tonight}: the last {@code runs} of them and every one of the {@code days} days
     * before tonight, in one read of the history.
     */
    public EarlierRuns recall(String monitor, LocalDate tonight, int runs, int days) {
        List<String> before = store.dates(monitor).stream().filter(d -> d.compareTo(tonight.toString()) < 0).toList();
        String since = tonight.minusDays(days).toString();
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (i >= before.size() - runs || before.get(i).compareTo(since) >= 0) {
                wanted.add(before.get(i));
            }
        }
        if (wanted.isEmpty()) {
            return EarlierRuns.NONE;
        }
        Read read = collect(monitor, wanted, rows -> rows);
        List<EarlierRuns.Value> values = new ArrayList<>();
        for (Row r : read.rows()) {
            values.add(new EarlierRuns.Value(r.getString(0), r.getString(1), r.getString(2), r.isNullAt(3) ? null : r.getDouble(3),
                r.isNullAt(4) ? null : r.getString(4)));
        }
        return new EarlierRuns(values, read.unreadable());
    }

    /** Rows collected from the history, and the nights left out because their files could not be read. */
    public record Read(List<Row> rows, List<EarlierRuns.Unreadable> unreadable) {
    }

    /**
     * A monitor's rows of these dates (all when null), narrowed by {@code narrow} (filters, order) and
     * collected. One damaged night (a truncated file, a file of another schema) must not stop a monitor for
     * good: when the whole read fails, each night is read alone, and the nights that still fail are left
     * out and named.
     */
    public Read collect(String monitor, List<String> dates, UnaryOperator<Dataset<Row>> narrow) {
        Dataset<Row> all = store.read(monitor, dates);
        if (all == null) {
            return new Read(List.of(), List.of());
        }
        try {
            return new Read(narrow.apply(all).collectAsList(), List.of());
        } catch (Exception whole) {   // Spark throws its checked SparkException undeclared
            List<Row> rows = new ArrayList<>();
            List<EarlierRuns.Unreadable> unreadable = new ArrayList<>();
            for (String date : dates != null ? dates : store.dates(monitor)) {
                try {
                    Dataset<Row> night = store.read(monitor, List.of(date));
                    if (night != null) {
                        rows.addAll(narrow.apply(night).collectAsList());
                    }
                } catch (Exception e) {
                    unreadable.add(new EarlierRuns.Unreadable(date, reason(e)));
                }
            }
            if (unreadable.isEmpty()) {
                throw whole;   // not a night's files: the history as a whole cannot be read
            }
            return new Read(rows, unreadable);
        }
    }

    /** Spark's line (it names the file) and the root cause's, in one bounded line. */
    public static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String first = firstLine(e.getMessage()).replaceAll("\\s+SQLSTATE: \\w+\\s*$", "").replaceAll("\\.$", "");
        String cause = root == e ? "" : firstLine(root.getMessage());
        String line = cause.isEmpty() || first.contains(cause) ? first : first + ": " + cause;
        return line.length() <= 400 ? line : line.substring(0, 399) + "…";
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }

    /**
     * Removes one night of a monitor from the history ({@code driftwatch history --drop}): how a damaged
     * night is cleared; the next run of that date writes it anew. Returns whether there was such a night.
     */
    public boolean drop(String monitor, String date) {
        return store.drop(monitor, date);
    }

    /** Per earlier run whether it breached a counted retrain reason and whether it retrained, for look-back rules. */
    public static PastNights pastNights(EarlierRuns earlier) {
        List<PastNights.Night> out = new ArrayList<>();
        for (String d : earlier.dates()) {
            Double breached = earlier.number(d, HistoryRow.RUN, "breached");
            Double unfit = earlier.number(d, HistoryRow.RUN, "data_unfit");
            out.add(new PastNights.Night(LocalDate.parse(d), breached != null && breached > 0,
                "retrain".equals(earlier.text(d, HistoryRow.RUN, "verdict")), unfit != null && unfit > 0));
        }
        return new PastNights(out, earlier.unreadable().stream().map(u -> LocalDate.parse(u.date())).toList());
    }

    /**
     * The last {@link Trends#RUNS} earlier runs (PSI and drift score per column, verdicts and statuses) with
     * tonight's report appended: what the report's sparklines and verdict row show.
     */
    public static Trends trends(EarlierRuns earlier, DriftReport tonight) {
        List<String> dates = earlier.dates().subList(Math.max(0, earlier.dates().size() - Trends.RUNS), earlier.dates().size());
        Map<String, List<Trends.Point>> columns = new LinkedHashMap<>();
        for (ColumnComparison c : tonight.comparison().allColumns()) {
            List<Trends.Point> points = new ArrayList<>();
            for (String d : dates) {
                Double psi = earlier.number(d, c.name(), "psi");
                Double score = earlier.number(d, c.name(), "drift_score");
                if (psi != null || score != null) {
                    points.add(new Trends.Point(d, psi, score));
                }
            }
            points.add(new Trends.Point(tonight.date(), c.psi(), c.drift() == null ? null : c.drift().score()));
            columns.put(c.name(), points);
        }
        List<Trends.Night> nights = new ArrayList<>();
        for (String d : dates) {
            String verdict = earlier.text(d, HistoryRow.RUN, "verdict");
            if (verdict != null) {
                Double unfit = earlier.number(d, HistoryRow.RUN, "data_unfit");
                Double breached = earlier.number(d, HistoryRow.RUN, "breached");
                String status = earlier.text(d, HistoryRow.RUN, "status");
                String said = earlier.text(d, HistoryRow.RUN, "outcome");   // nights written before outcomes were kept: derived
                nights.add(new Trends.Night(d, verdict, status, said != null ? Outcome.valueOf(said.toUpperCase(java.util.Locale.ROOT))
                    : Outcome.of(verdict, unfit != null && unfit > 0, breached != null && breached > 0, status)));
            }
        }
        nights.add(new Trends.Night(tonight.date(), tonight.decision().verdict().json(), tonight.status().json(), tonight.judgement().outcome()));
        Map<String, List<Trends.Share>> quality = new LinkedHashMap<>();
        RememberedNumbers.quality(tonight.comparison().quality()).forEach((column, numbers) -> numbers.forEach((metric, v) -> {
            List<Trends.Share> shares = new ArrayList<>();
            for (String d : dates) {
                Double before = earlier.number(d, column, metric);
                if (before != null) {
                    shares.add(new Trends.Share(d, before));
                }
            }
            shares.add(new Trends.Share(tonight.date(), v));
            quality.put(column.substring(RememberedNumbers.qualityColumn("").length()), shares);
        }));
        return new Trends(columns, nights.subList(Math.max(0, nights.size() - Trends.NIGHTS), nights.size()), quality);
    }
}
