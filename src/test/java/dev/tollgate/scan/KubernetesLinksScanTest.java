package dev.tollgate.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.engine.PolicyEngine;
import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.Outcome;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.parse.Parsers;
import dev.tollgate.policy.BundledPolicies;
import dev.tollgate.policy.PolicyCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-file Kubernetes links through the whole scan: the first pass parses only the documents of a file that may
 * declare an HPA, and the whole file when those do not parse on their own.
 */
class KubernetesLinksScanTest {

    @TempDir
    Path tmp;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 2
              template:
                spec:
                  containers:
                    - name: web
                      image: nginx:1.25
            """;

    private static final String HPA = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
              labels: {team: !k!str payments}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 2
              maxReplicas: 6
            """;

    private List<Outcome> hpaOutcomes(Path root) throws Exception {
        PolicyCatalog bundled = BundledPolicies.load(List.of());
        PolicyCatalog catalog = new PolicyCatalog(bundled.policies().stream()
                .filter(p -> p.id().equals("TG-K8S-HPA-001")).toList(), bundled.checklist());
        ScanReport report = new Scanner(catalog, PolicyEngine.compile(catalog.policies()), new FileDiscovery(),
                new Parsers(), "test", dev.tollgate.suppress.Suppressor.inlineOnly(java.time.LocalDate.of(2026, 1, 1)),
                PolicyEngine.Passes.PER_RESOURCE).scan(List.of(root));
        return report.evaluations().stream().map(Evaluation::outcome).toList();
    }

    @Test
    void anHpaInAnotherFileScalesTheDeployment() throws Exception {
        Files.writeString(tmp.resolve("deploy.yaml"), DEPLOYMENT);
        Files.writeString(tmp.resolve("hpa.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: web}\n---\n"
                + HPA.replace("!k!str ", ""));
        assertEquals(List.of(Outcome.PASS), hpaOutcomes(tmp));
    }

    @Test
    void anHpaWhoseDocumentNeedsTheFilesDirectivesIsStillFound() throws Exception {
        // The %TAG directive sits before the first document marker, in a part of the file with no HPA in it: parsed
        // alone, the HPA's document has an undefined tag handle, so the whole file is parsed instead.
        Files.writeString(tmp.resolve("app.yaml"),
                "%TAG !k! tag:example.com,2000:\n---\n" + DEPLOYMENT + "---\n" + HPA);
        assertEquals(List.of(Outcome.PASS), hpaOutcomes(tmp));
        Files.writeString(tmp.resolve("app.yaml"), DEPLOYMENT);
        assertEquals(List.of(Outcome.FAIL), hpaOutcomes(tmp), "without the HPA the same Deployment fails");
    }

    @Test
    void anHpaPastTheBytesDiscoverySniffsIsStillFound() throws Exception {
        // Discovery tells the first pass which files may declare an HPA from the first 8 KB it reads for its binary
        // check; a longer file must be read whole by the first pass, wherever its HPA is.
        String padding = "# " + "x".repeat(100) + "\n";
        Files.writeString(tmp.resolve("deploy.yaml"), DEPLOYMENT);
        Files.writeString(tmp.resolve("hpa.yaml"), padding.repeat(100) + HPA.replace("!k!str ", ""));
        assertEquals(List.of(Outcome.PASS), hpaOutcomes(tmp));
    }
}
