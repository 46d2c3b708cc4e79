package dev.tollgate.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.bench.CorpusGenerator;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.report.Reporters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scanner parses and judges files in parallel (a parallel stream); the report must not depend on it. A serial
 * run (the stream confined to a one-thread pool) and parallel runs give the same bytes in every format, on a generated
 * mixed repository with findings and passes, the bundled example, and broken files for problems (the generated
 * corpus itself is valid and gives none).
 */
class ParallelScanIdentityTest {

    @Test
    void parallelAndSerialScansGiveIdenticalBytes(@TempDir Path tmp) throws Exception {
        Path corpus = tmp.resolve("corpus");
        CorpusGenerator.generate(corpus, 1_500_000, 7);
        Scans.copy(Path.of("fixtures"), corpus.resolve("fixtures"));
        for (int i = 0; i < 12; i++) {
            Path broken = corpus.resolve("broken/b" + i);
            Files.createDirectories(broken);
            Files.writeString(broken.resolve("app.yaml"), "apiVersion: v1\nkind: ConfigMap\ndata: [unclosed\n");
            Files.writeString(broken.resolve("main.tf"),
                    "resource \"aws_s3_bucket\" \"b\" {\n  bucket = var.missing\n}\n");
        }
        List<Path> roots = List.of(corpus);

        ForkJoinPool serialPool = new ForkJoinPool(1);
        ForkJoinPool wide = new ForkJoinPool(4);
        try {
            ScanReport serial = serialPool.submit(() -> Scans.scan(roots.get(0))).get();
            ScanReport parallel = wide.submit(() -> Scans.scan(roots.get(0))).get();
            ScanReport common = Scans.scan(roots.get(0));
            assertEquals(1, serialPool.getPoolSize(), "serial run used one thread");
            assertTrue(wide.getPoolSize() > 1, "parallel run used several threads: " + wide.getPoolSize());

            assertTrue(serial.findings().size() > 100, "the corpus gives findings: " + serial.findings().size());
            assertTrue(serial.problems().size() > 10, "and problems: " + serial.problems().size());
            for (String format : Reporters.FORMATS) {
                String expected = Scans.render(serial, format);
                assertEquals(expected, Scans.render(parallel, format), format + ": 4 threads vs 1");
                assertEquals(expected, Scans.render(common, format), format + ": common pool vs 1");
            }
        } finally {
            serialPool.shutdown();
            wide.shutdown();
        }
    }
}
