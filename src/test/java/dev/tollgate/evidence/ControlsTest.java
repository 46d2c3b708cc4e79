package dev.tollgate.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.Outcome;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.model.Format;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.policy.ChecklistItem;
import dev.tollgate.policy.ChecklistItem.Automation;
import dev.tollgate.policy.Policy;
import dev.tollgate.policy.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The status rules, one item per rule, on a hand-built scan whose every evaluation is known. */
class ControlsTest {

    private static Policy policy(String id, String... items) {
        return new Policy(id, id + " title", null, Severity.HIGH, List.of(items), Format.COMPOSE, List.of(), List.of(),
                "true", null, null, null, List.of(), "policies/compose/" + id + ".yaml", Map.of());
    }

    private static Evaluation eval(String policy, Outcome outcome, String file, int line) {
        return new Evaluation(policy, Severity.HIGH, outcome, new SourceLocation(file, line, 5), "services.s" + line,
                "service", "s" + line, "", policy + " " + outcome, policy + file + line);
    }

    private static ChecklistItem item(String id, Automation automation) {
        return new ChecklistItem(id, "Section " + id.substring(0, 1), "Text of " + id, automation, "");
    }

    /** Items a..h, each set up so exactly one rule applies; policies P-x trace to item x. */
    private static ScanReport report() {
        List<ChecklistItem> checklist = List.of(
                item("a.fails", Automation.AUTOMATED),
                item("b.passes", Automation.AUTOMATED),
                item("c.errors", Automation.AUTOMATED),
                item("d.unmatched", Automation.AUTOMATED),
                item("e.manual", Automation.MANUAL),
                item("f.partial", Automation.PARTIAL),
                item("g.nopolicy", Automation.AUTOMATED),
                item("h.suppressed", Automation.AUTOMATED),
                item("i.errorandpass", Automation.AUTOMATED));
        List<Policy> policies = List.of(policy("P-a", "a.fails"), policy("P-b", "b.passes", "f.partial"),
                policy("P-c", "c.errors"), policy("P-d", "d.unmatched"), policy("P-e", "e.manual"),
                policy("P-h", "h.suppressed"), policy("P-i", "i.errorandpass"));
        List<Evaluation> evaluations = new ArrayList<>(List.of(
                eval("P-a", Outcome.PASS, "a.yml", 1), eval("P-a", Outcome.FAIL, "a.yml", 2),
                eval("P-a", Outcome.ERROR, "a.yml", 3),
                eval("P-b", Outcome.PASS, "b.yml", 1), eval("P-b", Outcome.PASS, "b.yml", 2),
                eval("P-c", Outcome.ERROR, "c.yml", 1),
                eval("P-e", Outcome.FAIL, "e.yml", 1),
                eval("P-h", Outcome.FAIL, "h.yml", 1),
                eval("P-i", Outcome.ERROR, "i.yml", 1), eval("P-i", Outcome.PASS, "i.yml", 2)));
        evaluations.sort(Evaluation.REPORT_ORDER);
        return new ScanReport("test", policies, checklist, evaluations, List.of(), List.of());
    }

    private static final Suppressions H_SUPPRESSED = e -> e.policyId().equals("P-h")
            ? Optional.of("accepted until the migration") : Optional.empty();

    private static Control control(List<Control> controls, String id) {
        return controls.stream().filter(c -> c.checklistId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void eachRuleGivesItsStatus() {
        List<Control> controls = Controls.of(report(), H_SUPPRESSED, List.of());
        assertEquals(ControlStatus.FAIL, control(controls, "a.fails").status(), "a failure beats passes and errors");
        assertEquals(ControlStatus.PASS, control(controls, "b.passes").status());
        assertEquals(ControlStatus.UNKNOWN, control(controls, "c.errors").status());
        assertEquals(ControlStatus.NOT_APPLICABLE, control(controls, "d.unmatched").status());
        assertEquals(ControlStatus.MANUAL, control(controls, "e.manual").status(), "manual even with a failure");
        assertEquals(ControlStatus.PASS, control(controls, "f.partial").status(), "partial items are judged by files");
        assertEquals(ControlStatus.NOT_APPLICABLE, control(controls, "g.nopolicy").status());
        assertEquals(ControlStatus.PASS, control(controls, "h.suppressed").status(),
                "a suppressed failure is accepted");
        assertEquals(ControlStatus.PASS, control(controls, "i.errorandpass").status(), "one pass, no failure");
    }

    @Test
    void aManualItemStillShowsWhatItsPoliciesFound() {
        Control manual = control(Controls.of(report(), Suppressions.NONE, List.of()), "e.manual");
        assertEquals(ControlStatus.MANUAL, manual.status());
        assertEquals(ControlStatus.FAIL, manual.scanResult());
        assertEquals(List.of("fail"), manual.evaluations().stream().map(ControlEvaluation::result).toList());
    }

    @Test
    void withoutTheSuppressionTheSameFailureFails() {
        assertEquals(ControlStatus.FAIL,
                control(Controls.of(report(), Suppressions.NONE, List.of()), "h.suppressed").status());
    }

    @Test
    void suppressedFailuresAreListedWithTheirReasonNotAsEvaluations() {
        Control h = control(Controls.of(report(), H_SUPPRESSED, List.of()), "h.suppressed");
        assertEquals(List.of(), h.evaluations());
        assertEquals(1, h.suppressed().size());
        assertEquals("accepted until the migration", h.suppressed().get(0).reason());
        assertEquals("h.yml", h.suppressed().get(0).evaluation().file());
    }

    @Test
    void everyItemOnceInCatalogueOrderWithAllItsEvaluations() {
        ScanReport report = report();
        List<Control> controls = Controls.of(report, Suppressions.NONE, List.of());
        assertEquals(report.checklist().stream().map(ChecklistItem::id).toList(),
                controls.stream().map(Control::checklistId).toList());
        Control a = control(controls, "a.fails");
        assertEquals(List.of("pass", "fail", "error"),
                a.evaluations().stream().map(ControlEvaluation::result).toList());
        assertEquals(List.of(1, 2, 3), a.evaluations().stream().map(ControlEvaluation::line).toList());
        assertEquals(List.of("P-b"), control(controls, "f.partial").policies());
        assertEquals(2, control(controls, "f.partial").evaluations().size(), "one policy can prove two items");
    }

    @Test
    void attestationsGoToTheirItem() {
        Attestation att = new Attestation("e.manual", "Jane", "2026-01-02", null, "done", "att.yaml:3");
        List<Control> controls = Controls.of(report(), Suppressions.NONE, List.of(att));
        assertEquals(List.of(att), control(controls, "e.manual").attestations());
        assertEquals(ControlStatus.MANUAL, control(controls, "e.manual").status());
        assertEquals(List.of(), control(controls, "a.fails").attestations());
    }
}
