package dev.tollgate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The checklist's automation claims, held to what the bundled policies actually check. */
class ChecklistCatalogTest {

    private static PolicyCatalog bundled() throws PolicyLoadException {
        return BundledPolicies.load(List.of());
    }

    @Test
    void everyAutomatedOrPartialItem_isCheckedByABundledPolicy() throws Exception {
        Set<String> unbacked = ChecklistCoverage.of(bundled()).rows().stream()
                .filter(ChecklistCoverage.Row::unbacked)
                .map(r -> r.item().id())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), unbacked, "automated/partial items that no policy checks");
    }

    @Test
    void everyItemCheckedByAPolicy_isNotManual() throws Exception {
        Set<String> manualButChecked = ChecklistCoverage.of(bundled()).rows().stream()
                .filter(r -> r.checked() && r.item().automation() == ChecklistItem.Automation.MANUAL)
                .map(r -> r.item().id())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), manualButChecked, "items a policy checks but the catalogue calls manual");
    }

    @Test
    void everyPolicysChecklistIds_exist() throws Exception {
        PolicyCatalog catalog = bundled();
        Set<String> ids = catalog.checklist().stream().map(ChecklistItem::id).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>();
        for (Policy p : catalog.policies()) {
            p.checklist().stream().filter(id -> !ids.contains(id)).map(id -> p.id() + " -> " + id)
                    .forEach(unknown::add);
        }
        assertEquals(Set.of(), unknown);
    }

    @Test
    void everyItem_statesAutomationAndWhy() throws Exception {
        for (ChecklistItem item : bundled().checklist()) {
            assertFalse(item.why().isBlank(), item.id() + " has no why");
            assertFalse(item.why().contains("\n"), item.id() + ": why must be one line");
        }
    }

    @Test
    void coverage_countsEveryItemOnce() throws Exception {
        ChecklistCoverage coverage = ChecklistCoverage.of(bundled());
        long total = coverage.counts().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(coverage.rows().size(), total);
        assertEquals(bundled().checklist().size(), coverage.rows().size());
        assertTrue(coverage.counts().get(ChecklistItem.Automation.AUTOMATED) > 0);
    }

    @Test
    void unbacked_flagsAClaimNothingSupports() {
        ChecklistItem claimed = new ChecklistItem("x.y", "S", "t", ChecklistItem.Automation.AUTOMATED, "trust me");
        ChecklistItem planned = new ChecklistItem("x.z", "S", "t", ChecklistItem.Automation.PARTIAL,
                "Terraform rules planned: buckets");
        ChecklistItem manual = new ChecklistItem("x.w", "S", "t", ChecklistItem.Automation.MANUAL, "a sign-off");
        PolicyCatalog catalog = new PolicyCatalog(List.of(), List.of(claimed, planned, manual));
        List<ChecklistCoverage.Row> rows = ChecklistCoverage.of(catalog).rows();
        assertTrue(rows.get(0).unbacked());
        assertTrue(rows.get(1).unbacked(), "a plan is not a policy");
        assertFalse(rows.get(2).unbacked());
    }
}
