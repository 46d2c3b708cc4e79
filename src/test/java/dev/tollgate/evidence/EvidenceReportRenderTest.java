package dev.tollgate.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html in a real browser: headless Chromium renders it (scripts/render-evidence, the same check CI runs) with no
 * network request and no console message, and the screenshot is written. A deliberately bad page must fail the same
 * check, so the check itself is known to see requests and console errors. Skipped when Chromium is not installed
 * ({@code apt-get install chromium}). The rendered evidence and screenshot stay in target/evidence-render/ to look at.
 */
class EvidenceReportRenderTest {

    private static final Path SCRIPT = Path.of("scripts", "render-evidence");
    private static final Path OUT = Path.of("target", "evidence-render");

    private record Result(int code, String output) {
    }

    @BeforeAll
    static void chromiumPresent() {
        assumeTrue(onPath("chromium") || onPath("chromium-browser") || System.getenv("CHROMIUM") != null,
                "Chromium is not installed (apt-get install chromium); the render test is skipped");
        assumeTrue(onPath("bash"), "bash is needed to run scripts/render-evidence");
    }

    private static boolean onPath(String name) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, name)));
    }

    private static Result render(Path target) throws Exception {
        Process p = new ProcessBuilder("bash", SCRIPT.toString(), target.toString()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "Chromium did not finish");
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void reportRendersWithNoRequestAndNoConsoleMessage(@TempDir Path policies) throws Exception {
        deleteTree(OUT);
        Path att = Files.createDirectories(OUT).resolve("attestations.yaml");
        Files.writeString(att, """
                attestations:
                  - checklist_id: database.daily-backups
                    who: Jane Roe (SRE)
                    when: 2026-11-20
                    link: https://wiki.example.com/runbooks/backups
                    note: Nightly pg_dump to object storage; restore tested on 2026-11-18
                """);
        Path dir = OUT.resolve("evidence");
        TestCatalogues.exporter(TestCatalogues.automated(policies),
                        Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC),
                        Map.of("SOURCE_DATE_EPOCH", "1764000000"))
                .export(new EvidenceExporter.Request(List.of(Path.of("fixtures")), dir, att, List.of()));

        Result r = render(dir);

        assertEquals(0, r.code(), r.output());
        assertTrue(r.output().contains("no network request, no console message"), r.output());
        assertEquals(List.of(1280, 2000), pngSize(dir.resolve("report.png")));
    }

    @Test
    void theCheckCatchesRequestsAndConsoleErrors(@TempDir Path dir) throws Exception {
        // Port 9 on the loopback address: the request is attempted and seen, and nothing leaves the machine.
        Path page = dir.resolve("bad.html");
        Files.writeString(page, "<!DOCTYPE html><html><head><title>bad</title>"
                + "<link rel=\"stylesheet\" href=\"http://127.0.0.1:9/style.css\"></head>"
                + "<body><p>bad</p><script>console.error('boom')</script></body></html>");

        Result r = render(page);

        assertEquals(1, r.code(), r.output());
        assertTrue(r.output().contains("\"url\":\"http://127.0.0.1:9/style.css\""), r.output());
        assertTrue(r.output().contains("\"boom\""), r.output());
    }

    /** Width and height from the PNG's IHDR chunk, which always comes first. */
    private static List<Integer> pngSize(Path png) throws IOException {
        try (InputStream in = Files.newInputStream(png); DataInputStream data = new DataInputStream(in)) {
            data.skipNBytes(16); // signature (8), IHDR length (4), "IHDR" (4)
            return List.of(data.readInt(), data.readInt());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
