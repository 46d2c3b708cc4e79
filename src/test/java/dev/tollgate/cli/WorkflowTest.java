package dev.tollgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pull-request workflow end to end: configuration, baseline, changed files, several reports in one run. */
class WorkflowTest {

    @TempDir
    Path repo;

    private static final String COMPOSE = String.join("\n",
            "services:",
            "  db:",
            "    image: postgres:11",
            "  cache:",
            "    image: redis:7",
            "    command: redis-server --save '' --appendonly no",
            "");

    private MainTest.Run scan(String... args) {
        List<String> all = new ArrayList<>(List.of("scan", repo.toString()));
        all.addAll(List.of(args));
        return MainTest.run(all.toArray(String[]::new));
    }

    private JsonNode json(MainTest.Run run) throws IOException {
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void init_writesAConfigurationThatLoads() throws Exception {
        MainTest.Run init = MainTest.run("init", repo.toString());
        assertEquals(0, init.code(), init.err());
        assertTrue(Files.readString(repo.resolve(".tollgate.yml")).contains("fail-on: low"));
        Files.writeString(repo.resolve("docker-compose.yml"), COMPOSE);
        assertEquals(1, scan().code());
        assertEquals(2, MainTest.run("init", repo.toString()).code(), "refuses to overwrite");
    }

    @Test
    void configuration_aFileGivenWithConfigInsideTheScanIsNotAScannedFile() throws Exception {
        Files.createDirectories(repo.resolve("ci"));
        Path config = repo.resolve("ci/tollgate-prod.yml");
        Files.writeString(config, "fail-on: high\n");
        Files.writeString(repo.resolve("docker-compose.yml"), COMPOSE);

        MainTest.Run r = scan("--config", config.toString(), "--format", "json");

        List<String> files = new ArrayList<>();
        json(r).get("files").forEach(f -> files.add(f.get("path").asText()));
        assertEquals(List.of("docker-compose.yml"), files, r.err());
        assertEquals(1, r.code(), "the configuration's fail-on: high still applies: " + r.err());
    }

    @Test
    void configuration_unknownKeyIsAnErrorWithItsLine() throws Exception {
        Files.writeString(repo.resolve(".tollgate.yml"), "fail-on: high\nexlude: [vendor/**]\n");
        MainTest.Run r = scan();
        assertEquals(2, r.code());
        assertTrue(r.err().contains(".tollgate.yml:2:1: unknown key 'exlude'"), r.err());
    }

    @Test
    void configuration_anInvalidGlobIsAnErrorWithItsLineNotAnInternalError() throws Exception {
        Files.writeString(repo.resolve(".tollgate.yml"), String.join("\n", "exclude:", "  - vendor/**", "  - \"[abc\"",
                "suppressions:", "  rules:", "    - policy: TG-DC-REDIS-001", "      reason: cache only",
                "      path: \"{a,b\"", ""));
        MainTest.Run r = scan();
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(
                ".tollgate.yml:3:5: '[abc' is not a valid glob: a bracket expression [ is not closed"), r.err());
        assertTrue(r.err().contains(".tollgate.yml:8:7: '{a,b' is not a valid glob: a group { is not closed"), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
    }

    @Test
    void configuration_disablesOverridesSeveritiesExcludesAndSetsFailOn() throws Exception {
        Files.writeString(repo.resolve("docker-compose.yml"), COMPOSE);
        Files.createDirectories(repo.resolve("vendor"));
        Files.writeString(repo.resolve("vendor/docker-compose.yml"), COMPOSE);
        Files.writeString(repo.resolve(".tollgate.yml"), String.join("\n",
                "fail-on: medium",
                "policies:",
                "  disable: [TG-DC-REDIS-001]",
                "  severity: {TG-DC-PG-001: low}",
                "exclude: [\"vendor/**\"]",
                ""));
        MainTest.Run r = scan("--format", "json");
        JsonNode findings = json(r).get("findings");
        assertEquals(1, findings.size(), r.out());
        assertEquals("TG-DC-PG-001", findings.get(0).get("policy").asText());
        assertEquals("low", findings.get(0).get("severity").asText());
        assertEquals("docker-compose.yml", findings.get(0).get("file").asText());
        assertEquals(0, r.code(), "fail-on: medium lets a low finding through");
        assertEquals(1, scan("--fail-on", "low").code(), "the flag wins over the file");
    }

    @Test
    void configuration_unknownPolicyIdIsAnError() throws Exception {
        Files.writeString(repo.resolve(".tollgate.yml"), "policies:\n  disable: [TG-NOPE-001]\n");
        MainTest.Run r = scan();
        assertEquals(2, r.code());
        assertTrue(r.err().contains("TG-NOPE-001"), r.err());
    }

    @Test
    void baseline_codeMovedDownAndOneNewViolation_reportsExactlyTheNewOne() throws Exception {
        Path compose = repo.resolve("docker-compose.yml");
        Files.writeString(compose, COMPOSE);
        Path baseline = repo.resolve("tollgate-baseline.json");
        MainTest.Run first = scan("--write-baseline", baseline.toString());
        assertEquals(1, first.code());
        assertTrue(first.err().contains("baseline of 2 finding(s)"), first.err());

        String moved = "# ten new lines\n".repeat(10) + COMPOSE + String.join("\n",
                "  legacy-db:",
                "    image: postgres:10",
                "");
        Files.writeString(compose, moved);
        MainTest.Run again = scan("--baseline", baseline.toString(), "--format", "json");
        JsonNode doc = json(again);
        assertEquals(1, doc.get("findings").size(), again.out());
        assertEquals("services.legacy-db", doc.get("findings").get(0).get("resource").get("address").asText());
        assertEquals(2, doc.get("baseline").get("matched").asInt());
        assertEquals(0, doc.get("baseline").get("fixed").size());
        assertEquals(1, again.code());

        MainTest.Run sarif = scan("--baseline", baseline.toString(), "--format", "sarif");
        JsonNode results = new ObjectMapper().readTree(sarif.out()).get("runs").get(0).get("results");
        assertEquals(3, results.size());
        long unchanged = 0;
        for (JsonNode r : results) {
            unchanged += r.get("baselineState").asText().equals("unchanged") ? 1 : 0;
        }
        assertEquals(2, unchanged);
    }

    @Test
    void baseline_fixedEntriesAreCounted() throws Exception {
        Path compose = repo.resolve("docker-compose.yml");
        Files.writeString(compose, COMPOSE);
        Path baseline = repo.resolve("b.json");
        scan("--write-baseline", baseline.toString());
        Files.writeString(compose, COMPOSE.replace("postgres:11", "postgres:16"));
        JsonNode doc = json(scan("--baseline", baseline.toString(), "--format", "json"));
        assertEquals(0, doc.get("findings").size());
        assertEquals(1, doc.get("baseline").get("fixed").size());
        assertEquals("TG-DC-PG-001", doc.get("baseline").get("fixed").get(0).get("policy").asText());
    }

    @Test
    void changedSince_reportsOnlyChangedFiles() throws Exception {
        Assumptions.assumeTrue(git("--version") == 0, "git is not installed");
        Files.createDirectories(repo.resolve("a"));
        Files.createDirectories(repo.resolve("b"));
        Files.writeString(repo.resolve("a/docker-compose.yml"), COMPOSE);
        Files.writeString(repo.resolve("b/.env"), "X_FRAME_OPTIONS=DENY\n");
        assertEquals(0, git("init", "-q"));
        assertEquals(0, git("add", "."));
        assertEquals(0, git("-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "-m", "base"));
        Files.writeString(repo.resolve("b/.env"), "X_FRAME_OPTIONS=SAMEORIGIN\n");

        JsonNode doc = json(scan("--changed-since", "HEAD", "--format", "json"));
        assertTrue(doc.get("findings").size() > 0, doc.toString());
        for (JsonNode f : doc.get("findings")) {
            assertEquals("b/.env", f.get("file").asText(), "a/docker-compose.yml did not change");
        }

        MainTest.Run bad = scan("--changed-since", "no-such-ref");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown git ref 'no-such-ref'"), bad.err());
    }

    @Test
    void severalFormatsAndOutputs_inOneRun() throws Exception {
        Files.writeString(repo.resolve("docker-compose.yml"), COMPOSE);
        Path sarif = repo.resolve("out/a.sarif");
        Path md = repo.resolve("out/summary.md");
        Files.createDirectories(sarif.getParent());
        MainTest.Run r = scan("--format", "sarif", "--output", sarif.toString(), "--format", "markdown", "--output",
                md.toString(), "--format", "text");
        assertEquals(1, r.code());
        assertTrue(Files.readString(sarif).contains("\"version\": \"2.1.0\""));
        assertTrue(Files.readString(md).contains("TG-DC-PG-001"));
        assertTrue(r.out().contains("docker-compose.yml:3"), r.out());
        assertEquals(2, scan("--format", "json", "--output", "x", "--output", "y").code());
    }

    @Test
    void suppressedFindings_leaveSarifUnlessAskedFor() throws Exception {
        Files.writeString(repo.resolve(".env"),
                "X_FRAME_OPTIONS=SAMEORIGIN # tollgate:ignore TG-ENV-XFO-001 partner embeds us, reviewed 2026-11\n"
                        + "CSP_DEFAULT_SRC='self'\n");
        MainTest.Run plain = scan("--format", "sarif");
        assertEquals(0, plain.code());
        assertEquals(0, new ObjectMapper().readTree(plain.out()).get("runs").get(0).get("results").size());
        MainTest.Run with = scan("--format", "sarif", "--include-suppressed");
        JsonNode result = new ObjectMapper().readTree(with.out()).get("runs").get(0).get("results").get(0);
        assertEquals("inSource", result.get("suppressions").get(0).get("kind").asText());
        assertEquals("partner embeds us, reviewed 2026-11",
                result.get("suppressions").get(0).get("justification").asText());
        JsonNode doc = json(scan("--format", "json"));
        assertEquals(1, doc.get("suppressed").size());
        assertFalse(scan().out().isEmpty());
        assertTrue(scan().out().contains("partner embeds us"), "text lists suppressed findings with reasons");
    }

    private int git(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
