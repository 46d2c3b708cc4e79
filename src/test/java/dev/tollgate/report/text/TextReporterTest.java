package dev.tollgate.report.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.report.Golden;
import dev.tollgate.report.SampleReports;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class TextReporterTest {

    @Test
    void plainReportGroupsByFileAlignsAndSummarises() throws IOException {
        String expected = """
                deploy/web app.yaml (2 findings)
                  deploy/web app.yaml:5   LOW     k8s-resource-limits        Deployment/web sets no resource limits
                  deploy/web app.yaml:21  HIGH    k8s-no-privileged          Container "nginx" of Deployment/web runs privileged

                docker-compose.yml (1 finding)
                  docker-compose.yml:9    MEDIUM  compose-redis-persistence  Service redis runs Redis without persistence (no --appendonly, no save)

                Not understood:
                  broken.yaml:3: mapping values are not allowed here
                  deploy/web app.yaml:30: policy k8s-resource-limits failed on Deployment/worker: no such key: spec
                  infra/main.tf:1: Terraform is not scanned yet

                3 findings (1 high, 1 medium, 1 low) in 2 of 4 files; 2 passed; 1 policy error; 2 files not understood
                """;
        assertEquals(expected, Golden.render(new TextReporter(false), SampleReports.sample()));
    }

    @Test
    void colourOnlyStylesAndDoesNotMoveColumns() throws IOException {
        String coloured = Golden.render(new TextReporter(true), SampleReports.sample());
        assertTrue(coloured.contains("\u001b[31mHIGH\u001b[0m    k8s-no-privileged"), coloured);
        assertTrue(coloured.contains("\u001b[33mMEDIUM\u001b[0m  compose-redis-persistence"), coloured);
        assertTrue(coloured.contains("\u001b[1mdocker-compose.yml\u001b[0m (1 finding)"), coloured);
        String stripped = coloured.replaceAll("\u001b\\[[0-9;]*m", "");
        assertEquals(Golden.render(new TextReporter(false), SampleReports.sample()), stripped);
    }

    @Test
    void plainReportHasNoEscapeCodes() throws IOException {
        assertFalse(Golden.render(new TextReporter(false), SampleReports.sample()).contains("\u001b"));
    }

    @Test
    void cleanReportSaysNoFindings() throws IOException {
        assertEquals("No findings in 4 files; 2 passed\n",
                Golden.render(new TextReporter(false), SampleReports.clean()));
    }
}
