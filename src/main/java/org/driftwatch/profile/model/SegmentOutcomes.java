package org.driftwatch.profile.model;

import java.util.List;

/** The monitored model's outcomes on each segment's rows, per side, in segment order (empty without segments or a model). */
public record SegmentOutcomes(List<ModelOutcomes> reference, List<ModelOutcomes> current) {
    public static final SegmentOutcomes NONE = new SegmentOutcomes(List.of(), List.of());

    public SegmentOutcomes {
        reference = List.copyOf(reference);
        current = List.copyOf(current);
    }
}
