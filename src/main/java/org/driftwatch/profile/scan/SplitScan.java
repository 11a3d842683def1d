package org.driftwatch.profile.scan;

import java.io.Serializable;
import org.apache.spark.sql.catalyst.InternalRow;
import org.driftwatch.profile.sketch.CellHistogram;

/**
 * One calibration trial's fold over the reference: numeric columns (as double) into cells that count the
 * second half beside all values, categorical ones (as string) into category counts with their second-half
 * counts; the last field says whether the row is in the second half. What {@code HalfSplit} turns into the
 * statistics of the two halves.
 */
public final class SplitScan implements Serializable {
    private static final long serialVersionUID = 1L;
    public final ValueSummary[] summaries;
    public final CellHistogram[] cells;
    public final CategoryCounts[] categories;

    public SplitScan(int numeric, int categorical) {
        summaries = new ValueSummary[numeric];
        cells = new CellHistogram[numeric];
        for (int i = 0; i < numeric; i++) {
            summaries[i] = new ValueSummary(0);
            cells[i] = new CellHistogram(ReferenceScan.cellsPerColumn(numeric));
        }
        categories = new CategoryCounts[categorical];
        for (int j = 0; j < categorical; j++) {
            categories[j] = new CategoryCounts();
        }
    }

    public void add(InternalRow row) {
        int nn = summaries.length;
        boolean second = row.getBoolean(nn + categories.length);
        for (int i = 0; i < nn; i++) {
            if (row.isNullAt(i)) {
                summaries[i].addNull();
            } else if (summaries[i].add(row.getDouble(i))) {
                cells[i].add(row.getDouble(i) + 0.0, second);
            }
        }
        for (int j = 0; j < categories.length; j++) {
            if (!row.isNullAt(nn + j)) {
                categories[j].add(row.getUTF8String(nn + j), second);
            }
        }
    }

    public SplitScan merge(SplitScan o) {
        for (int i = 0; i < summaries.length; i++) {
            summaries[i].merge(o.summaries[i]);
            cells[i].merge(o.cells[i]);
        }
        for (int j = 0; j < categories.length; j++) {
            categories[j].merge(o.categories[j]);
        }
        return this;
    }
}
