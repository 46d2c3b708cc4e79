package dev.tollgate.finding;

import java.util.List;

/**
 * What comparing a scan with a baseline found.
 *
 * @param file the baseline file as given
 * @param matched findings that were already in the baseline
 * @param fixed baseline entries no longer found: fixed (or moved to another file or resource)
 */
public record BaselineSummary(String file, int matched, List<BaselineEntry> fixed) {

    public BaselineSummary {
        fixed = List.copyOf(fixed);
    }
}
