package dev.tollgate.policy;

import dev.tollgate.model.Format;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which policies check each checklist item, per input format: the coverage matrix that {@code tollgate policies
 * --checklist} prints and {@code docs/controls.md} is generated from.
 *
 * @param rows one per checklist item, in checklist order
 */
public record ChecklistCoverage(List<Row> rows) {

    /** The formats in the order the matrix shows them. */
    public static final List<Format> COLUMNS =
            List.of(Format.TERRAFORM, Format.KUBERNETES, Format.COMPOSE, Format.DOTENV);

    /** How an item's {@code why} says that Terraform rules (not bundled yet) will check it. */

    public ChecklistCoverage {
        rows = List.copyOf(rows);
    }

    /**
     * One checklist item and the ids of the policies that check it, per format (sorted, possibly empty).
     *
     * @param item the checklist item
     * @param policies policy ids per format; every format of {@link #COLUMNS} is present
     */
    public record Row(ChecklistItem item, Map<Format, List<String>> policies) {

        public Row {
            policies = Map.copyOf(policies);
        }

        public List<String> policiesFor(Format format) {
            return policies.getOrDefault(format, List.of());
        }

        /** True when any bundled or extra policy names this item. */
        public boolean checked() {
            return policies.values().stream().anyMatch(l -> !l.isEmpty());
        }

        /** True when the item claims automation (automated or partial) that no policy backs. */
        public boolean unbacked() {
            return item.automation() != ChecklistItem.Automation.MANUAL && !checked();
        }
    }

    /** The coverage of {@code catalog}'s checklist by its policies. */
    public static ChecklistCoverage of(PolicyCatalog catalog) {
        List<Row> rows = new ArrayList<>();
        for (ChecklistItem item : catalog.checklist()) {
            Map<Format, List<String>> byFormat = new EnumMap<>(Format.class);
            for (Format f : COLUMNS) {
                byFormat.put(f, new ArrayList<>());
            }
            for (Policy p : catalog.policies()) { // already sorted by id
                if (p.checklist().contains(item.id())) {
                    byFormat.computeIfAbsent(p.format(), f -> new ArrayList<>()).add(p.id());
                }
            }
            byFormat.replaceAll((f, ids) -> List.copyOf(ids));
            rows.add(new Row(item, byFormat));
        }
        return new ChecklistCoverage(rows);
    }

    /** How many items are automated, partial and manual, in that order. */
    public Map<ChecklistItem.Automation, Long> counts() {
        Map<ChecklistItem.Automation, Long> out = new LinkedHashMap<>();
        for (ChecklistItem.Automation a : ChecklistItem.Automation.values()) {
            out.put(a, rows.stream().filter(r -> r.item().automation() == a).count());
        }
        return out;
    }

    /** The rows grouped by checklist section, sections in checklist order. */
    public Map<String, List<Row>> bySection() {
        Map<String, List<Row>> out = new LinkedHashMap<>();
        for (Row r : rows) {
            out.computeIfAbsent(r.item().section(), s -> new ArrayList<>()).add(r);
        }
        return out;
    }
}
