package dev.tollgate.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.evidence.EvidenceVerifier.Change;
import dev.tollgate.evidence.EvidenceVerifier.ChangeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify: recomputes digests from the evidence directory and names each change. */
class EvidenceVerifierTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC);

    private static Path exported(Path dir, Path attestations) throws Exception {
        Path tree = dir.resolve("repo");
        TestCatalogues.copyTree(Path.of("fixtures/TG-DC-PG-001"), tree.resolve("compose"));
        TestCatalogues.copyTree(Path.of("fixtures/TG-K8S-PG-001"), tree.resolve("k8s"));
        Path out = dir.resolve("evidence");
        TestCatalogues.exporter(TestCatalogues.bundled(), CLOCK, Map.of("SOURCE_DATE_EPOCH", "0"))
                .export(new EvidenceExporter.Request(List.of(tree), out, attestations, List.of()));
        return out;
    }

    @Test
    void nothingChangedMeansNoChange(@TempDir Path dir) throws Exception {
        EvidenceVerifier.Result result = EvidenceVerifier.verify(exported(dir, null));
        assertEquals(List.of(), result.changes());
        assertTrue(result.unchanged());
        assertEquals(Files.list(dir.resolve("repo/compose/fail")).count()
                + Files.list(dir.resolve("repo/compose/pass")).count()
                + Files.list(dir.resolve("repo/k8s/fail")).count() + Files.list(dir.resolve("repo/k8s/pass")).count(),
                result.inputsChecked());
        assertTrue(result.policyFilesChecked() > 1);
    }

    /** Evidence written before {@code incomplete} existed: no {@code not_understood}, schema version 1. */
    @Test
    void evidenceOfSchemaOneStillVerifies(@TempDir Path dir) throws Exception {
        Path out = exported(dir, null);
        Path file = out.resolve(EvidenceExporter.EVIDENCE_JSON);
        com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        doc.put("schema", "tollgate-evidence/1");
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("summary")).remove("incomplete");
        doc.get("controls").forEach(c -> ((com.fasterxml.jackson.databind.node.ObjectNode) c).remove("not_understood"));
        Files.writeString(file, doc.toString());
        assertTrue(Files.readString(file).contains("\"tollgate-evidence/1\""));
        assertTrue(!Files.readString(file).contains("not_understood"));

        EvidenceVerifier.Result result = EvidenceVerifier.verify(out);
        assertEquals(List.of(), result.changes());
        assertTrue(result.inputsChecked() > 0);
    }

    @Test
    void modifiedMissingAndAddedFilesAreEachNamed(@TempDir Path dir) throws Exception {
        Path out = exported(dir, null);
        Files.writeString(dir.resolve("repo/compose/pass/docker-compose.yml"), "# one more line\n",
                StandardOpenOption.APPEND);
        Path k8sFail = dir.resolve("repo/k8s/fail");
        Path gone;
        try (var files = Files.list(k8sFail)) {
            gone = files.sorted().findFirst().orElseThrow();
        }
        Files.delete(gone);
        Files.writeString(dir.resolve("repo/k8s/new.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");

        EvidenceVerifier.Result result = EvidenceVerifier.verify(out);

        assertEquals(List.of(ChangeKind.MODIFIED, ChangeKind.MISSING, ChangeKind.ADDED),
                result.changes().stream().map(Change::kind).toList(), result.changes().toString());
        assertEquals("compose/pass/docker-compose.yml", result.changes().get(0).path());
        assertEquals("k8s/fail/" + gone.getFileName(), result.changes().get(1).path());
        assertEquals("k8s/new.yaml", result.changes().get(2).path());
        assertTrue(result.changes().get(0).detail().startsWith("sha256 "), result.changes().get(0).detail());
    }

    @Test
    void aChangedAttestationFileIsAChange(@TempDir Path dir) throws Exception {
        Path att = dir.resolve("attestations.yaml");
        Files.writeString(att, "attestations:\n  - {checklist_id: database.daily-backups, who: Jane, when: 2026-11-20, "
                + "note: restore tested}\n");
        Path out = exported(dir, att);
        assertEquals(List.of(), EvidenceVerifier.verify(out).changes());
        Files.writeString(att, "# reviewed again\n", StandardOpenOption.APPEND);
        assertEquals(List.of(new Change(ChangeKind.MODIFIED, "../attestations.yaml",
                EvidenceVerifier.verify(out).changes().get(0).detail())), EvidenceVerifier.verify(out).changes());
    }

    @Test
    void worksFromAnotherWorkingDirectoryBecausePathsAreRelativeToTheEvidence(@TempDir Path dir) throws Exception {
        Path out = exported(dir, null);
        // Verify is given the directory by an absolute path here; the recorded paths are relative to it.
        assertTrue(EvidenceVerifier.verify(out.toAbsolutePath()).unchanged());
        String json = Files.readString(out.resolve(EvidenceExporter.EVIDENCE_JSON));
        assertTrue(json.contains("\"href\": \"../repo/compose/"), json.substring(0, 400));
        assertTrue(!json.contains(dir.toString()), "no absolute path in evidence.json");
    }

    @Test
    void aChangedPolicyOfAnExtraDirectoryIsAChange(@TempDir Path dir) throws Exception {
        Path extra = Files.createDirectories(dir.resolve("local-policies"));
        Files.copy(Path.of("policies/compose/TG-DC-PG-001.yaml"), extra.resolve("TG-DC-PG-001.yaml"));
        Path tree = dir.resolve("repo");
        TestCatalogues.copyTree(Path.of("fixtures/TG-DC-PG-001"), tree);
        Path out = dir.resolve("evidence");
        dev.tollgate.policy.PolicyCatalog catalog = dev.tollgate.policy.BundledPolicies.load(List.of(extra));
        TestCatalogues.exporter(catalog, CLOCK, Map.of("SOURCE_DATE_EPOCH", "0"))
                .export(new EvidenceExporter.Request(List.of(tree), out, null, List.of(extra)));
        assertEquals(List.of(), EvidenceVerifier.verify(out).changes());

        Files.writeString(extra.resolve("TG-DC-PG-001.yaml"), "# tightened\n", StandardOpenOption.APPEND);
        List<Change> changes = EvidenceVerifier.verify(out).changes();
        assertEquals(1, changes.size(), changes.toString());
        assertEquals(ChangeKind.POLICY_MODIFIED, changes.get(0).kind());
        assertEquals(EvidenceExporter.displayPrefix(extra) + "TG-DC-PG-001.yaml", changes.get(0).path());
    }

    @Test
    void aDirectoryWithoutEvidenceIsAnError(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> EvidenceVerifier.verify(dir));
        assertTrue(e.getMessage().contains("evidence.json: not found"), e.getMessage());
    }
}
