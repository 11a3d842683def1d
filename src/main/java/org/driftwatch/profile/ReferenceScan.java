package org.driftwatch.profile;

import java.io.Serializable;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Pass 1 over the reference, folded per partition: for every numeric column its summary and exact
 * {@link CellHistogram}, for every categorical column its category counts, for other columns (the id)
 * the non-null count. Row layout: numeric columns as double, then categorical as string, then the
 * others as "is not null".
 */
final class ReferenceScan implements Serializable {
    private static final long serialVersionUID = 1L;
    long rows;
    final ValueSummary[] summaries;
    final CellHistogram[] cells;
    final CategoryCounts[] categories;
    final long[] nonNull;

    ReferenceScan(int numeric, int categorical, int others, int valueLimit) {
        summaries = new ValueSummary[numeric];
        cells = new CellHistogram[numeric];
        for (int i = 0; i < numeric; i++) {
            summaries[i] = new ValueSummary(valueLimit);
            cells[i] = new CellHistogram();
        }
        categories = new CategoryCounts[categorical];
        for (int i = 0; i < categorical; i++) {
            categories[i] = new CategoryCounts();
        }
        nonNull = new long[others];
    }

    void add(InternalRow row) {
        rows++;
        int n = summaries.length;
        for (int i = 0; i < n; i++) {
            if (row.isNullAt(i)) {
                summaries[i].addNull();
            } else {
                double v = row.getDouble(i);
                if (summaries[i].add(v)) {
                    cells[i].add(v + 0.0);
                }
            }
        }
        for (int j = 0; j < categories.length; j++) {
            if (!row.isNullAt(n + j)) {
                categories[j].add(row.getUTF8String(n + j));
            }
        }
        int base = n + categories.length;
        for (int k = 0; k < nonNull.length; k++) {
            if (row.getBoolean(base + k)) {
                nonNull[k]++;
            }
        }
    }

    ReferenceScan merge(ReferenceScan o) {
        rows += o.rows;
        for (int i = 0; i < summaries.length; i++) {
            summaries[i].merge(o.summaries[i]);
            cells[i].merge(o.cells[i]);
        }
        for (int j = 0; j < categories.length; j++) {
            categories[j].merge(o.categories[j]);
        }
        for (int k = 0; k < nonNull.length; k++) {
            nonNull[k] += o.nonNull[k];
        }
        return this;
    }
}
