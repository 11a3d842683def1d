package org.driftwatch.report;

import java.util.List;

/** The registered report sections, in report.json's and the page's order. */
public final class ReportSections {
    public static final List<ReportSection> ALL = List.of(new LeakageSection(), new LabelSection(), new SegmentsSection(),
        new ModelPerformanceSection(), new IdenticalRowsSection(), new DatasetDriftSection(), new SchemaSection(), new QualitySection(), new QualityRowsSection());

    private ReportSections() {
    }
}
