package dev.tollgate.suppress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.engine.PolicyEngine;
import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.finding.Suppression;
import dev.tollgate.model.Problem;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.parse.Parsers;
import dev.tollgate.policy.BundledPolicies;
import dev.tollgate.policy.PolicyCatalog;
import dev.tollgate.scan.Scanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuppressorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @TempDir
    Path dir;

    /** The policies these cases exercise; others (CSP, health checks) would fire on the same files. */
    private static final Set<String> POLICIES = Set.of("TG-ENV-XFO-001", "TG-ENV-HTTPS-002", "TG-K8S-PG-001",
            "TG-K8S-HTTPS-001");

    private ScanReport scan(Suppressor suppressor) throws Exception {
        PolicyCatalog all = BundledPolicies.load(List.of());
        PolicyCatalog catalog = new PolicyCatalog(
                all.policies().stream().filter(p -> POLICIES.contains(p.id())).toList(), all.checklist());
        return new Scanner(catalog, PolicyEngine.compile(catalog.policies()), new FileDiscovery(), new Parsers(), "t",
                suppressor).scan(List.of(dir));
    }

    private ScanReport scan() throws Exception {
        return scan(Suppressor.inlineOnly(TODAY));
    }

    private Evaluation only(List<Evaluation> list) {
        assertEquals(1, list.size(), list.toString());
        return list.get(0);
    }

    @Test
    void commentOnTheLineAbove_withReason_suppressesExactlyThatFinding() throws Exception {
        Files.writeString(dir.resolve(".env"), String.join("\n",
                "# tollgate:ignore TG-ENV-XFO-001 partner portal frames us until the SSO migration",
                "X_FRAME_OPTIONS=SAMEORIGIN",
                "SECURE_SSL_REDIRECT=False",
                ""));
        ScanReport r = scan();
        Evaluation s = only(r.suppressed());
        assertEquals("TG-ENV-XFO-001", s.policyId());
        assertEquals(Suppression.Source.COMMENT, s.suppression().source());
        assertEquals("partner portal frames us until the SSO migration", s.suppression().reason());
        assertEquals(new SourceLocation(".env", 1, 1), s.suppression().where());
        assertEquals("TG-ENV-HTTPS-002", only(r.findings()).policyId());
    }

    @Test
    void trailingComment_onTheSameLine_suppresses() throws Exception {
        Files.writeString(dir.resolve(".env"),
                "X_FRAME_OPTIONS=SAMEORIGIN # tollgate:ignore TG-ENV-XFO-001 legacy iframe embed\n");
        ScanReport r = scan();
        assertEquals(List.of(), r.findings());
        assertEquals(1, r.suppressed().size());
    }

    @Test
    void withoutReason_suppressesNothingAndIsReported() throws Exception {
        Files.writeString(dir.resolve(".env"), "# tollgate:ignore TG-ENV-XFO-001\nX_FRAME_OPTIONS=SAMEORIGIN\n");
        ScanReport r = scan();
        assertEquals("TG-ENV-XFO-001", only(r.findings()).policyId());
        assertEquals(1, r.problems().size(), r.problems().toString());
        Problem p = r.problems().get(0);
        assertEquals(Problem.Kind.SUPPRESSION, p.kind());
        assertEquals(1, p.line());
        assertTrue(p.message().contains("no reason"), p.message());
    }

    @Test
    void expired_noLongerSuppresses_andTheFindingSaysSo() throws Exception {
        Files.writeString(dir.resolve(".env"),
                "# tollgate:ignore TG-ENV-XFO-001 until=2026-01-31 temporary during migration\n"
                        + "X_FRAME_OPTIONS=SAMEORIGIN\n");
        ScanReport r = scan();
        Evaluation f = only(r.findings());
        assertNull(f.suppression());
        assertTrue(f.message().endsWith("(suppression expired on 2026-01-31: temporary during migration)"),
                f.message());
    }

    @Test
    void notYetExpired_suppresses() throws Exception {
        Files.writeString(dir.resolve(".env"),
                "# tollgate:ignore TG-ENV-XFO-001 until=2027-01-31 temporary during migration\n"
                        + "X_FRAME_OPTIONS=SAMEORIGIN\n");
        assertEquals(LocalDate.of(2027, 1, 31), only(scan().suppressed()).suppression().until());
    }

    @Test
    void aboveAYamlResource_coversTheWholeResource() throws Exception {
        Files.writeString(dir.resolve("db.yaml"), String.join("\n",
                "---",
                "# tollgate:ignore TG-K8S-PG-001 legacy reporting DB, decommissioned in Q1",
                "apiVersion: apps/v1",
                "kind: Deployment",
                "metadata: {name: reports}",
                "spec:",
                "  template:",
                "    spec:",
                "      containers:",
                "        - {name: db, image: 'postgres:10'}",
                "        - {name: db2, image: 'postgres:9.6'}",
                "---",
                "apiVersion: v1",
                "kind: Pod",
                "metadata: {name: other}",
                "spec:",
                "  containers:",
                "    - {name: db, image: 'postgres:11'}",
                ""));
        ScanReport r = scan();
        assertEquals(2, r.suppressed().size());
        assertEquals("Pod/other", only(r.findings()).resourceAddress());
    }

    @Test
    void kubernetesAnnotation_suppressesForTheObject() throws Exception {
        Files.writeString(dir.resolve("ingress.yaml"), String.join("\n",
                "apiVersion: networking.k8s.io/v1",
                "kind: Ingress",
                "metadata:",
                "  name: internal-tool",
                "  annotations:",
                "    tollgate.dev/ignore: \"TG-K8S-HTTPS-001: reachable only through the VPN gateway, "
                        + "which terminates TLS\"",
                "spec:",
                "  rules: [{host: tool.corp}]",
                ""));
        ScanReport r = scan();
        Evaluation s = only(r.suppressed());
        assertEquals(Suppression.Source.ANNOTATION, s.suppression().source());
        assertEquals(6, s.suppression().where().line());
        assertEquals(List.of(), r.findings());
    }

    @Test
    void configuration_canForbidInlineSuppression() throws Exception {
        Files.writeString(dir.resolve(".env"),
                "X_FRAME_OPTIONS=SAMEORIGIN # tollgate:ignore TG-ENV-XFO-001 we really want this\n");
        ScanReport r = scan(new Suppressor(List.of(), Set.of("TG-ENV-XFO-001"), TODAY));
        assertEquals(1, r.findings().size());
        assertTrue(r.problems().get(0).message().contains("not allowed by the configuration"), r.problems().toString());
    }

    @Test
    void configurationRule_suppressesByPathAndResource() throws Exception {
        Files.createDirectories(dir.resolve("legacy"));
        Files.writeString(dir.resolve("legacy/.env"), "X_FRAME_OPTIONS=SAMEORIGIN\n");
        Files.writeString(dir.resolve(".env"), "X_FRAME_OPTIONS=SAMEORIGIN\n");
        SuppressionRule rule = new SuppressionRule("TG-ENV-XFO-001", "legacy/**", null, "legacy app, retired in 2027",
                null, new SourceLocation(".tollgate.yml", 4, 5));
        ScanReport r = scan(new Suppressor(List.of(rule), Set.of(), TODAY));
        assertEquals(".env", only(r.findings()).location().file());
        assertEquals(Suppression.Source.CONFIG, only(r.suppressed()).suppression().source());
    }

    @Test
    void otherPolicyIds_areNotSuppressed() throws Exception {
        Files.writeString(dir.resolve(".env"),
                "# tollgate:ignore TG-ENV-HTTPS-002 not this one\nX_FRAME_OPTIONS=SAMEORIGIN\n");
        assertEquals(1, scan().findings().size());
    }
}
