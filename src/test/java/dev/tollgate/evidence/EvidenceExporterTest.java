package dev.tollgate.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.engine.PolicyEngine;
import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.Outcome;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.parse.Parsers;
import dev.tollgate.policy.ChecklistItem;
import dev.tollgate.policy.Policy;
import dev.tollgate.policy.PolicyCatalog;
import dev.tollgate.scan.Scanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole export on the bundled example, read back as an auditor would: from the files written. */
class EvidenceExporterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T08:00:00.123Z"), ZoneOffset.UTC);
    private static final Map<String, String> EPOCH = Map.of("SOURCE_DATE_EPOCH", "1764000000");
    private static final Path FIXTURES = Path.of("fixtures");

    private static EvidenceDocument export(PolicyCatalog catalog, Map<String, String> env, Clock clock, Path out,
            Path attestations, Path... roots) throws Exception {
        return TestCatalogues.exporter(catalog, clock, env)
                .export(new EvidenceExporter.Request(List.of(roots), out, attestations, List.of()));
    }

    private static JsonNode json(Path out) throws Exception {
        return new ObjectMapper().readTree(out.resolve(EvidenceExporter.EVIDENCE_JSON).toFile());
    }

    @Test
    void everyCatalogueItemExactlyOnceInCatalogueOrder(@TempDir Path out) throws Exception {
        PolicyCatalog catalog = TestCatalogues.bundled();
        export(catalog, EPOCH, CLOCK, out, null, FIXTURES);
        List<String> written = new ArrayList<>();
        json(out).get("controls").forEach(c -> written.add(c.get("checklist_id").asText()));
        assertEquals(catalog.checklist().stream().map(ChecklistItem::id).toList(), written);
        assertEquals(written.size(), new TreeSet<>(written).size(), "an item written twice");
        // Whatever the catalogue says: an item it calls manual is manual, every other item is judged from files.
        json(out).get("controls").forEach(c -> assertEquals(
                c.get("automation").asText().equals("manual"), c.get("status").asText().equals("manual"),
                c.toString()));
    }

    /** The statuses are recomputed here from an independent scan, evaluation by evaluation. */
    @Test
    void statusesAgreeWithTheScansFindings(@TempDir Path policies, @TempDir Path out) throws Exception {
        PolicyCatalog catalog = TestCatalogues.automated(policies);
        export(catalog, EPOCH, CLOCK, out, null, FIXTURES);
        ScanReport scan = new Scanner(catalog, PolicyEngine.compile(catalog.policies()), new FileDiscovery(),
                new Parsers(), "x").scan(List.of(FIXTURES));

        Map<String, String> expected = new HashMap<>();
        for (ChecklistItem item : catalog.checklist()) {
            Set<String> policyIds = catalog.policies().stream().filter(p -> p.checklist().contains(item.id()))
                    .map(Policy::id).collect(Collectors.toSet());
            List<Outcome> outcomes = scan.evaluations().stream().filter(e -> policyIds.contains(e.policyId()))
                    .map(Evaluation::outcome).toList();
            expected.put(item.id(), item.automation() == ChecklistItem.Automation.MANUAL ? "manual"
                    : outcomes.contains(Outcome.FAIL) ? "fail"
                    : outcomes.contains(Outcome.PASS) ? "pass"
                    : outcomes.isEmpty() ? "not_applicable" : "unknown");
        }
        Map<String, String> written = new HashMap<>();
        Map<String, Integer> failures = new HashMap<>();
        for (JsonNode c : json(out).get("controls")) {
            written.put(c.get("checklist_id").asText(), c.get("status").asText());
            int n = 0;
            for (JsonNode e : c.get("evaluations")) {
                n += e.get("result").asText().equals("fail") ? 1 : 0;
            }
            failures.put(c.get("checklist_id").asText(), n);
        }
        assertEquals(expected, written);
        // The bundled example holds failing fixtures for every checked item, partial one included.
        assertEquals("fail", written.get("database.postgres-version"));
        assertEquals("fail", written.get(TestCatalogues.PARTIAL_ITEM));
        long pgFindings = scan.findings().stream().filter(e -> e.policyId().contains("-PG-")).count();
        assertEquals(pgFindings, (long) failures.get("database.postgres-version"));
        JsonNode summary = json(out).get("summary");
        int counted = 0;
        for (ControlStatus status : ControlStatus.values()) {
            counted += summary.get(status.id()).asInt();
        }
        assertEquals(catalog.checklist().size(), counted);
        // Every fixture is understood, so no item is incomplete (the statuses above are computed without that rule).
        assertEquals(List.of(), scan.problems());
        assertEquals(0, summary.get("incomplete").asInt());
    }

    @Test
    void passAndNotApplicableOnSmallerTrees(@TempDir Path policies, @TempDir Path out, @TempDir Path out2)
            throws Exception {
        PolicyCatalog catalog = TestCatalogues.automated(policies);
        Map<String, String> pass = statuses(export(catalog, EPOCH, CLOCK, out, null,
                FIXTURES.resolve("TG-DC-PG-001/pass")));
        assertEquals("pass", pass.get("database.postgres-version"));
        // An env template alone: nothing there for the PostgreSQL policies to judge.
        Path envOnly = FIXTURES.resolve("TG-ENV-XFO-001/pass");
        Map<String, String> env = statuses(export(catalog, EPOCH, CLOCK, out2, null, envOnly));
        assertEquals("not_applicable", env.get("database.postgres-version"));
        assertEquals("pass", env.get("security.x-frame-options-deny"));
    }

    /**
     * A broken compose file beside a valid one: the item compose policies judge is incomplete, not pass, and says
     * which file; a Terraform-only item still passes. A small catalogue keeps every count exact: backend.debug-off
     * (compose, dotenv and Kubernetes policies), storage.cdn-enabled (Terraform), database.conn-max-age (dotenv), and
     * one manual item.
     */
    @Test
    void aFileNotUnderstoodLeavesTheItemsItsPoliciesJudgeIncomplete(@TempDir Path policies, @TempDir Path tree,
            @TempDir Path out) throws Exception {
        Files.writeString(policies.resolve("checklist.yaml"), """
                items:
                  - {id: backend.debug-off, section: Backend, text: "`DEBUG=False`", automation: automated}
                  - {id: storage.cdn-enabled, section: Storage, text: CDN in front, automation: automated}
                  - {id: database.conn-max-age, section: Database, text: Connection reuse, automation: automated}
                  - {id: backups.restore-tested, section: Backups, text: Restore tested, automation: manual}
                """);
        for (String policy : List.of("compose/TG-DC-DEBUG-001", "dotenv/TG-ENV-DEBUG-001",
                "kubernetes/TG-K8S-DEBUG-001", "terraform/TG-TF-CDN-001", "dotenv/TG-ENV-CONNAGE-001")) {
            Path target = policies.resolve(policy + ".yaml");
            Files.createDirectories(target.getParent());
            Files.copy(Path.of("policies", policy + ".yaml"), target);
        }
        PolicyCatalog catalog = PolicyCatalog.load(List.of(new PolicyCatalog.Source(policies, "policies/")));
        Files.copy(FIXTURES.resolve("TG-DC-DEBUG-001/pass/docker-compose.yml"), tree.resolve("docker-compose.yml"));
        Files.copy(FIXTURES.resolve("TG-TF-CDN-001/pass/main.tf"), tree.resolve("main.tf"));
        Files.createDirectories(tree.resolve("broken"));
        Files.writeString(tree.resolve("broken/docker-compose.yml"), "services:\n  web:\n    image: [unclosed\n");
        // A Helm chart: its templates are left out, with one problem at Chart.yaml, which concerns Kubernetes.
        Files.createDirectories(tree.resolve("chart/templates"));
        Files.writeString(tree.resolve("chart/Chart.yaml"), "apiVersion: v2\nname: web\nversion: 0.1.0\n");
        Files.writeString(tree.resolve("chart/templates/cm.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n");

        export(catalog, EPOCH, CLOCK, out, null, tree);

        JsonNode json = json(out);
        assertEquals("tollgate-evidence/2", json.get("schema").asText());
        Map<String, String> got = new java.util.LinkedHashMap<>();
        for (JsonNode c : json.get("controls")) {
            got.put(c.get("checklist_id").asText(), c.get("status").asText() + " " + c.get("scan_result").asText()
                    + " " + c.get("not_understood"));
        }
        assertEquals(Map.of(
                "backend.debug-off", "incomplete incomplete [\"broken/docker-compose.yml\",\"chart/Chart.yaml\"]",
                "storage.cdn-enabled", "pass pass []",
                "database.conn-max-age", "not_applicable not_applicable []",
                "backups.restore-tested", "manual not_applicable []"), got);
        JsonNode debugOff = json.get("controls").get(0);
        assertEquals(List.of("pass"), debugOff.findValues("result").stream().map(JsonNode::asText).distinct().toList(),
                "the valid compose file passed: only the broken one keeps the item from passing");
        assertEquals("{\"pass\":1,\"fail\":0,\"incomplete\":1,\"unknown\":0,\"manual\":1,\"not_applicable\":1}",
                json.get("summary").toString(), "every status, in order");
        Map<String, String> formats = new java.util.TreeMap<>();
        json.get("inputs").forEach(f -> formats.put(f.get("path").asText(), f.get("format").asText()));
        assertEquals(Map.of("broken/docker-compose.yml", "compose", "chart/Chart.yaml", "yaml",
                "docker-compose.yml", "compose", "main.tf", "terraform"), formats);

        String html = Files.readString(out.resolve(EvidenceExporter.REPORT_HTML));
        assertTrue(html.contains("<span class=\"badge incomplete\">incomplete</span>"), "the item's badge");
        assertTrue(html.contains("<li class=\"count incomplete\"><span class=\"n\">1</span>"), "the summary count");
        assertTrue(html.contains("Not fully understood: 2 files these policies judge — "
                + "<a href=\"#problem-1\"><code>broken/docker-compose.yml</code></a>, "
                + "<a href=\"#problem-2\"><code>chart/Chart.yaml</code></a> "
                + "(see <a href=\"#problems\">Files not fully understood</a>)"), html);
        assertTrue(html.contains("<section class=\"problems\" id=\"problems\">"));
        assertTrue(html.contains("<li id=\"problem-1\"><code>broken/docker-compose.yml:"), "the link's target");
    }

    private static Map<String, String> statuses(EvidenceDocument doc) {
        return doc.controls().stream().collect(Collectors.toMap(Control::checklistId, c -> c.status().id()));
    }

    @Test
    void rerunWithSourceDateEpochGivesIdenticalBytes(@TempDir Path policies, @TempDir Path policies2,
            @TempDir Path attDir, @TempDir Path out) throws Exception {
        PolicyCatalog catalog = TestCatalogues.automated(policies);
        Path att = attDir.resolve("attestations.yaml");
        Files.writeString(att, "attestations:\n  - {checklist_id: database.daily-backups, who: Jane, when: 2026-11-20, "
                + "note: restore tested}\n");
        export(catalog, EPOCH, CLOCK, out, att, FIXTURES);
        Map<String, byte[]> first = new HashMap<>();
        for (String f : List.of(EvidenceExporter.EVIDENCE_JSON, EvidenceExporter.REPORT_HTML,
                EvidenceExporter.RESULTS_SARIF)) {
            first.put(f, Files.readAllBytes(out.resolve(f)));
        }
        Clock later = Clock.offset(CLOCK, java.time.Duration.ofHours(5));
        // A fresh catalogue and engine, a later clock: only SOURCE_DATE_EPOCH dates the evidence.
        export(TestCatalogues.automated(policies2), EPOCH, later, out, att, FIXTURES);
        for (Map.Entry<String, byte[]> e : first.entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(out.resolve(e.getKey())), e.getKey() + " differs");
        }
        assertEquals("2025-11-24T16:00:00Z", json(out).get("generated_at").asText());
        assertEquals("SOURCE_DATE_EPOCH", json(out).get("time_source").asText());
    }

    @Test
    void withoutSourceDateEpochTheClockGivesTheTime(@TempDir Path out) throws Exception {
        export(TestCatalogues.bundled(), Map.of(), CLOCK, out, null, FIXTURES.resolve("TG-DC-PG-001"));
        assertEquals("2026-11-26T08:00:00Z", json(out).get("generated_at").asText());
        assertEquals("clock", json(out).get("time_source").asText());
    }

    @Test
    void badSourceDateEpochIsAConfigurationErrorAndWritesNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        EvidenceException e = assertThrows(EvidenceException.class, () -> export(TestCatalogues.bundled(),
                Map.of("SOURCE_DATE_EPOCH", "yesterday"), CLOCK, out, null, FIXTURES));
        assertTrue(e.getMessage().startsWith("SOURCE_DATE_EPOCH: must be a whole number"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void attestationErrorWritesNothing(@TempDir Path dir) throws Exception {
        Path att = dir.resolve("att.yaml");
        Files.writeString(att, "attestations:\n  - checklist_id: no.such-item\n    who: Jane\n    when: 2026-01-01\n"
                + "    note: x\n");
        Path out = dir.resolve("out");
        EvidenceException e = assertThrows(EvidenceException.class,
                () -> export(TestCatalogues.bundled(), EPOCH, CLOCK, out, att, FIXTURES));
        assertEquals(att + ":2:5: unknown checklist id 'no.such-item' (not in the checklist)", e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void digestsOfInputsAndPoliciesCanBeRecomputed(@TempDir Path out) throws Exception {
        PolicyCatalog catalog = TestCatalogues.bundled();
        EvidenceDocument doc = export(catalog, EPOCH, CLOCK, out, null, FIXTURES);
        assertEquals(new FileDiscovery().discover(List.of(FIXTURES)).files().size(), doc.inputs().size());
        for (EvidenceDocument.InputFile f : doc.inputs()) {
            assertEquals(Digests.of(FIXTURES.resolve(f.path())), f.sha256(), f.path());
            assertEquals(Digests.of(FIXTURES.resolve(f.path())), Digests.of(out.resolve(f.href())), f.href());
        }
        Map<String, String> files = doc.policySet().files().stream()
                .collect(Collectors.toMap(EvidenceDocument.FileDigest::path, EvidenceDocument.FileDigest::sha256));
        assertEquals(catalog.digests(), files);
        // sha256sum-style lines, sorted by path: what docs/evidence.md tells an auditor to recompute.
        StringBuilder lines = new StringBuilder();
        new java.util.TreeMap<>(files).forEach((p, d) -> lines.append(d).append("  ").append(p).append('\n'));
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))), doc.policySet().digest());
        Map<String, EvidenceDocument.PolicyDigest> byId = doc.policySet().policies().stream()
                .collect(Collectors.toMap(EvidenceDocument.PolicyDigest::id, Function.identity()));
        assertEquals(catalog.policies().size(), byId.size());
        byId.values().forEach(p -> assertEquals(files.get(p.source()), p.sha256(), p.id()));
    }

    @Test
    void twoRootsWithTheSameRelativePathKeepTheirOwnDigests(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.copy(FIXTURES.resolve("TG-DC-PG-001/pass/docker-compose.yml"), a.resolve("docker-compose.yml"));
        Files.copy(FIXTURES.resolve("TG-DC-PG-001/fail/docker-compose.yml"), b.resolve("docker-compose.yml"));
        EvidenceDocument doc = export(TestCatalogues.bundled(), EPOCH, CLOCK, dir.resolve("out"), null, a, b);
        assertEquals(List.of("../a/docker-compose.yml", "../b/docker-compose.yml"),
                doc.inputs().stream().map(EvidenceDocument.InputFile::href).toList());
        assertEquals(List.of(Digests.of(a.resolve("docker-compose.yml")), Digests.of(b.resolve("docker-compose.yml"))),
                doc.inputs().stream().map(EvidenceDocument.InputFile::sha256).toList());
    }

    @Test
    void sarifHasTheSameScanWithPasses(@TempDir Path out) throws Exception {
        PolicyCatalog catalog = TestCatalogues.bundled();
        export(catalog, EPOCH, CLOCK, out, null, FIXTURES);
        ScanReport scan = new Scanner(catalog, PolicyEngine.compile(catalog.policies()), new FileDiscovery(),
                new Parsers(), "x").scan(List.of(FIXTURES));
        JsonNode results = new ObjectMapper().readTree(out.resolve(EvidenceExporter.RESULTS_SARIF).toFile())
                .at("/runs/0/results");
        int pass = 0;
        int fail = 0;
        for (JsonNode r : results) {
            pass += r.get("kind").asText().equals("pass") ? 1 : 0;
            fail += r.get("kind").asText().equals("fail") ? 1 : 0;
        }
        assertEquals(scan.count(Outcome.PASS), pass);
        assertEquals(scan.findings().size(), fail);
        assertTrue(pass > 0);
    }

    @Test
    void reportIsSelfContained(@TempDir Path out) throws Exception {
        export(TestCatalogues.bundled(), EPOCH, CLOCK, out, null, FIXTURES);
        String html = Files.readString(out.resolve(EvidenceExporter.REPORT_HTML));
        assertFalse(html.contains("<script"), "no script");
        assertFalse(html.contains("<link"), "no external stylesheet");
        assertFalse(html.contains("src="), "nothing embedded from elsewhere");
        assertFalse(html.contains("url("), "no CSS fetch");
        assertFalse(html.contains("@import"), "no CSS import");
        assertTrue(html.contains("Attestation missing."));
        // Relative links to file and line.
        assertTrue(html.contains(
                "TG-DC-PG-001/fail/docker-compose.yml#L4\">TG-DC-PG-001/fail/docker-compose.yml:4</a>"),
                html.substring(0, 2000));
        assertFalse(html.contains("href=\"/"), "no absolute links");
        assertFalse(html.contains("file:"), "no file: URLs");
    }

    @Test
    void gitCommitAndDirtyFlagLeaveTheOutputDirectoryOut(@TempDir Path repo) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Git.available(), "git not installed");
        TestCatalogues.copyTree(FIXTURES.resolve("TG-DC-PG-001"), repo.resolve("deploy"));
        Git.run(repo, "init", "-q");
        Git.run(repo, "add", ".");
        Git.run(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "first");
        String head = Git.run(repo, "rev-parse", "HEAD").strip();

        Path out = repo.resolve("build/evidence");
        EvidenceDocument first = export(TestCatalogues.bundled(), EPOCH, CLOCK, out, null, repo.resolve("deploy"));
        assertEquals(head, first.source().commit());
        assertEquals(Boolean.FALSE, first.source().dirty());
        byte[] bytes = Files.readAllBytes(out.resolve(EvidenceExporter.EVIDENCE_JSON));
        EvidenceDocument again = export(TestCatalogues.bundled(), EPOCH, CLOCK, out, null, repo.resolve("deploy"));
        assertEquals(Boolean.FALSE, again.source().dirty(), "the evidence itself is not a change");
        assertArrayEquals(bytes, Files.readAllBytes(out.resolve(EvidenceExporter.EVIDENCE_JSON)));

        Files.writeString(repo.resolve("deploy/pass/docker-compose.yml"), "\n# edited\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertEquals(Boolean.TRUE, export(TestCatalogues.bundled(), EPOCH, CLOCK, out, null, repo.resolve("deploy"))
                .source().dirty());
    }

    @Test
    void outsideGitThereIsNoCommit(@TempDir Path dir) throws Exception {
        Path tree = dir.resolve("tree");
        TestCatalogues.copyTree(FIXTURES.resolve("TG-DC-PG-001"), tree);
        org.junit.jupiter.api.Assumptions.assumeFalse(Git.available() && Git.insideWorkTree(tree),
                "the temporary directory is inside a Git work tree");
        EvidenceDocument doc = export(TestCatalogues.bundled(), EPOCH, CLOCK, dir.resolve("out"), null, tree);
        assertFalse(doc.source().repository());
        assertEquals(null, doc.source().commit());
        assertNotNull(doc.source().note());
    }
}
