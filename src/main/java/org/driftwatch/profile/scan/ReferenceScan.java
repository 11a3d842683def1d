package org.driftwatch.profile.scan;

import java.io.Serializable;
import org.apache.spark.sql.catalyst.InternalRow;
import org.driftwatch.profile.analyzer.AnalyzerFold;
import org.driftwatch.profile.quality.QualityFold;
import org.driftwatch.profile.quality.QualityPlan;
import org.driftwatch.profile.sketch.CellHistogram;

/**
 * Pass 1 over the reference, folded per partition: for every numeric column its summary and exact
 * {@link CellHistogram}; the categorical columns and the id in {@link OtherFields}. Each row's half for
 * the self-check ({@link RowHalves}) is counted beside the cells and categories. Row layout:
 * numeric columns as double, then as {@link OtherFields} reads them.
 */
public final class ReferenceScan implements Serializable, PartitionFold.Buffered {
    private static final long serialVersionUID = 1L;
    /** Cells held per scan accumulator, shared by the numeric columns: a few tens of MB. */
    static final int CELL_BUDGET = 1 << 20;
    static final int MIN_CELLS = 2048;
    /**
     * Cells per column at most, however few the columns: the merged accumulators reach the driver, and
     * past this a column's cells only cost driver memory (refinement splits what is still heavy).
     */
    static final int MAX_CELLS = 1 << 16;

    /** The cell table size of each of {@code numeric} columns. */
    static int cellsPerColumn(int numeric) {
        return Math.max(MIN_CELLS, Math.min(MAX_CELLS, CELL_BUDGET / Math.max(1, numeric)));
    }
    public long rows;
    public final ValueSummary[] summaries;
    public final CellHistogram[] cells;
    public final OtherFields others;
    /** The requested analyzers of the numeric columns, fed the same buffered values as the summaries. */
    public final AnalyzerFold analyzed;
    /** The data-quality constraints, folded from the fields after all others. */
    public final QualityFold quality;
    private final int wholeNumeric;
    private final int wholeCategorical;
    private transient NumericBatch batch;
    private transient double[] finite;
    private transient boolean[] finiteSecond;
    private transient int[] scratch;
    /** The halves of one column batch's rows. */
    private transient boolean[] halves;

    public ReferenceScan(int numeric, int categorical, int others, boolean integerId, int valueLimit) {
        this(numeric, categorical, others, integerId, valueLimit, null);
    }

    public ReferenceScan(int numeric, int categorical, int others, boolean integerId, int valueLimit, OutcomeFold.Spec model) {
        this(numeric, categorical, others, integerId, valueLimit, model, AnalyzerFold.none(numeric));
    }

    public ReferenceScan(int numeric, int categorical, int others, boolean integerId, int valueLimit, OutcomeFold.Spec model,
                         AnalyzerFold analyzed) {
        this(numeric, categorical, others, integerId, valueLimit, model, analyzed, new QualityFold(QualityPlan.NONE, 0));
    }

    public ReferenceScan(int numeric, int categorical, int others, boolean integerId, int valueLimit, OutcomeFold.Spec model,
                         AnalyzerFold analyzed, QualityFold quality) {
        this(numeric, categorical, others, integerId, valueLimit, model, analyzed, quality, numeric, categorical);
    }

    /**
     * @param wholeNumeric     the leading numeric fields that are whole columns (segment columns follow): they keep the
     *                         cells they would have without segments, and only they place a row in a half
     * @param wholeCategorical the same for the categorical fields
     */
    public ReferenceScan(int numeric, int categorical, int others, boolean integerId, int valueLimit, OutcomeFold.Spec model,
                         AnalyzerFold analyzed, QualityFold quality, int wholeNumeric, int wholeCategorical) {
        this.analyzed = analyzed;
        this.quality = quality;
        this.wholeNumeric = wholeNumeric;
        this.wholeCategorical = wholeCategorical;
        summaries = new ValueSummary[numeric];
        cells = new CellHistogram[numeric];
        for (int i = 0; i < numeric; i++) {
            summaries[i] = new ValueSummary(valueLimit);
            cells[i] = new CellHistogram(i < wholeNumeric ? cellsPerColumn(wholeNumeric) : cellsPerColumn(numeric - wholeNumeric));
        }
        this.others = new OtherFields(categorical, others, integerId, model);
    }

    public void add(InternalRow row) {
        rows++;
        int n = summaries.length;
        if (batch == null) {
            batch = new NumericBatch(n);
        }
        boolean second = RowHalves.second(row, wholeNumeric, wholeCategorical, n);
        batch.second[batch.size] = second;
        if (batch.add(row)) {
            flush();
        }
        others.add(row, n, second);
        if (!quality.isEmpty()) {
            quality.add(row);
        }
    }

    /** Adds a column batch in the same layout. */
    public void add(ScanBatch columns) {
        int n = summaries.length;
        if (batch == null || !batch.fits(columns.size())) {
            flush();
            batch = (batch == null ? new NumericBatch(n) : batch).holding(columns.size());
        }
        rows += columns.size();
        int at = batch.size;
        batch.append(columns);
        if (halves == null || halves.length < columns.size()) {
            halves = new boolean[columns.size()];
        }
        RowHalves.second(batch, at, columns, wholeNumeric, wholeCategorical, halves);
        System.arraycopy(halves, 0, batch.second, at, columns.size());
        others.add(columns, n, halves);
        if (!quality.isEmpty()) {
            quality.add(columns);
        }
    }

    /**
     * Column by column over the buffered rows, so each column's cell table stays in cache: the summary
     * first, then the finite values into the cells in one bulk step.
     */
    @Override
    public void flush() {
        if (batch == null) {
            return;
        }
        int capacity = batch.second.length;
        if (finite == null || finite.length < capacity) {
            finite = new double[capacity];
            finiteSecond = new boolean[capacity];
            scratch = new int[capacity];
        }
        for (int i = 0; i < summaries.length; i++) {
            ValueSummary summary = summaries[i];
            double[] values = batch.values[i];
            boolean[] missing = batch.missing[i];
            boolean[] second = batch.second;
            int n = 0;
            if (batch.sparse(i)) {
                int[] rows = batch.present[i];
                int count = batch.presentCount[i];
                summary.addNulls(batch.size - count);
                for (int k = 0; k < count; k++) {
                    int r = rows[k];
                    if (summary.add(values[r])) {
                        finite[n] = values[r] + 0.0;
                        finiteSecond[n++] = second[r];
                    }
                }
            } else {
                for (int r = 0; r < batch.size; r++) {
                    if (missing[r]) {
                        summary.addNull();
                    } else if (summary.add(values[r])) {
                        finite[n] = values[r] + 0.0;
                        finiteSecond[n++] = second[r];
                    }
                }
                analyzed.add(i, values, missing, batch.size);
            }
            cells[i].addAll(finite, finiteSecond, n, scratch);
        }
        batch.clear();
    }

    public ReferenceScan merge(ReferenceScan o) {
        rows += o.rows;
        for (int i = 0; i < summaries.length; i++) {
            summaries[i].merge(o.summaries[i]);
            cells[i].merge(o.cells[i]);
        }
        others.merge(o.others);
        analyzed.merge(o.analyzed);
        quality.merge(o.quality);
        return this;
    }
}
