package dev.tollgate.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.Outcome;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.finding.ScannedFile;
import dev.tollgate.model.Format;
import dev.tollgate.model.Problem;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.policy.ChecklistItem;
import dev.tollgate.policy.ChecklistItem.Automation;
import dev.tollgate.policy.Policy;
import dev.tollgate.policy.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The status rules, one item per rule, on a hand-built scan whose every evaluation is known. */
class ControlsTest {

    private static Policy policy(String id, String... items) {
        return policy(id, Format.COMPOSE, items);
    }

    private static Policy policy(String id, Format format, String... items) {
        return new Policy(id, id + " title", null, Severity.HIGH, List.of(items), format, List.of(), List.of(),
                "true", null, null, null, List.of(), "policies/" + format.id() + "/" + id + ".yaml", Map.of());
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

    // Files not fully understood: items judged by one format each, on a scan whose listed files are known.

    /** What the scan listed, as {@code Scanner} writes formats: {@code yaml} is YAML that held nothing of ours. */
    private static final List<ScannedFile> LISTED = List.of(
            new ScannedFile(".env.prod", "dotenv", 0),
            new ScannedFile("app.yaml", "yaml", 0),
            new ScannedFile("broken/docker-compose.yml", "compose", 0),
            new ScannedFile("chart/Chart.yaml", "yaml", 0),
            new ScannedFile("deploy.yaml", "kubernetes+dotenv", 3),
            new ScannedFile("docker-compose.yml", "compose", 2),
            new ScannedFile("main.tf", "terraform", 1));

    /**
     * compose.passes, terraform.passes and manual.compose have a pass; compose.fails a failure; dotenv.unmatched and
     * kubernetes.unmatched nothing (their policies matched no resource); nopolicy no policy.
     */
    private static ScanReport gapsReport(Problem... problems) {
        List<ChecklistItem> checklist = List.of(
                item("compose.passes", Automation.AUTOMATED),
                item("terraform.passes", Automation.AUTOMATED),
                item("compose.fails", Automation.AUTOMATED),
                item("dotenv.unmatched", Automation.AUTOMATED),
                item("kubernetes.unmatched", Automation.AUTOMATED),
                item("manual.compose", Automation.MANUAL),
                item("nopolicy", Automation.AUTOMATED));
        List<Policy> policies = List.of(policy("P-C", Format.COMPOSE, "compose.passes"),
                policy("P-T", Format.TERRAFORM, "terraform.passes"), policy("P-F", Format.COMPOSE, "compose.fails"),
                policy("P-E", Format.DOTENV, "dotenv.unmatched"),
                policy("P-K", Format.KUBERNETES, "kubernetes.unmatched"),
                policy("P-M", Format.COMPOSE, "manual.compose"));
        List<Evaluation> evaluations = new ArrayList<>(List.of(
                eval("P-C", Outcome.PASS, "docker-compose.yml", 1), eval("P-T", Outcome.PASS, "main.tf", 1),
                eval("P-F", Outcome.FAIL, "docker-compose.yml", 2),
                eval("P-M", Outcome.PASS, "docker-compose.yml", 3)));
        evaluations.sort(Evaluation.REPORT_ORDER);
        return new ScanReport("test", policies, checklist, evaluations, LISTED,
                List.of(problems).stream().sorted().toList());
    }

    private static Problem problem(String file, Problem.Kind kind) {
        return Problem.wholeFile(file, kind, kind + " in " + file);
    }

    /** Each item's {@code status} and {@code not_understood}, as one string per item, for exact comparison. */
    private static Map<String, String> outcome(ScanReport report) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Control c : Controls.of(report, Suppressions.NONE, List.of())) {
            out.put(c.checklistId(), c.status().id() + " " + c.notUnderstood());
        }
        return out;
    }

    @Test
    void withEverythingUnderstoodNothingChanges() {
        assertEquals(Map.of("compose.passes", "pass []", "terraform.passes", "pass []", "compose.fails", "fail []",
                "dotenv.unmatched", "not_applicable []", "kubernetes.unmatched", "not_applicable []",
                "manual.compose", "manual []", "nopolicy", "not_applicable []"), outcome(gapsReport()));
    }

    @Test
    void aComposeParseErrorLeavesComposeItemsIncompleteAndTerraformOnesPassing() {
        ScanReport report = gapsReport(problem("broken/docker-compose.yml", Problem.Kind.PARSE_ERROR));
        assertEquals(Map.of(
                "compose.passes", "incomplete [broken/docker-compose.yml]",
                "terraform.passes", "pass []",
                "compose.fails", "fail [broken/docker-compose.yml]",
                "dotenv.unmatched", "not_applicable []",
                "kubernetes.unmatched", "not_applicable []",
                "manual.compose", "manual [broken/docker-compose.yml]",
                "nopolicy", "not_applicable []"), outcome(report));
        Control manual = control(Controls.of(report, Suppressions.NONE, List.of()), "manual.compose");
        assertEquals(ControlStatus.INCOMPLETE, manual.scanResult(), "a manual item's files are not proven either");
    }

    @Test
    void aKnownFailureStandsWhateverElseWasNotRead() {
        Control fails = control(Controls.of(gapsReport(problem("broken/docker-compose.yml", Problem.Kind.PARSE_ERROR),
                problem("docker-compose.yml", Problem.Kind.NOT_SCANNED)), Suppressions.NONE, List.of()),
                "compose.fails");
        assertEquals(ControlStatus.FAIL, fails.status());
        assertEquals(ControlStatus.FAIL, fails.scanResult());
        assertEquals(List.of("broken/docker-compose.yml", "docker-compose.yml"), fails.notUnderstood(),
                "sorted, each file once");
    }

    @Test
    void nothingMatchedIsNotNotApplicableWhenAFileOfItsFormatWasNotUnderstood() {
        assertEquals("incomplete [.env.prod]",
                outcome(gapsReport(problem(".env.prod", Problem.Kind.UNREADABLE))).get("dotenv.unmatched"));
    }

    @Test
    void policyErrorsAndInvalidSuppressionsAreNotFilesNotUnderstood() {
        Map<String, String> got = outcome(gapsReport(
                problem("docker-compose.yml", Problem.Kind.POLICY_ERROR),
                problem("docker-compose.yml", Problem.Kind.SUPPRESSION),
                problem("main.tf", Problem.Kind.PARSE_ERROR)));
        assertEquals("pass []", got.get("compose.passes"));
        assertEquals("incomplete [main.tf]", got.get("terraform.passes"), "the same scan's parse error does count");
    }

    @Test
    void aFileDiscoveryPassedOverIsJudgedByItsName() {
        Map<String, String> got = outcome(gapsReport(
                problem("vendor/huge.tf", Problem.Kind.SKIPPED),
                problem("ops/compose.prod.yml", Problem.Kind.SKIPPED)));
        assertEquals("incomplete [vendor/huge.tf]", got.get("terraform.passes"));
        assertEquals("incomplete [ops/compose.prod.yml]", got.get("compose.passes"));
        assertEquals("not_applicable []", got.get("kubernetes.unmatched"), "a compose file's name is not Kubernetes");
        assertEquals("not_applicable []", got.get("dotenv.unmatched"));
    }

    @Test
    void aJsonFilePassedOverMayBeAPlanOrAManifest() {
        Map<String, String> got = outcome(gapsReport(problem("out/plan.json", Problem.Kind.SKIPPED)));
        assertEquals("incomplete [out/plan.json]", got.get("terraform.passes"));
        assertEquals("incomplete [out/plan.json]", got.get("kubernetes.unmatched"));
        assertEquals("pass []", got.get("compose.passes"));
    }

    @Test
    void aPathNoNameTellsAboutMayHoldAnyFormat() {
        // A directory that could not be walked: any file of any format may be in it.
        Map<String, String> got = outcome(gapsReport(problem("locked", Problem.Kind.UNREADABLE)));
        assertEquals(Map.of("compose.passes", "incomplete [locked]", "terraform.passes", "incomplete [locked]",
                "compose.fails", "fail [locked]", "dotenv.unmatched", "incomplete [locked]",
                "kubernetes.unmatched", "incomplete [locked]", "manual.compose", "manual [locked]",
                "nopolicy", "not_applicable []"), got);
    }

    @Test
    void yamlThatHeldNothingOfOursCountsAsKubernetes() {
        Map<String, String> got = outcome(gapsReport(problem("app.yaml", Problem.Kind.PARSE_ERROR)));
        assertEquals("incomplete [app.yaml]", got.get("kubernetes.unmatched"));
        assertEquals("pass []", got.get("compose.passes"));
        // A Helm chart's templates left out are reported once, at its Chart.yaml, which the scan lists as yaml.
        assertEquals("incomplete [chart/Chart.yaml]", outcome(gapsReport(problem("chart/Chart.yaml",
                Problem.Kind.NOT_SCANNED))).get("kubernetes.unmatched"));
    }

    @Test
    void aFileReadAsTwoFormatsConcernsBoth() {
        Map<String, String> got = outcome(gapsReport(new Problem("deploy.yaml", 12, 3, Problem.Kind.PARSE_ERROR,
                "bad indentation")));
        assertEquals("incomplete [deploy.yaml]", got.get("kubernetes.unmatched"));
        assertEquals("incomplete [deploy.yaml]", got.get("dotenv.unmatched"));
        assertEquals("pass []", got.get("terraform.passes"));
    }
}
