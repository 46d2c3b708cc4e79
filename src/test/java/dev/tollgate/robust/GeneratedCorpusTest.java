package dev.tollgate.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.bench.CorpusGenerator;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.model.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark corpus is what a real repository looks like: its Terraform is valid (every variable declared, every
 * module call passing what the module declares, every referred resource defined), so a scan of it reports no problem
 * and the benchmark measures scanning, not error reporting. It was checked with {@code terraform validate} too
 * (docs/parse-speed.md); this test keeps it valid without needing Terraform.
 */
class GeneratedCorpusTest {

    @Test
    void generatedCorpusScansWithoutProblems(@TempDir Path tmp) throws Exception {
        Path corpus = tmp.resolve("corpus");
        CorpusGenerator.generate(corpus, 600_000, 11);
        long roots;
        try (var dirs = Files.list(corpus.resolve("infra/dev"))) {
            roots = dirs.count();
        }
        assertTrue(roots >= 3, "the corpus holds Terraform roots: " + roots);
        assertTrue(Files.isRegularFile(corpus.resolve("infra/modules/dns/main.tf")), "and the modules they call");

        ScanReport report = Scans.scan(corpus);
        List<String> problems = report.problems().stream().map(Problem::toString).toList();
        assertEquals(List.of(), problems);
        assertTrue(report.findings().size() > 50, "the corpus breaks policies: " + report.findings().size());
        assertTrue(report.files().stream().filter(f -> f.path().endsWith(".tf")).mapToInt(f -> f.resources())
                .sum() > 50, "Terraform resources were evaluated");
    }

    @Test
    void sameSeedGivesSameBytes(@TempDir Path tmp) throws Exception {
        CorpusGenerator a = CorpusGenerator.generate(tmp.resolve("a"), 200_000, 3);
        CorpusGenerator b = CorpusGenerator.generate(tmp.resolve("b"), 200_000, 3);
        assertEquals(a.filesWritten(), b.filesWritten());
        try (var files = Files.walk(tmp.resolve("a"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path other = tmp.resolve("b").resolve(tmp.resolve("a").relativize(f).toString());
                assertEquals(Files.readString(f), Files.readString(other), f.toString());
            }
        }
    }
}
