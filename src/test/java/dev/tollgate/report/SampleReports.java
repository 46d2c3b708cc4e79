package dev.tollgate.report;

import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.Outcome;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.finding.ScannedFile;
import dev.tollgate.model.Format;
import dev.tollgate.model.Problem;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.policy.ChecklistItem;
import dev.tollgate.policy.Policy;
import dev.tollgate.policy.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Hand-built scan reports shared by the reporter tests: what a real scan of a small repository would give, with
 * findings in two files (one path holding a space), a pass, a policy error and files that were not understood.
 */
public final class SampleReports {

    public static final String VERSION = "0.1.0";
    public static final String WEB = "deploy/web app.yaml";
    public static final String COMPOSE = "docker-compose.yml";

    private SampleReports() {
    }

    public static List<Policy> policies() {
        return List.of(
                new Policy("compose-redis-persistence", "Redis must persist its data",
                        "A Redis without AOF or RDB snapshots loses every queued job and session on restart.",
                        Severity.MEDIUM, List.of("cache.redis-persistence"), Format.COMPOSE, List.of(), List.of(),
                        "has(resource.command)", "Redis runs without persistence", null,
                        "Start Redis with `--appendonly yes` or mount a volume and configure `save`.",
                        List.of(), "policies/compose/compose-redis-persistence.yaml", java.util.Map.of()),
                new Policy("dotenv-no-default-secret", "Secrets must not keep their example value",
                        "A secret left at its documented default is public knowledge.",
                        Severity.CRITICAL, List.of("secrets.no-defaults"), Format.DOTENV, List.of(), List.of(),
                        "true", null, null, "Generate a fresh random value per environment.",
                        List.of("https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html"),
                        "policies/dotenv/dotenv-no-default-secret.yaml", java.util.Map.of()),
                new Policy("k8s-no-privileged", "Containers must not run privileged",
                        "A privileged container has every capability of the node's root user.",
                        Severity.HIGH, List.of("security.no-privileged-containers", "security.least-privilege"),
                        Format.KUBERNETES, List.of("Deployment"), List.of("$.spec.template.spec.containers[*]"),
                        "!item.securityContext.privileged", "Container runs privileged", null,
                        "Remove `securityContext.privileged` or set it to `false`.",
                        List.of("https://kubernetes.io/docs/concepts/security/pod-security-standards/", "CIS 5.2.1"),
                        "policies/kubernetes/k8s-no-privileged.yaml", java.util.Map.of()),
                new Policy("k8s-resource-limits", "Containers must set resource limits",
                        null, Severity.LOW, List.of(), Format.KUBERNETES, List.of(), List.of(),
                        "has(resource.spec)", null, null, null, List.of("CIS 5.7"),
                        "policies/kubernetes/k8s-resource-limits.yaml", java.util.Map.of()));
    }

    public static List<ChecklistItem> checklist() {
        return List.of(
                new ChecklistItem("cache.redis-persistence", "Backend Configuration / Cache & Queue",
                        "Redis persistence (AOF or RDB) is enabled for queues and sessions"),
                new ChecklistItem("secrets.no-defaults", "Security / Secrets",
                        "No secret keeps a default or example value"),
                new ChecklistItem("security.least-privilege", "Security / Containers",
                        "Containers run with the least privilege they need"),
                new ChecklistItem("security.no-privileged-containers", "Security / Containers",
                        "No container runs privileged"));
    }

    public static List<ScannedFile> files() {
        return List.of(
                new ScannedFile(".env", "dotenv", 3),
                new ScannedFile("broken.yaml", "yaml", 0),
                new ScannedFile(WEB, "kubernetes", 2),
                new ScannedFile(COMPOSE, "compose", 2));
    }

    /** Findings in two files (high, low, medium), passes, one policy error. */
    public static List<Evaluation> evaluations() {
        return List.of(
                eval("k8s-no-privileged", Severity.HIGH, Outcome.FAIL, WEB, 21, 11, "Deployment/web", "Deployment",
                        "web", "/spec/template/spec/containers/0",
                        "Container \"nginx\" of Deployment/web runs privileged", "k8s-no-privileged:5a1c2e9f0b7d4c33"),
                eval("k8s-resource-limits", Severity.LOW, Outcome.FAIL, WEB, 5, 1, "Deployment/web", "Deployment",
                        "web", "", "Deployment/web sets no resource limits", "k8s-resource-limits:0d93be7a41c2f518"),
                eval("k8s-no-privileged", Severity.HIGH, Outcome.PASS, WEB, 48, 11, "Deployment/worker", "Deployment",
                        "worker", "/spec/template/spec/containers/0", "", "k8s-no-privileged:77e0a3b9c1d2e4f5"),
                eval("k8s-resource-limits", Severity.LOW, Outcome.ERROR, WEB, 30, 1, "Deployment/worker", "Deployment",
                        "worker", "", "no such key: spec", "k8s-resource-limits:aa01bb02cc03dd04"),
                eval("compose-redis-persistence", Severity.MEDIUM, Outcome.FAIL, COMPOSE, 9, 3, "services.redis",
                        "service", null, "", "Service redis runs Redis without persistence (no --appendonly, no save)",
                        "compose-redis-persistence:3c4d5e6f7a8b9c0d"),
                eval("dotenv-no-default-secret", Severity.CRITICAL, Outcome.PASS, ".env", 2, 1, "SESSION_SECRET",
                        "variable", "SESSION_SECRET", "", "", "dotenv-no-default-secret:1f2e3d4c5b6a7988"));
    }

