package dev.tollgate.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.engine.PolicyEngine;
import dev.tollgate.finding.Outcome;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.model.Problem;
import dev.tollgate.parse.Parsers;
import dev.tollgate.policy.BundledPolicies;
import dev.tollgate.policy.PolicyCatalog;
import dev.tollgate.report.Reporters;
import dev.tollgate.scan.Scanner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files full of secrets, in every format, placed where findings, policy errors and parse problems are reported:
 * no secret value appears in any output format ({@link Reporters#FORMATS}).
 */
class SecretsNeverInOutputTest {

    private static final String PEM_BODY = "MIIEowIBAAKCAQEAsecretPemBodyLine0123456789";

    /** Every value that must never be printed. */
    private static final List<String> SECRETS = List.of(
            "Pa55w0rd-env-url", "dj-secret-value-123456", "AKIAIOSFODNN7EXAMPL1", "sk_live_0123456789abcdefXYZ",
            "hunter2-broken-line", "tok-unterminated-secret", "compose-pw-123", "compose-url-pass",
            "rk_live_0123456789abcdef", "redis-secret-pass", "k8s-pw-value", "k8s-url-pass", "AKIAJ7EXAMPLEKEY0002",
            "k8s-redis-pass", "yaml-broken-secret", PEM_BODY, "compose-int-secret");

    @Test
    void noSecretValueInAnyFormat(@TempDir Path src, @TempDir Path policies) throws Exception {
        Files.createDirectories(src.resolve("env"));
        Files.createDirectories(src.resolve("compose"));
        Files.createDirectories(src.resolve("k8s"));
        Files.writeString(src.resolve("env/.env.production"), String.join("\n",
                "DATABASE_URL=http://admin:Pa55w0rd-env-url@db.example.com/app",
                "SECRET_KEY=dj-secret-value-123456",
                "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPL1",
                "X_FRAME_OPTIONS=sk_live_0123456789abcdefXYZ",
                "PASSWORD \"hunter2-broken-line\"",
                "SECURE_SSL_REDIRECT=False",
                "PRIVATE_KEY=\"-----BEGIN RSA PRIVATE KEY-----",
                PEM_BODY,
                "-----END RSA PRIVATE KEY-----\"",
                "API_TOKEN=\"tok-unterminated-secret",
                ""), StandardCharsets.UTF_8);
        Files.writeString(src.resolve("compose/docker-compose.yml"), String.join("\n",
                "services:",
                "  api:",
                "    image: ghcr.io/acme/api:1.2.3",
                "    environment:",
                "      DB_PASSWORD: compose-pw-123",
                "      PUBLIC_URL: http://user:compose-url-pass@api.example.com/",
                "      X_FRAME_OPTIONS: rk_live_0123456789abcdef",
                "      SECRET_NUMBER: compose-int-secret",
                "  cache:",
                "    image: redis:7",
                "    command: redis-server --requirepass redis-secret-pass --save \"\" --appendonly no",
                ""), StandardCharsets.UTF_8);
        Files.writeString(src.resolve("k8s/app.yaml"), String.join("\n",
                "apiVersion: apps/v1",
                "kind: Deployment",
                "metadata: {name: app}",
                "spec:",
                "  template:",
                "    spec:",
                "      containers:",
                "        - name: app",
                "          image: ghcr.io/acme/app:2",
                "          env:",
                "            - name: DB_PASSWORD",
                "              value: k8s-pw-value",
                "            - name: API_URL",
                "              value: http://svc:k8s-url-pass@public.example.com/",
                "            - name: X_FRAME_OPTIONS",
                "              value: AKIAJ7EXAMPLEKEY0002",
                "        - name: redis",
                "          image: redis:7",
                "          args: [\"--requirepass\", \"k8s-redis-pass\", \"--save\", \"\"]",
                ""), StandardCharsets.UTF_8);
        Files.writeString(src.resolve("k8s/broken.yaml"),
                "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  password: \"yaml-broken-secret\n",
                StandardCharsets.UTF_8);
        // A policy that errors on the value itself: CEL's message would quote it.
        Files.writeString(policies.resolve("TG-TEST-SECRET-001.yaml"), String.join("\n",
                "id: TG-TEST-SECRET-001",
                "title: A policy that converts a secret",
                "description: Errors on purpose, with the value in CEL's message.",
                "severity: low",
                "checklist: [security.https-everywhere]",
                "match:",
                "  format: compose",
                "condition: |",
                "  int(resource.environment.SECRET_NUMBER) > 0",
                ""), StandardCharsets.UTF_8);

        PolicyCatalog catalog = BundledPolicies.load(List.of(policies));
        ScanReport report = new Scanner(catalog, PolicyEngine.compile(catalog.policies()), new FileDiscovery(),
                new Parsers(), "test").scan(List.of(src));

        // The test only means something if the secrets sat next to reported things.
        Set<String> fired = new TreeSet<>();
        report.findings().forEach(f -> fired.add(f.policyId()));
        assertTrue(fired.containsAll(Set.of("TG-ENV-HTTPS-001", "TG-ENV-XFO-001", "TG-DC-HTTPS-001", "TG-DC-XFO-001",
                "TG-DC-REDIS-001", "TG-K8S-HTTPS-003", "TG-K8S-XFO-001", "TG-K8S-REDIS-001")), fired::toString);
        assertTrue(report.evaluations().stream().anyMatch(e -> e.outcome() == Outcome.ERROR
                && e.policyId().equals("TG-TEST-SECRET-001")), "the converting policy errored");
        Set<String> problemFiles = new TreeSet<>();
        report.problems().stream().filter(p -> p.kind() == Problem.Kind.PARSE_ERROR)
                .forEach(p -> problemFiles.add(p.file()));
        assertEquals(Set.of("env/.env.production", "k8s/broken.yaml"), problemFiles);

        for (String format : Reporters.FORMATS) {
            String out = Scans.render(report, format);
            for (String secret : SECRETS) {
                assertFalse(out.contains(secret), () -> format + " output contains " + secret + ":\n" + out);
            }
            // The X_FRAME_OPTIONS policies quote the value they judge; here it is a well-known key format.
            // (Markdown escapes the mask's asterisks.)
            String masked = format.equals("markdown") ? "X\\_FRAME\\_OPTIONS is '\\*\\*\\*\\*'"
                    : "X_FRAME_OPTIONS is '****'";
            assertTrue(out.contains(masked), () -> format + ": the quoted value was masked\n" + out);
        }
    }
}
