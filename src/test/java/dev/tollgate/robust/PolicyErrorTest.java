package dev.tollgate.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.engine.PolicyEngine;
import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.Outcome;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.model.Problem;
import dev.tollgate.parse.Parsers;
import dev.tollgate.policy.BundledPolicies;
import dev.tollgate.policy.PolicyCatalog;
import dev.tollgate.scan.Scanner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A policy whose condition fails to evaluate on some resources (a key not guarded by {@code has()}): each such
 * resource gets one policy error naming the policy, never a pass; resources where it evaluates are judged normally;
 * the bundled policies and the rest of the scan carry on.
 */
class PolicyErrorTest {

    private static final String ID = "TG-TEST-ERR-001";

    @Test
    void missingKeyIsOnePolicyErrorPerResourceAndNeverAPass(@TempDir Path policies, @TempDir Path src)
            throws Exception {
        Files.writeString(policies.resolve(ID + ".yaml"), String.join("\n",
                "id: " + ID,
                "title: Workloads declare their replica count",
                "description: A policy that forgets to guard a key with has().",
                "severity: low",
                "checklist: [security.https-everywhere]",
                "match:",
                "  format: kubernetes",
                "  kinds: [Deployment, Service]",
                "condition: |",
                "  resource.spec.replicas > 0",
                ""), StandardCharsets.UTF_8);
        String template = "  template: {spec: {containers: [{name: app, image: ghcr.io/acme/app:1.0}]}}\n";
        Files.writeString(src.resolve("with.yaml"),
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: with\nspec:\n  replicas: 3\n" + template);
        Files.writeString(src.resolve("without.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n"
                + "  name: without\nspec:\n" + template + "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n"
                + "spec:\n  ports: []\n");
        Scans.copy(Path.of("fixtures/TG-K8S-HTTPS-001/fail"), src.resolve("ingress"));

        PolicyCatalog catalog = BundledPolicies.load(List.of(policies));
        ScanReport report = new Scanner(catalog, PolicyEngine.compile(catalog.policies()), new FileDiscovery(),
                new Parsers(), "test").scan(List.of(src));

        List<String> mine = report.evaluations().stream().filter(e -> e.policyId().equals(ID))
                .map(e -> e.outcome() + " " + e.location().file() + " " + e.resourceAddress()).sorted().toList();
        assertEquals(List.of("ERROR ingress/ingress.yaml Service/web", "ERROR without.yaml Deployment/without",
                "ERROR without.yaml Service/web", "PASS with.yaml Deployment/with"), mine);
        assertEquals(3, report.count(Outcome.ERROR));
        for (Evaluation e : report.evaluations()) {
            if (e.outcome() == Outcome.ERROR) {
                assertTrue(e.message().startsWith(ID + ": "), e::message);
                assertTrue(e.message().contains("replicas"), e::message);
            }
        }
        List<Problem> errors = report.problems().stream().filter(p -> p.kind() == Problem.Kind.POLICY_ERROR).toList();
        assertEquals(List.of("ingress/ingress.yaml:20:1", "without.yaml:1:1", "without.yaml:8:1"),
                errors.stream().map(Problem::where).toList());
        assertTrue(errors.get(0).message().startsWith(ID + ": ")
                && errors.get(0).message().endsWith("(on Service/web)"));
        assertTrue(errors.get(1).message().startsWith(ID + ": ")
                && errors.get(1).message().endsWith("(on Deployment/without)"));
        assertTrue(errors.get(2).message().startsWith(ID + ": ")
                && errors.get(2).message().endsWith("(on Service/web)"));
        assertEquals(errors, report.problems(), "no other problem");

        // The bundled Ingress policy still judged its fixture: the scan was not aborted.
        assertTrue(report.findings().stream().anyMatch(f -> f.policyId().equals("TG-K8S-HTTPS-001")));
        assertTrue(report.findings().stream().noneMatch(f -> f.policyId().equals(ID)), "an error is not a finding");

        // Reported once per resource: the text and SARIF reports mention each error once; JSON lists it once under
        // errors (and, as docs/json-schema.md documents, again in the scanner's problem list).
        for (String format : List.of("text", "sarif")) {
            String out = Scans.render(report, format);
            assertEquals(3, count(out, Pattern.quote(ID + ": condition could not be evaluated")), format);
        }
        JsonNode json = new ObjectMapper().readTree(Scans.render(report, "json"));
        assertEquals(3, json.get("errors").size());
        assertEquals(3, json.get("summary").get("errors").asInt());
        assertEquals(1, json.get("summary").get("passes").asInt() - passesOfOthers(report));
    }

    private static long passesOfOthers(ScanReport report) {
        return report.evaluations().stream().filter(e -> e.outcome() == Outcome.PASS && !e.policyId().equals(ID))
                .count();
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
