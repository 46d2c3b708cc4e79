package dev.tollgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process: exit codes, messages, and no stack traces. */
class MainTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), env, false);
        return new Run(code, out.toString(), err.toString());
    }

    static Run run(String... args) {
        return run(Map.of(), args);
    }

    @Test
    void debug_changesNeitherTheReportNorStderr_whenNothingBreaks() {
        Run plain = run("scan", "fixtures/TG-DC-SECRET-001", "--format", "json", "--fail-on", "none");
        Run debug = run("scan", "fixtures/TG-DC-SECRET-001", "--format", "json", "--fail-on", "none", "--debug");
        assertEquals(plain.out(), debug.out());
        assertEquals(plain.err(), debug.err());
        assertFalse(debug.err().contains("tollgate: debug:"), debug.err());
    }

    @Test
    void findings_exitOne_andCleanExitZero() {
        assertEquals(1, run("scan", "fixtures/TG-DC-PG-001/fail").code());
        assertEquals(0, run("scan", "fixtures/TG-DC-PG-001/pass").code());
    }

    @Test
    void failOn_setsTheThreshold() {
        // TG-ENV-XFO-001 is medium: a high threshold lets it through, none never fails
        assertEquals(0, run("scan", "fixtures/TG-ENV-XFO-001/fail", "--fail-on", "high").code());
        assertEquals(1, run("scan", "fixtures/TG-ENV-XFO-001/fail", "--fail-on", "medium").code());
        assertEquals(0, run("scan", "fixtures/TG-ENV-XFO-001/fail", "--fail-on", "none").code());
        Run bad = run("scan", "fixtures", "--fail-on", "severe");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--fail-on"), bad.err());
    }

    @Test
    void textReport_pointsAtTheOffendingLine() {
        Run r = run("scan", "fixtures/TG-ENV-XFO-001/fail");
        assertTrue(r.out().contains(".env.production:4"), r.out());
        assertTrue(r.out().contains("TG-ENV-XFO-001"), r.out());
        assertFalse(r.out().contains("\u001b["), "no colour when not a terminal");
    }

    @Test
    void colour_onlyOnATerminalAndNeverWithNoColor() {
        StringWriter out = new StringWriter();
        Main.run(new String[] {"scan", "fixtures/TG-ENV-XFO-001/fail"}, new PrintWriter(out),
                new PrintWriter(new StringWriter()), Map.of(), true);
        assertTrue(out.toString().contains("\u001b["), "colour on a terminal");
        StringWriter plain = new StringWriter();
        Main.run(new String[] {"scan", "fixtures/TG-ENV-XFO-001/fail"}, new PrintWriter(plain),
                new PrintWriter(new StringWriter()), Map.of("NO_COLOR", "1"), true);
        assertFalse(plain.toString().contains("\u001b["), "NO_COLOR honoured");
    }

    @Test
    void usageErrors_exitTwoWithoutStackTrace() {
        Run unknownFlag = run("scan", "--frobnicate");
        assertEquals(2, unknownFlag.code());
        assertTrue(unknownFlag.err().contains("--frobnicate"), unknownFlag.err());
        Run missing = run("scan", "no/such/dir");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("path not found: no/such/dir"), missing.err());
        Run format = run("scan", "fixtures", "--format", "pdf");
        assertEquals(2, format.code());
        for (Run r : new Run[] {unknownFlag, missing, format}) {
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }

    @Test
    void brokenPolicy_isReportedWithFileLineAndColumn() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("my-policies"));
        Files.writeString(dir.resolve("TG-MY-001.yaml"), String.join("\n",
                "id: TG-MY-001",
                "title: Mine",
                "severity: high",
                "checklist: [security.https-everywhere]",
                "match:",
                "  format: dotenv",
                "condition: |",
                "  resource.X == undefined_thing",
                "remediation: none"));
        Run r = run("scan", "fixtures/TG-ENV-XFO-001/pass", "--policies", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("TG-MY-001.yaml:8:"), r.err());
        assertTrue(r.err().contains("undefined_thing"), r.err());
    }

    @Test
    void unknownPolicyKey_isAnErrorAtItsLine() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("typo"));
        Files.writeString(dir.resolve("TG-MY-002.yaml"), String.join("\n",
                "id: TG-MY-002",
                "title: Mine",
                "severity: high",
                "checklist: [security.https-everywhere]",
                "match: {format: dotenv}",
                "condtion: 'true'"));
        Run r = run("policies", "--policies", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("TG-MY-002.yaml:6:1: unknown key 'condtion'"), r.err());
    }

    @Test
    void unknownSelectType_isAnErrorAtItsLine() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("types"));
        Files.writeString(dir.resolve("TG-MY-003.yaml"), String.join("\n",
                "id: TG-MY-003",
                "title: Mine",
                "severity: high",
                "checklist: [security.https-everywhere]",
                "match: {format: dotenv}",
                "select: $[*]",
                "selectTypes: [string, integer]",
                "condition: 'true'"));
        Run r = run("policies", "--policies", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("TG-MY-003.yaml:7:") && r.err().contains("unknown type 'integer'"), r.err());
    }

    @Test
    void selectTypes_judgesOnlyThoseTypes() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("strings"));
        Files.writeString(dir.resolve("TG-MY-004.yaml"), String.join("\n",
                "id: TG-MY-004",
                "title: No value may be the word bad",
                "severity: high",
                "checklist: [security.https-everywhere]",
                "match: {format: compose}",
                "select: $..*",
                "selectTypes: [string]",
                "condition: \"!item.startsWith('bad')\""));
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(repo.resolve("docker-compose.yml"), String.join("\n",
                "services:",
                "  web:",
                "    image: bad",
                "    ports: [80]",
                "    environment:",
                "      A: bad"));
        Run r = run("scan", repo.toString(), "--policies", dir.toString(), "--format", "json");
        assertEquals(1, r.code(), r.err());
        // Two findings (the strings), and no error: startsWith on the map, list or number would be one.
        assertEquals(2, r.out().split("\"policy\" *: *\"TG-MY-004\"", -1).length - 1, r.out());
        assertTrue(r.out().contains("\"errors\" : 0") || r.out().contains("\"errors\": 0"), r.out());
    }

    @Test
    void extraPolicies_replaceBundledOnesWithTheSameId() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("override"));
        Files.writeString(dir.resolve("TG-ENV-XFO-001.yaml"), String.join("\n",
                "id: TG-ENV-XFO-001",
                "title: Allow SAMEORIGIN here",
                "description: This team allows SAMEORIGIN.",
                "severity: low",
                "checklist: [security.x-frame-options-deny]",
                "match: {format: dotenv}",
                "select: $.X_FRAME_OPTIONS",
                "condition: string(item) in ['DENY', 'SAMEORIGIN']",
                "remediation: Use DENY or SAMEORIGIN."));
        Run r = run("scan", "fixtures/TG-ENV-XFO-001/fail", "--policies", dir.toString(), "--format", "json");
        assertEquals(1, r.code());
        // the override accepts SAMEORIGIN: only backend.env (allow-from) still fails it
        var findings = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get("findings");
        java.util.List<String> files = new java.util.ArrayList<>();
        findings.forEach(f -> {
            if (f.get("policy").asText().equals("TG-ENV-XFO-001")) {
                files.add(f.get("file").asText());
                assertEquals("low", f.get("severity").asText());
            }
        });
        assertEquals(java.util.List.of("backend.env"), files);
    }

    @Test
    void terraformVariables_fromVarFileAndVar() throws Exception {
        Path policies = Files.createDirectories(tmp.resolve("policies"));
        Files.writeString(policies.resolve("TG-TF-ACL-900.yaml"), String.join("\n",
                "id: TG-TF-ACL-900",
                "title: Buckets are not public",
                "description: Test policy.",
                "severity: high",
                "checklist: [security.https-everywhere]",
                "match: {format: terraform, kinds: [aws_s3_bucket_acl]}",
                "select: $.acl",
                "condition: item != 'public-read'",
                "remediation: Use private."));
        Path infra = Files.createDirectories(tmp.resolve("infra"));
        Files.writeString(infra.resolve("main.tf"), "variable \"acl\" {\n  default = \"private\"\n}\n\n"
                + "resource \"aws_s3_bucket_acl\" \"a\" {\n  acl = var.acl\n}\n");
        Path varFile = tmp.resolve("public.tfvars");
        Files.writeString(varFile, "acl = \"public-read\"\n");
        String dir = policies.toString();
        assertEquals(0, run("scan", infra.toString(), "--policies", dir).code());
        Run viaFile = run("scan", infra.toString(), "--policies", dir, "--var-file", varFile.toString());
        assertEquals(1, viaFile.code());
        assertTrue(viaFile.out().contains("main.tf:6"), viaFile.out());
        assertEquals(0, run("scan", infra.toString(), "--policies", dir, "--var-file", varFile.toString(),
                "--var", "acl=private").code());
        assertEquals(2, run("scan", infra.toString(), "--var", "novalue").code());
        assertEquals(2, run("scan", infra.toString(), "--var-file", "no/such.tfvars").code());
    }

    @Test
    void output_writesTheReportToAFile() throws Exception {
        Path sarif = tmp.resolve("out.sarif");
        Run r = run("scan", "fixtures/TG-DC-PG-001/fail", "--format", "sarif", "--output", sarif.toString());
        assertEquals(1, r.code());
        String text = Files.readString(sarif);
        assertTrue(text.contains("\"version\": \"2.1.0\""), text);
        // GitHub resolves SARIF URIs from the repository root (the working directory), not from the scanned directory
        assertTrue(text.contains("\"uri\": \"fixtures/TG-DC-PG-001/fail/docker-compose.yml\""), text);
        Run json = run("scan", "fixtures/TG-DC-PG-001/fail", "--format", "json");
        assertTrue(json.out().contains("\"file\": \"docker-compose.yml\""), json.out()); // other reports: root-relative
    }

    @Test
    void unparseableFile_isReportedAndTheScanGoesOn() throws Exception {
        Files.writeString(tmp.resolve("broken.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n");
        Files.writeString(tmp.resolve(".env"), "X_FRAME_OPTIONS=SAMEORIGIN\n");
        Run r = run("scan", tmp.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("broken.yaml:"), r.out());
        assertTrue(r.out().contains(".env:1"), r.out());
        assertFalse(r.out().contains("\tat "), r.out());
    }

    @Test
    void help_listsTheExitCodes_andVersionPrints() {
        Run help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Exit codes:"), help.out());
        assertTrue(help.out().contains("usage or configuration error"), help.out());
        Run scanHelp = run("scan", "--help");
        assertTrue(scanHelp.out().contains("--fail-on"), scanHelp.out());
        Run version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("tollgate "), version.out());
    }

    @Test
    void policies_listsIdsSeveritiesFormatsAndChecklistItems() {
        Run r = run("policies");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("TG-K8S-REDIS-001"), r.out());
        assertTrue(r.out().contains("cache.redis-persistence"), r.out());
        assertTrue(r.out().contains("kubernetes"), r.out());
    }

    @Test
    void noCommand_isAUsageError() {
        assertEquals(2, run().code());
    }

    @Test
    void anInternalErrorNamesItsClassButNeverItsMessageWhichMayQuoteASecret() {
        Exception bug = new IllegalStateException("For input string: \"hunter2-db-password\"",
                new NumberFormatException("hunter2-db-password"));
        for (boolean debug : new boolean[] {false, true}) {
            StringWriter err = new StringWriter();
            assertEquals(ExitCode.INTERNAL.code(), Main.internalError(bug, debug, new PrintWriter(err, true)));
            assertTrue(err.toString().startsWith("tollgate: internal error: java.lang.IllegalStateException"),
                    err.toString());
            assertFalse(err.toString().contains("hunter2"), err.toString());
            assertEquals(debug, err.toString().contains("Caused by: java.lang.NumberFormatException"), err.toString());
        }
    }

    @Test
    void severalRootsKeepEachFileApartAndReadOnlyInsideTheirOwnRoot() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        for (String app : new String[] {"a", "b"}) {
            Files.createDirectories(repo.resolve(app));
            Files.writeString(repo.resolve(app + "/main.tf"), "resource \"aws_s3_bucket\" \"x\" {\n  bucket = \"" + app
                    + "\"\n  acl    = file(\"../b/acl.txt\")\n}\n");
        }
        Files.writeString(repo.resolve("b/acl.txt"), "public-read");
        Run two = run("scan", repo.resolve("a").toString(), repo.resolve("b").toString(), "--format", "json",
                "--fail-on", "none");
        assertEquals(0, two.code(), two.err());
        // b's own file() reads b/acl.txt (inside b); a's reaches into b, which is another root: not read, unknown.
        assertEquals(List.of("TG-TF-S3-003 a/main.tf:1", "TG-TF-S3-003 b/main.tf:1", "TG-TF-S3-001 b/main.tf:3"),
                findings(two.out()));
        // Scanned as one tree, a's file() is inside it and is read.
        Run one = run("scan", repo.toString(), "--format", "json", "--fail-on", "none");
        assertEquals(List.of("TG-TF-S3-003 a/main.tf:1", "TG-TF-S3-001 a/main.tf:3", "TG-TF-S3-003 b/main.tf:1",
                "TG-TF-S3-001 b/main.tf:3"), findings(one.out()));
    }

    private static List<String> findings(String json) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("findings")
                .forEach(f -> out.add(f.get("policy").asText() + " " + f.get("file").asText() + ":"
                        + f.get("line").asInt()));
        return out;
    }

    @Test
    void aMissingBaselineOrOutputDirectoryIsSaidInWordsNotAsABarePath() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path missing = tmp.resolve("no-such-dir");
        Run baseline = run("scan", repo.toString(), "--baseline", missing.resolve("b.json").toString());
        assertEquals(2, baseline.code());
        assertEquals("tollgate: --baseline " + missing.resolve("b.json") + ": cannot read: no such file or directory",
                baseline.err().lines().findFirst().orElse(""));
        Run output = run("scan", repo.toString(), "--output", missing.resolve("r.json").toString(), "--format", "json");
        assertEquals(2, output.code());
        assertEquals("tollgate: cannot write " + missing.resolve("r.json") + ": no such file or directory",
                output.err().lines().findFirst().orElse(""));
    }

    @Test
    void aLoneSurrogateFromAYamlEscapeDoesNotCostTheReportFile() throws Exception {
        // "\uD800" is half a UTF-16 pair: YAML lets an escape write it, UTF-8 cannot encode it. Written to a file it
        // comes out as '?', as on standard output, instead of the report being lost with "cannot write".
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(repo.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                + "  name: \"bad\\uD800name\"\ndata:\n  DEBUG: \"true\"\n");
        for (String format : new String[] {"json", "sarif", "text", "markdown", "junit"}) {
            Path out = tmp.resolve("report." + format);
            Run r = run("scan", repo.toString(), "--format", format, "--output", out.toString(), "--fail-on", "none",
                    "--write-baseline", tmp.resolve("baseline.json").toString());
            assertEquals(0, r.code(), format + ": " + r.err());
            // JUnit's XML writer replaces characters XML cannot hold with U+FFFD itself
            assertTrue(Files.readString(out).contains(format.equals("junit") ? "bad\uFFFDname" : "bad?name"), format);
        }
        assertTrue(Files.readString(tmp.resolve("baseline.json")).contains("bad?name"));
    }
}
