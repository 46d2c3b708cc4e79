package dev.tollgate.report.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.report.Golden;
import dev.tollgate.report.SampleReports;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReporterTest {

    private static String sarif(ScanReport report) throws IOException {
        return Golden.render(new SarifReporter(), report);
    }

    private static JsonNode tree(ScanReport report) throws IOException {
        return new ObjectMapper().readTree(sarif(report));
    }

    @Test
    void sampleMatchesGolden() throws IOException {
        Golden.assertMatches("sample.sarif", sarif(SampleReports.sample()));
    }

    @Test
    void cleanMatchesGolden() throws IOException {
        Golden.assertMatches("clean.sarif", sarif(SampleReports.clean()));
    }

    @Test
    void problemsOnlyMatchesGolden() throws IOException {
        Golden.assertMatches("problems.sarif", sarif(SampleReports.problemsOnly()));
    }

    @Test
    void sameReportGivesSameBytesWhateverTheInputOrder() throws IOException {
        String first = sarif(SampleReports.sample());
        assertEquals(first, sarif(SampleReports.sample()));
        assertEquals(first, sarif(SampleReports.sampleShuffled()));
    }

    @Test
    void writesNoTimestampsAndNoAbsolutePaths() throws IOException {
        String text = sarif(SampleReports.sample());
        assertFalse(text.contains("TimeUtc"), text);
        assertFalse(text.contains("file:"), text);
        assertFalse(text.contains("workingDirectory"), text);
    }

    @Test
    void cleanReportStillWritesAnEmptyResultsArray() throws IOException {
        JsonNode results = tree(SampleReports.clean()).at("/runs/0/results");
        assertTrue(results.isArray(), "results must be present");
        assertEquals(0, results.size());
        assertTrue(sarif(SampleReports.clean()).contains("\"results\": []"));
    }

    @Test
    void oneRulePerPolicySortedById() throws IOException {
        List<String> ids = new ArrayList<>();
        tree(SampleReports.sampleShuffled()).at("/runs/0/tool/driver/rules")
                .forEach(r -> ids.add(r.get("id").asText()));
        assertEquals(List.of("compose-redis-persistence", "dotenv-no-default-secret", "k8s-no-privileged",
                "k8s-resource-limits"), ids);
    }

    @Test
    void ruleIndexPointsAtTheRuleOfRuleId() throws IOException {
        JsonNode run = tree(SampleReports.sampleShuffled()).at("/runs/0");
        JsonNode results = run.get("results");
        assertEquals(3, results.size());
        for (JsonNode result : results) {
            JsonNode rule = run.at("/tool/driver/rules/" + result.get("ruleIndex").asInt());
            assertEquals(result.get("ruleId").asText(), rule.get("id").asText());
        }
    }

    @Test
    void mediumFindingCarriesAnExplicitWarningLevel() throws IOException {
        JsonNode run = tree(SampleReports.sample()).at("/runs/0");
        JsonNode medium = find(run.get("results"), "ruleId", "compose-redis-persistence");
        // java-sarif's NON_DEFAULT inclusion would drop "warning", the schema default: SarifJson must keep it.
        assertEquals("warning", medium.path("level").asText(null));
        assertEquals("fail", medium.path("kind").asText(null));
        JsonNode rule = find(run.at("/tool/driver/rules"), "id", "compose-redis-persistence");
        assertEquals("warning", rule.at("/defaultConfiguration/level").asText(null));
    }

    @Test
    void levelsAndSecuritySeverityFollowTheSeverity() throws IOException {
        JsonNode run = tree(SampleReports.sample()).at("/runs/0");
        assertEquals("error", find(run.get("results"), "ruleId", "k8s-no-privileged").get("level").asText());
        assertEquals("note", find(run.get("results"), "ruleId", "k8s-resource-limits").get("level").asText());
        JsonNode rules = run.at("/tool/driver/rules");
        JsonNode critical = find(rules, "id", "dotenv-no-default-secret");
        assertEquals("error", critical.at("/defaultConfiguration/level").asText());
        assertTrue(critical.at("/properties/security-severity").isTextual(), "GitHub needs a numeric string");
        assertEquals("9.5", critical.at("/properties/security-severity").asText());
        assertEquals("2.0", find(rules, "id", "k8s-resource-limits").at("/properties/security-severity").asText());
    }

    @Test
    void ruleCarriesChecklistAndHelp() throws IOException {
        JsonNode rule = find(tree(SampleReports.sample()).at("/runs/0/tool/driver/rules"), "id", "k8s-no-privileged");
        assertEquals("ContainersMustNotRunPrivileged", rule.get("name").asText());
        assertEquals("https://kubernetes.io/docs/concepts/security/pod-security-standards/",
                rule.get("helpUri").asText());
        assertEquals("security.no-privileged-containers", rule.at("/properties/checklist/0").asText());
        assertTrue(rule.at("/help/markdown").asText().contains(
                "- `security.no-privileged-containers` (Security / Containers): No container runs privileged"));
        assertTrue(rule.at("/help/text").asText().contains("Remediation: Remove"));
        assertTrue(rule.at("/properties/tags").toString().contains("\"security\""));
    }

    @Test
    void ruleWithoutAWebReferenceHasNoHelpUri() throws IOException {
        JsonNode rule = find(tree(SampleReports.sample()).at("/runs/0/tool/driver/rules"), "id", "k8s-resource-limits");
        assertTrue(rule.path("helpUri").isMissingNode(), rule.toString());
    }

    @Test
    void resultPointsAtThePercentEncodedRelativePath() throws IOException {
        JsonNode result = find(tree(SampleReports.sample()).at("/runs/0/results"), "ruleId", "k8s-no-privileged");
        JsonNode physical = result.at("/locations/0/physicalLocation");
        assertEquals("a%20b/c%3Ad.yaml", tree(SampleReports.oneFinding("a b/c:d.yaml", "m"))
                .at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("deploy/web%20app.yaml", physical.at("/artifactLocation/uri").asText());
        assertEquals(21, physical.at("/region/startLine").asInt());
        assertEquals(11, physical.at("/region/startColumn").asInt());
        assertEquals("k8s-no-privileged:5a1c2e9f0b7d4c33",
                result.at("/partialFingerprints/primaryLocationLineHash").asText());
        assertEquals("Deployment/web", result.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText());
    }

    @Test
    void blankMessageFallsBackToThePolicyTitle() throws IOException {
        ScanReport report = SampleReports.oneFinding("docker-compose.yml", " ");
        assertEquals("Redis must persist its data", tree(report).at("/runs/0/results/0/message/text").asText());
    }

    @Test
    void problemsBecomeNotificationsOfTheSuccessfulInvocation() throws IOException {
        JsonNode invocation = tree(SampleReports.problemsOnly()).at("/runs/0/invocations/0");
        assertTrue(invocation.get("executionSuccessful").asBoolean());
        JsonNode notifications = invocation.get("toolExecutionNotifications");
        assertEquals(3, notifications.size());
        JsonNode parse = find(notifications, "/descriptor/id", "parse_error");
        assertEquals("error", parse.get("level").asText());
        assertEquals(3, parse.at("/locations/0/physicalLocation/region/startLine").asInt());
        JsonNode notScanned = find(notifications, "/descriptor/id", "not_scanned");
        assertEquals("note", notScanned.get("level").asText());
        assertEquals("infra/main.tf", notScanned.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(1, notScanned.at("/locations/0/physicalLocation/region/startLine").asInt(), "whole file: line 1");
    }

    private static JsonNode find(JsonNode array, String pointerOrField, String value) {
        String pointer = pointerOrField.startsWith("/") ? pointerOrField : "/" + pointerOrField;
        for (JsonNode node : array) {
            if (value.equals(node.at(pointer).asText(null))) {
                return node;
            }
        }
        throw new AssertionError("no element with " + pointerOrField + " = " + value + " in " + array);
    }
}
