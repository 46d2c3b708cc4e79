package dev.tollgate.report.markdown;

import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.policy.ChecklistItem;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Findings counted by checklist section: a policy's checklist ids lead to their items' sections, and a finding counts
 * once under every distinct section its policy traces to (so the column does not add up to the number of findings
 * when a policy spans sections). Findings of a policy that traces to no known item count under {@link #UNTRACED}.
 */
final class ChecklistSections {

    static final String UNTRACED = "(no checklist item)";

    private ChecklistSections() {
    }

    /** Section to number of findings, sections in name order, {@link #UNTRACED} last; only sections with findings. */
    static Map<String, Long> count(ScanReport report) {
        Map<String, String> sectionOfItem = new HashMap<>();
        for (ChecklistItem item : report.checklist()) {
            sectionOfItem.put(item.id(), item.section());
        }
        Map<String, Long> counts = new TreeMap<>();
        long untraced = 0;
        for (Evaluation finding : report.findings()) {
            Set<String> sections = new LinkedHashSet<>();
            for (String id : report.policy(finding.policyId()).checklist()) {
                String section = sectionOfItem.get(id);
                if (section != null) {
                    sections.add(section);
                }
            }
            if (sections.isEmpty()) {
                untraced++;
            }
            sections.forEach(section -> counts.merge(section, 1L, Long::sum));
        }
        Map<String, Long> ordered = new LinkedHashMap<>(counts);
        if (untraced > 0) {
            ordered.put(UNTRACED, untraced);
        }
        return ordered;
    }
}
