package dev.tollgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tollgate evidence} and {@code tollgate evidence verify} in-process: exit codes and messages. */
class EvidenceCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), env, false);
        return new Run(code, out.toString(), err.toString());
    }

    private static final Map<String, String> EPOCH = Map.of("SOURCE_DATE_EPOCH", "1764000000");

    @Test
    void writesTheThreeFilesAndExitsZero(@TempDir Path dir) {
        Path out = dir.resolve("ev");
        Run r = run(EPOCH, "evidence", "fixtures/TG-DC-PG-001", "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("evidence.json")));
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
        assertTrue(Files.isRegularFile(out.resolve("results.sarif")));
        assertTrue(r.err().contains("checklist items ("), r.err());
    }

    @Test
    void anOutputDirectoryThatCannotBeMadeIsAUsageErrorNotAnInternalOne(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path out = file.resolve("ev"); // under a regular file: the directory cannot be created
        Run r = run(EPOCH, "evidence", "fixtures/TG-DC-PG-001", "--output", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("tollgate: cannot write the evidence into " + out + ": "), r.err());
        assertTrue(!r.err().contains("internal error") && !r.err().contains("Exception"), r.err());
    }

    @Test
    void attestationErrorsExitTwoWithFileAndLine(@TempDir Path dir) throws Exception {
        Path att = dir.resolve("att.yaml");
        Files.writeString(att, """
                attestations:
                  - checklist_id: database.daily-backups
                    who: Jane
                    when: 2999-01-01
                    note: later
                  - checklist_id: not.an-item
                    who: Jane
                    when: 2026-01-01
                    note: x
                """);
        Path out = dir.resolve("ev");
        Run r = run(EPOCH, "evidence", "fixtures/TG-DC-PG-001", "--output", out.toString(), "--attestations",
                att.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(att + ":4:5: 'when' 2999-01-01 is in the future"), r.err());
        assertTrue(r.err().contains(att + ":6:5: unknown checklist id 'not.an-item'"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void theConfigurationAppliesAsForAScan(@TempDir Path dir) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve("app"));
        Files.createDirectories(repo.resolve("vendor"));
        Files.writeString(repo.resolve("app/.env.production"), "DEBUG=True\nX_FRAME_OPTIONS=SAMEORIGIN\n");
        Files.writeString(repo.resolve("vendor/.env.production"), "DEBUG=True\n");
        Files.writeString(repo.resolve(".tollgate.yml"), String.join("\n",
                "exclude: [\"vendor/**\"]",
                "policies:",
                "  disable: [TG-ENV-XFO-001]",
                "suppressions:",
                "  rules:",
                "    - policy: TG-ENV-DEBUG-001",
                "      path: app/.env.production",
                "      reason: staging image, debug page behind VPN"));
        Path out = dir.resolve("ev");
        Run r = run(EPOCH, "evidence", repo.toString(), "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        String evidence = Files.readString(out.resolve("evidence.json"));
        assertFalse(evidence.contains("vendor/.env.production"), "an excluded file is not an input");
        assertFalse(evidence.contains("\"TG-ENV-XFO-001\""), "a disabled policy does not run");
        assertTrue(evidence.contains("staging image, debug page behind VPN"), "a configured suppression is shown");

        Run bad = run(EPOCH, "evidence", repo.toString(), "--output", dir.resolve("ev2").toString(), "--config",
                dir.resolve("missing.yml").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("missing.yml: file not found"), bad.err());
    }

    @Test
    void usageErrorsExitTwo(@TempDir Path dir) {
        assertEquals(2, run(EPOCH, "evidence", "fixtures").code(), "--output is required");
        assertEquals(2, run(EPOCH, "evidence", "no/such/path", "--output", dir.toString()).code());
        assertEquals(2, run(Map.of("SOURCE_DATE_EPOCH", "-1"), "evidence", "fixtures/TG-DC-PG-001", "--output",
                dir.resolve("x").toString()).code());
        assertEquals(2, run(EPOCH, "evidence", "verify", dir.toString()).code(), "no evidence.json there");
    }

    @Test
    void verifyExitsZeroThenOneAfterAChange(@TempDir Path dir) throws Exception {
        Path tree = dir.resolve("tree");
        Files.createDirectories(tree);
        Files.copy(Path.of("fixtures/TG-DC-PG-001/pass/docker-compose.yml"), tree.resolve("docker-compose.yml"));
        Path out = dir.resolve("ev");
        assertEquals(0, run(EPOCH, "evidence", tree.toString(), "--output", out.toString()).code());

        Run same = run(Map.of(), "evidence", "verify", out.toString());
        assertEquals(0, same.code(), same.out() + same.err());
        assertTrue(same.out().contains("unchanged: 1 input file(s)"), same.out());

        Files.writeString(tree.resolve("docker-compose.yml"), "# edited\n", StandardOpenOption.APPEND);
        Run changed = run(Map.of(), "evidence", "verify", out.toString());
        assertEquals(1, changed.code(), changed.out());
        assertTrue(changed.out().startsWith("modified        docker-compose.yml  (sha256 "), changed.out());
    }
}
