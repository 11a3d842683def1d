package org.driftwatch.report;

import java.io.IOException;
import java.io.StringWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import java.util.ArrayList;
import java.util.List;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.ColumnMetrics;

/**
 * {@code summary.csv}: one row per column with the main metrics, for spreadsheets; the registered
 * {@link ColumnMetrics} follow as one column each (their headline value), after the fixed ones. A
 * monitored model adds its prediction column (role "prediction") and one row per performance metric
 * (role "performance") whose values are in the last three columns.
 */
public final class SummaryCsvWriter {
    static final String[] HEADER = {"column", "role", "type", "status", "psi", "ks_statistic", "ks_p_value",
        "wasserstein_normed", "chi_square_p_value", "jensen_shannon", "drift_test", "drift_score", "drift_detected",
        "reference_count", "current_count", "reference_null_share", "current_null_share", "unseen_categories", "notes"};

    /** The index of the notes column. */
    static final int NOTES = java.util.Arrays.asList(HEADER).indexOf("notes");

    /** Filled on the model's performance and data-quality rows only. */
    static final String[] PERFORMANCE_HEADER = {"reference_value", "current_value", "change"};

    /** The segment of a segment row (role "segment"); empty on the others. */
    static final String SEGMENT_HEADER = "segment";

    private SummaryCsvWriter() {
    }

    /** A compared column's cells: the fixed ones, then the registered metrics. */
    static List<Object> columnCells(ColumnComparison c, String role, String status) {
        List<Object> row = new ArrayList<>(List.of(c.name(), role, c.type(), status));
        row.addAll(java.util.Arrays.asList(c.psi(),
            c.ks() == null ? null : c.ks().statistic(), c.ks() == null ? null : c.ks().pValue(), c.wassersteinNormed(),
            c.chiSquare() == null ? null : c.chiSquare().pValue(), c.jensenShannon(), c.drift() == null ? null : c.drift().test(),
            c.drift() == null ? null : c.drift().score(), c.drift() != null && c.drift().detected(), c.reference().count(),
            c.current().count(), c.reference().nullShare(), c.current().nullShare(), String.join(" ", c.unseenCategories()),
            String.join("; ", c.notes())));
        for (String m : ColumnMetrics.names()) {
            row.add(c.metrics().containsKey(m) ? c.metrics().get(m).value() : null);
        }
        return row;
    }

    public static String render(DriftReport r) {
        StringWriter out = new StringWriter();
        List<String> header = new ArrayList<>(List.of(HEADER));
        header.addAll(ColumnMetrics.names());
        header.add(SEGMENT_HEADER);
        header.addAll(List.of(PERFORMANCE_HEADER));
        List<ColumnComparison> columns = new ArrayList<>(r.comparison().allColumns());
        r.comparison().performance().ifPresent(p -> columns.add(p.predictionDrift()));
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (ColumnComparison c : columns) {
                boolean label = c.name().equals(r.comparison().plan().label());
                boolean prediction = r.comparison().performance().map(p -> p.predictionDrift() == c).orElse(false);
                List<Object> row = new ArrayList<>(columnCells(c, label ? "label" : prediction ? "prediction" : "feature",
                    prediction ? "" : r.columnStatus(c.name()).json()));
                while (row.size() < header.size()) {
                    row.add(null);
                }
                csv.printRecord(row.stream().map(SummaryCsvWriter::spreadsheetSafe).toList());
            }
            for (ReportSection section : ReportSections.ALL) {
                for (List<Object> row : section.csvRows(r, header.size())) {
                    csv.printRecord(row.stream().map(SummaryCsvWriter::spreadsheetSafe).toList());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /**
     * Text a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a leading
     * single quote, as OWASP advises against CSV injection; numbers stay numbers, report.json stays exact.
     * Text is bounded as in every output ({@link BoundedText}).
     */
    public static Object spreadsheetSafe(Object cell) {
        if (cell instanceof Double d && !Double.isFinite(d)) {
            return null;   // as report.json: an undefined number is empty, never NaN or Infinity
        }
        if (cell instanceof String s) {
            String bounded = BoundedText.of(s);
            return !bounded.isEmpty() && "=+-@\t\r".indexOf(bounded.charAt(0)) >= 0 ? "'" + bounded : bounded;
        }
        return cell;
    }

}
