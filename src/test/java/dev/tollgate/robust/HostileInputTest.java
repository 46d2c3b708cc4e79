package dev.tollgate.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.tollgate.discovery.Discovery;
import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.model.Problem;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken files, each next to a good compose file: each gives one named problem, and the good file is
 * judged exactly as when it is scanned alone.
 */
class HostileInputTest {

    private static final Path GOOD = Path.of("fixtures/TG-DC-PG-001/fail/docker-compose.yml");

    @TempDir
    Path dir;

    private String goodAlone;

    @BeforeEach
    void placeGoodFile(@TempDir Path alone) throws IOException {
        Files.createDirectories(alone.resolve("good"));
        Files.copy(GOOD, alone.resolve("good/docker-compose.yml"));
        goodAlone = Scans.evaluations(Scans.scan(alone), "good/");
        assertTrue(goodAlone.contains("TG-DC-PG-001 FAIL good/docker-compose.yml:4:"), goodAlone);
        Files.createDirectories(dir.resolve("good"));
        Files.copy(GOOD, dir.resolve("good/docker-compose.yml"));
    }

    /** Scans {@code dir}; the good file's evaluations are unchanged and it has no problem. */
    private ScanReport scanWithGood() {
        return assertGoodIntact(Scans.scan(dir));
    }

    private ScanReport assertGoodIntact(ScanReport report) {
        assertEquals(goodAlone, Scans.evaluations(report, "good/"), "the good file's evaluations");
        assertEquals(List.of(), Scans.problems(report, "good/docker-compose.yml"));
        return report;
    }

    /** The single problem of {@code file}, of the expected kind. */
    private static Problem onlyProblem(ScanReport report, String file, Problem.Kind kind) {
        List<Problem> problems = Scans.problems(report, file);
        assertEquals(1, problems.size(), () -> "problems of " + file + ": " + problems);
        Problem p = problems.get(0);
        assertEquals(kind, p.kind(), p::toString);
        return p;
    }

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void yamlAliasBombIsRejectedWithALocatedProblem() throws IOException {
        StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n");
        bomb.append("  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            String prev = String.valueOf((char) (c - 1));
            bomb.append("  ").append(c).append(": &").append(c).append(" [");
            bomb.append(String.join(",", java.util.Collections.nCopies(9, "*" + prev))).append("]\n");
        }
        write("bomb.yaml", bomb.toString());
        Problem p = onlyProblem(scanWithGood(), "bomb.yaml", Problem.Kind.PARSE_ERROR);
        assertTrue(p.line() >= 5, p::toString);
        assertTrue(p.message().contains("alias") || p.message().contains("expan"), p::toString);
    }

    @Test
    void tenThousandDeepNestingIsRejectedWithALocatedProblem() throws IOException {
        int depth = 10_000;
        write("flow-seq.yaml",
                "apiVersion: v1\nkind: ConfigMap\ndata: " + "[".repeat(depth) + "]".repeat(depth) + "\n");
        write("flow-map.yaml",
                "apiVersion: v1\nkind: ConfigMap\ndata: " + "{a: ".repeat(depth) + "1" + "}".repeat(depth) + "\n");
        write("block/docker-compose.yml", "services:\n  web:\n    command:\n      " + "- ".repeat(depth) + "x\n");
        ScanReport report = scanWithGood();
        for (String f : List.of("flow-seq.yaml", "flow-map.yaml", "block/docker-compose.yml")) {
            Problem p = onlyProblem(report, f, Problem.Kind.PARSE_ERROR);
            assertTrue(p.line() >= 3 || f.startsWith("block") && p.line() >= 4, p::toString);
            String m = p.message().toLowerCase(java.util.Locale.ROOT);
            assertTrue(m.contains("nesting") || m.contains("deep"), p::toString);
        }
    }

