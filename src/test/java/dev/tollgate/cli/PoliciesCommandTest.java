package dev.tollgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.policy.BundledPolicies;
import dev.tollgate.policy.ChecklistCoverage;
import dev.tollgate.policy.ControlsDocument;
import dev.tollgate.policy.PolicyCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoliciesCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), Map.of(), false);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void checklist_printsEveryItemWithItsAutomationAndFormats() throws Exception {
        Run r = run("policies", "--checklist");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("CHECKLIST ITEM"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches(
                "backend\\.debug-off\\s+automated\\s+-\\s+TG-K8S-DEBUG-001\\s+TG-DC-DEBUG-001\\s+TG-ENV-DEBUG-001")),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches(
                "storage\\.s3-private\\s+automated\\s+TG-TF-AZBLOB-001,TG-TF-GCS-001,TG-TF-GCS-002,"
                        + "TG-TF-S3-001,TG-TF-S3-002,TG-TF-S3-003,TG-TF-S3-004,TG-TF-S3-005\\s+-\\s+-\\s+-")),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("signoff\\.legal\\s+manual\\s+-\\s+-\\s+-\\s+-")), r.out());
        PolicyCatalog catalog = BundledPolicies.load(List.of());
        assertTrue(r.out().contains(catalog.checklist().size() + " checklist items: "), r.out());
    }

    @Test
    void checklistMarkdown_isTheControlsDocument() throws Exception {
        Run r = run("policies", "--checklist", "--markdown");
        assertEquals(0, r.code(), r.err());
        PolicyCatalog catalog = BundledPolicies.load(List.of());
        assertEquals(ControlsDocument.render(ChecklistCoverage.of(catalog), catalog.policies().size()), r.out());
    }

    @Test
    void markdownWithoutChecklist_isAUsageError() {
        Run r = run("policies", "--markdown");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--markdown needs --checklist"), r.err());
    }
}