    public static List<Problem> problems() {
        return List.of(
                new Problem("broken.yaml", 3, 5, Problem.Kind.PARSE_ERROR, "mapping values are not allowed here"),
                new Problem(WEB, 30, 1, Problem.Kind.POLICY_ERROR,
                        "policy k8s-resource-limits failed on Deployment/worker: no such key: spec"),
                Problem.wholeFile("infra/main.tf", Problem.Kind.NOT_SCANNED, "Terraform is not scanned yet"));
    }

    /** A scan with findings, a pass, a policy error and problems. */
    public static ScanReport sample() {
        return new ScanReport(VERSION, policies(), checklist(), sorted(evaluations()), files(), sortedProblems());
    }

    /** The same scan with every list handed over in a different order. */
    public static ScanReport sampleShuffled() {
        List<Policy> policies = new ArrayList<>(policies());
        List<Evaluation> evaluations = new ArrayList<>(evaluations());
        List<ScannedFile> files = new ArrayList<>(files());
        List<Problem> problems = new ArrayList<>(problems());
        Collections.reverse(policies);
        Collections.reverse(evaluations);
        Collections.reverse(files);
        Collections.reverse(problems);
        return new ScanReport(VERSION, policies, checklist(), evaluations, files, problems);
    }

    /** A clean scan: only passes, nothing not understood. */
    public static ScanReport clean() {
        List<Evaluation> passes = evaluations().stream().filter(e -> e.outcome() == Outcome.PASS).toList();
        return new ScanReport(VERSION, policies(), checklist(), sorted(passes), files(), List.of());
    }

    /** No findings, but files that were not understood. */
    public static ScanReport problemsOnly() {
        List<Evaluation> passes = evaluations().stream().filter(e -> e.outcome() == Outcome.PASS).toList();
        return new ScanReport(VERSION, policies(), checklist(), sorted(passes), files(), sortedProblems());
    }

    /** A report with one medium finding in {@code file}, saying {@code message}. */
    public static ScanReport oneFinding(String file, String message) {
        List<Evaluation> one = List.of(eval("compose-redis-persistence", Severity.MEDIUM, Outcome.FAIL, file, 4, 3,
                "services.redis", "service", "redis", "", message,
                "compose-redis-persistence:0123456789abcdef"));
        return new ScanReport(VERSION, policies(), checklist(), one, List.of(new ScannedFile(file, "compose", 1)),
                List.of());
    }

    /**
     * {@code count} medium findings saying {@code message}, one per line of {@link #COMPOSE}, and two failures of one
     * policy on one resource (two containers of Deployment/web): enough rows to hit a reporter's caps.
     */
    public static ScanReport manyFindings(int count, String message) {
        List<Evaluation> findings = new ArrayList<>();
        for (int line = 1; line <= count; line++) {
            findings.add(eval("compose-redis-persistence", Severity.MEDIUM, Outcome.FAIL, COMPOSE, line, 3,
                    "services.redis" + line, "service", "redis" + line, "", message,
                    "compose-redis-persistence:" + line));
        }
        return new ScanReport(VERSION, policies(), checklist(), sorted(findings),
                List.of(new ScannedFile(COMPOSE, "compose", count)), List.of());
    }

    /** Two containers of one Deployment both privileged: two failures of one policy on one resource. */
    public static ScanReport twoFailuresOnOneResource() {
        List<Evaluation> two = List.of(
                eval("k8s-no-privileged", Severity.HIGH, Outcome.FAIL, WEB, 21, 11, "Deployment/web", "Deployment",
                        "web", "/spec/template/spec/containers/0",
                        "Container \"nginx\" of Deployment/web runs privileged", "k8s-no-privileged:0000000000000001"),
                eval("k8s-no-privileged", Severity.HIGH, Outcome.FAIL, WEB, 34, 11, "Deployment/web", "Deployment",
                        "web", "/spec/template/spec/containers/1",
                        "Container \"sidecar\" of Deployment/web runs privileged",
                        "k8s-no-privileged:0000000000000002"));
        return new ScanReport(VERSION, policies(), checklist(), two, List.of(new ScannedFile(WEB, "kubernetes", 1)),
                List.of());
    }

    private static List<Evaluation> sorted(List<Evaluation> evaluations) {
        return evaluations.stream().sorted(Evaluation.REPORT_ORDER).toList();
    }

    private static List<Problem> sortedProblems() {
        return problems().stream().sorted().toList();
    }

    private static Evaluation eval(String policy, Severity severity, Outcome outcome, String file, int line, int column,
            String address, String kind, String name, String pointer, String message, String fingerprint) {
        return new Evaluation(policy, severity, outcome, new SourceLocation(file, line, column), address, kind, name,
                pointer, message, fingerprint);
    }
}