    @Test
    void fiftyMegabyteFileIsSkippedBySizeWithANamedProblem() throws IOException {
        Path big = dir.resolve("huge.yaml");
        String doc = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n";
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write(doc);
            for (int i = 0; Files.size(big) < 0 || i < 50 * 1024 * 1024 / 32; i++) {
                w.write(String.format("  key%08d: \"value %08d\"\n", i, i));
            }
        }
        assertTrue(Files.size(big) >= 50L * 1024 * 1024, "50 MB written");
        Problem p = onlyProblem(scanWithGood(), "huge.yaml", Problem.Kind.SKIPPED);
        assertEquals(1, p.line(), "a whole-file problem sits on line 1");
        assertTrue(p.message().contains("over the " + FileDiscovery.DEFAULT_MAX_FILE_SIZE + "-byte limit"),
                p::toString);
    }

    @Test
    void randomBytesAreSkippedAsBinaryOrReportedAsInvalidUtf8() throws IOException {
        byte[] bytes = new byte[64 * 1024];
        new Random(7).nextBytes(bytes);
        Files.write(dir.resolve("random.yaml"), bytes);
        byte[] noNul = bytes.clone();
        for (int i = 0; i < noNul.length; i++) {
            noNul[i] = noNul[i] == 0 ? 1 : noNul[i];
        }
        Files.write(dir.resolve("random.env"), noNul);
        ScanReport report = scanWithGood();
        assertEquals("skipped: binary file", onlyProblem(report, "random.yaml", Problem.Kind.SKIPPED).message());
        Problem p = onlyProblem(report, "random.env", Problem.Kind.PARSE_ERROR);
        assertTrue(p.message().startsWith("not valid UTF-8"), p::toString);
    }

    @Test
    void invalidUtf8IsReportedAtItsLine() throws IOException {
        byte[] head = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  k: \""
                .getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, '"', '\n'};
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Files.write(dir.resolve("latin.yaml"), all);
        Problem p = onlyProblem(scanWithGood(), "latin.yaml", Problem.Kind.PARSE_ERROR);
        assertEquals(6, p.line(), p::toString);
        assertTrue(p.message().startsWith("not valid UTF-8"), p::toString);
    }

    @Test
    void byteOrderMarkChangesNothing(@TempDir Path plain) throws IOException {
        assertSameAsUtf8(plain, i -> StandardCharsets.UTF_8);
    }

    @Test
    void utf16WithAByteOrderMarkIsReadLikeUtf8(@TempDir Path plain) throws IOException {
        // As Windows PowerShell's `kubectl get -o yaml > ingress.yaml` writes it (little-endian), or big-endian
        assertSameAsUtf8(plain, i -> i % 2 == 0 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
    }

    /**
     * Writes a failing fixture of each format with a byte-order mark, the {@code i}th in {@code charset.apply(i)},
     * and asserts the same evaluations as the UTF-8 originals scanned from {@code plain}, and no problem.
     */
    private void assertSameAsUtf8(Path plain, java.util.function.IntFunction<java.nio.charset.Charset> charset)
            throws IOException {
        List<String> samples = List.of("fixtures/TG-K8S-HTTPS-001/fail/ingress.yaml",
                "fixtures/TG-DC-HTTPS-001/fail/docker-compose.yml", "fixtures/TG-ENV-HTTPS-002/fail/.env.production");
        for (int i = 0; i < samples.size(); i++) {
            Path from = Path.of(samples.get(i));
            String name = from.getParent().getParent().getFileName() + "/" + from.getFileName();
            Scans.copy(from.getParent(), plain.resolve(from.getParent().getParent().getFileName().toString()));
            Scans.copy(from.getParent(), dir.resolve(from.getParent().getParent().getFileName().toString()));
            Files.writeString(dir.resolve(name), "\uFEFF" + Files.readString(from, StandardCharsets.UTF_8),
                    charset.apply(i));
        }
        String expected = Scans.evaluations(Scans.scan(plain), "TG-");
        assertTrue(expected.contains(" FAIL "), expected);
        ScanReport report = scanWithGood();
        assertEquals(expected, Scans.evaluations(report, "TG-"));
        assertEquals(List.of(), report.problems());
    }

    @Test
    void brokenUtf16IsReportedAtItsLineAndUtf32IsNotTakenForIt() throws IOException {
        byte[] text = "\uFEFFapiVersion: v1\nkind: ConfigMap\ndata:\n  k: x\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] odd = java.util.Arrays.copyOf(text, text.length + 1); // a last byte with no partner
        Files.write(dir.resolve("odd.yaml"), odd);
        byte[] lone = java.util.Arrays.copyOf(text, text.length + 2); // a high surrogate with no low one
        lone[text.length] = 0x00;
        lone[text.length + 1] = (byte) 0xD8;
        Files.write(dir.resolve("lone.yaml"), lone);
        Files.write(dir.resolve("utf32.yaml"), "\uFEFFa: 1\n".getBytes(java.nio.charset.Charset.forName("UTF-32LE")));
        ScanReport report = scanWithGood();
        Problem p = onlyProblem(report, "odd.yaml", Problem.Kind.PARSE_ERROR);
        assertEquals(5, p.line(), p::toString);
        assertEquals("not valid UTF-16LE (first invalid byte at offset " + text.length + ")", p.message());
        assertEquals(5, onlyProblem(report, "lone.yaml", Problem.Kind.PARSE_ERROR).line());
        assertEquals("skipped: binary file", onlyProblem(report, "utf32.yaml", Problem.Kind.SKIPPED).message());
    }

    @Test
    void terraformLocalsThatDoubleAValueFortyTimesGiveLocatedProblemsAndTheScanGoesOn() throws IOException {
        // Before: flatten and the doubled string ran the heap out, and the whole scan stopped (exit 3)
        StringBuilder tf = new StringBuilder("locals {\n  x0 = [\"a\"]\n  s0 = \"abcdefgh\"\n");
        for (int i = 1; i <= 40; i++) {
            tf.append("  x").append(i).append(" = [local.x").append(i - 1).append(", local.x").append(i - 1)
                    .append("]\n");
            tf.append("  s").append(i).append(" = \"${local.s").append(i - 1).append("}${local.s").append(i - 1)
                    .append("}\"\n");
        }
        tf.append("  f = flatten(local.x40)\n}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = local.s40\n}\n");
        write("tf/main.tf", tf.toString());
        ScanReport report = scanWithGood();
        List<Problem> problems = Scans.problems(report, "tf/main.tf");
        assertEquals(List.of(47, 84), problems.stream().map(Problem::line).toList(), problems::toString);
        assertTrue(problems.get(0).message().contains("string of over"), problems::toString);
        assertTrue(problems.get(1).message().contains("flatten: the result is over"), problems::toString);
        assertTrue(Scans.evaluations(report, "tf/").contains("TG-TF-S3-003 FAIL tf/main.tf:86:"),
                Scans.evaluations(report, "tf/"));
    }

    @Test
    void crlfLineEndingsGiveTheSameEvaluationsLinesAndColumns() throws IOException {
        Path lf = Path.of("fixtures");
        try (Stream<Path> files = Files.walk(lf)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                write("crlf/" + lf.relativize(f), text.replace("\r\n", "\n").replace("\n", "\r\n"));
            }
        }
        ScanReport expected = Scans.scan(lf);
        ScanReport crlf = Scans.scan(dir.resolve("crlf"));
        assertEquals(Scans.evaluations(expected, ""), Scans.evaluations(crlf, ""));
        assertEquals(expected.problems(), crlf.problems());
    }

    @Test
    void unicodeLineSeparatorsDoNotShiftLines() throws IOException {
        // SnakeYAML counts NEL, U+2028 and U+2029 as line breaks; editors and GitHub do not.
        write("u/docker-compose.yml", "services:\n  web:\n    image: nginx\n    labels:\n"
                + "      note: \"a\u2028b\u0085c \u2029\"\n  db:\n    image: postgres:9.6\n    x: [\u2028]\n");
        write("u/.env", "NOTE=\"x\u2028y\"\nSECURE_SSL_REDIRECT=False\n");
        ScanReport report = scanWithGood();
        String u = Scans.evaluations(report, "u/");
        assertTrue(u.contains("TG-DC-PG-001 FAIL u/docker-compose.yml:7:5 "), u);
        assertTrue(u.contains("TG-ENV-HTTPS-002 FAIL u/.env:2:1 "), u);
        assertEquals(List.of(), Scans.problems(report, "u/docker-compose.yml"));
        write("v/app.yaml", "apiVersion: v1\nkind: ConfigMap\ndata:\n  a: \"\u2028\u2028\"\n  b: [\n");
        Problem p = onlyProblem(Scans.scan(dir.resolve("v")), "app.yaml", Problem.Kind.PARSE_ERROR);
        assertEquals(6, p.line(), p::toString);
    }

    @Test
    void tabsAreReadWhereTheFormatAllowsThemAndLocatedWhereItDoesNot() throws IOException {
        write("app/.env.production", "DEBUG=False\n\tSECURE_SSL_REDIRECT\t=\tFalse\t# tabs around\n");
        write("tabbed.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n\tname: tabbed\n");
        ScanReport report = scanWithGood();
        assertEquals(List.of(), Scans.problems(report, "app/.env.production"));
        assertTrue(Scans.evaluations(report, "app/").contains("TG-ENV-HTTPS-002 FAIL app/.env.production:2:2 "),
                Scans.evaluations(report, "app/"));
        Problem p = onlyProblem(report, "tabbed.yaml", Problem.Kind.PARSE_ERROR);
        assertEquals(4, p.line(), p::toString);
        assertTrue(p.message().contains("\\t") || p.message().contains("tab"), p::toString);
    }

    @Test
    void symlinkLoopIsReportedAndTheWalkGoesOn() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.createSymbolicLink(dir.resolve("sub/loop"), dir);
        ScanReport report = scanWithGood();
        Problem p = onlyProblem(report, "sub/loop", Problem.Kind.UNREADABLE);
        assertEquals("symbolic link loop", p.message());
    }

    @Test
    void brokenLinksFifosAndDevicesNamedLikeManifestsAreReportedNotOpened() throws Exception {
        Files.createSymbolicLink(dir.resolve("dangling.yaml"), dir.resolve("missing/app.yaml"));
        Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("pipe.env").toString()).start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo");
        ScanReport report = scanWithGood(); // opening the FIFO would block this scan forever
        assertEquals("broken symbolic link", onlyProblem(report, "dangling.yaml", Problem.Kind.UNREADABLE).message());
        assertEquals("skipped: not a regular file", onlyProblem(report, "zero.yaml", Problem.Kind.SKIPPED).message());
        assertEquals("skipped: not a regular file", onlyProblem(report, "pipe.env", Problem.Kind.SKIPPED).message());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang guard, not a speed test: reading the FIFO never returns
    void envFilesThatAreFifosOrHugeAreNotRead() throws Exception {
        Files.createDirectories(dir.resolve("svc"));
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("svc/pipe.txt").toString()).start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo");
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("svc/big.txt"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < 9 * 1024 * 1024 / 16; i++) {
                w.write(String.format("K%08d=value%n", i));
            }
        }
        write("svc/docker-compose.yml", "services:\n  web:\n    image: nginx\n    env_file: pipe.txt\n"
                + "  db:\n    image: postgres:9\n    env_file: [big.txt]\n");
        ScanReport report = scanWithGood();
        List<String> problems = Scans.problems(report, "svc/docker-compose.yml").stream().map(Problem::toString)
                .toList();
        assertEquals(List.of(
                "svc/docker-compose.yml:4:5: env_file svc/pipe.txt of service web: not a regular file; not read",
                "svc/docker-compose.yml:7:16: env_file svc/big.txt of service db: skipped: "
                        + Files.size(dir.resolve("svc/big.txt")) + " bytes is over the 8388608-byte limit"), problems);
        assertTrue(Scans.evaluations(report, "svc/").contains("TG-DC-PG-001 FAIL svc/docker-compose.yml:6:5"),
                Scans.evaluations(report, "svc/"));
    }

    @Test
    void fileWithoutReadPermissionIsReported() throws IOException {
        Path f = write("secret/.env", "API_TOKEN=abc\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        // As root (this project's CI machine), permission bits do not stop reads: fileReplacedByADirectory... covers
        // the unreadable path there.
        assumeFalse(Files.isReadable(f), "running as root: chmod 000 does not block reads");
        Problem p = onlyProblem(scanWithGood(), "secret/.env", Problem.Kind.UNREADABLE);
        assertTrue(p.message().startsWith("cannot read file"), p::toString);
    }

    @Test
    void fileThatCannotBeReadBecauseItBecameADirectoryIsReported() throws IOException {
        Path f = write("app.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: web}\n");
        Discovery found = new FileDiscovery().discover(List.of(dir));
        Files.delete(f);
        Files.createDirectory(f); // reading a directory fails with EISDIR, even as root
        Problem p = onlyProblem(assertGoodIntact(Scans.scanner().scan(found)), "app.yaml", Problem.Kind.UNREADABLE);
        assertTrue(p.message().startsWith("cannot read file"), p::toString);
    }

    @Test
    void fileDeletedBetweenDiscoveryAndParsingIsReported() throws IOException {
        Path f = write("gone/docker-compose.yml", "services:\n  db:\n    image: postgres:9\n");
        Discovery found = new FileDiscovery().discover(List.of(dir));
        assertTrue(found.files().stream().anyMatch(s -> s.displayPath().equals("gone/docker-compose.yml")));
        Files.delete(f);
        ScanReport report = assertGoodIntact(Scans.scanner().scan(found));
        Problem p = onlyProblem(report, "gone/docker-compose.yml", Problem.Kind.UNREADABLE);
        assertEquals("file disappeared before it could be read", p.message());
        Set<String> files = report.files().stream().map(s -> s.path()).collect(Collectors.toSet());
        assertTrue(files.contains("good/docker-compose.yml"), files::toString);
        assertFalse(Scans.evaluations(report, "gone/").contains("FAIL"));
    }
}
