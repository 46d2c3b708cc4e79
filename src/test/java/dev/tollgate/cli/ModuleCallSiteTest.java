package dev.tollgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A finding inside a Terraform module points at the module's line and names the call that brought it there. */
class ModuleCallSiteTest {

    @TempDir
    Path dir;

    @Test
    void findingInAModule_namesItsCallSite_inJsonSarifAndMessage() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("infra"));
        Files.createDirectories(repo.resolve("modules/bucket"));
        Files.writeString(repo.resolve("main.tf"), String.join("\n",
                "module \"logs\" {",
                "  source = \"./modules/bucket\"",
                "  acl    = \"public-read\"",
                "}",
                ""));
        Files.writeString(repo.resolve("modules/bucket/main.tf"), String.join("\n",
                "variable \"acl\" {}",
                "resource \"aws_s3_bucket\" \"this\" {",
                "  bucket = \"logs\"",
                "  acl    = var.acl",
                "}",
                ""));
        Path policies = Files.createDirectories(dir.resolve("policies"));
        Files.writeString(policies.resolve("TG-TEST-ACL-001.yaml"), String.join("\n",
                "id: TG-TEST-ACL-001",
                "title: Buckets are private",
                "description: Test policy.",
                "severity: high",
                "checklist: [storage.s3-private]",
                "match: {format: terraform, kinds: [aws_s3_bucket]}",
                "select: $.acl",
                "condition: item != 'public-read'",
                "message: public bucket",
                "remediation: Make it private.",
                ""));
        MainTest.Run json = MainTest.run("scan", repo.toString(), "--policies", policies.toString(), "--format",
                "json", "--config", writeEnableOnly("TG-TEST-ACL-001"));
        JsonNode finding = new ObjectMapper().readTree(json.out()).get("findings").get(0);
        assertEquals("modules/bucket/main.tf", finding.get("file").asText());
        assertEquals(4, finding.get("line").asInt());
        assertEquals("module.logs.aws_s3_bucket.this", finding.get("resource").get("address").asText());
        assertEquals("main.tf", finding.get("calledFrom").get(0).get("file").asText());
        assertEquals(1, finding.get("calledFrom").get(0).get("line").asInt());
        assertTrue(finding.get("message").asText().endsWith("(module called at main.tf:1)"), finding.toString());

        MainTest.Run sarif = MainTest.run("scan", repo.toString(), "--policies", policies.toString(), "--format",
                "sarif", "--config", writeEnableOnly("TG-TEST-ACL-001"));
        JsonNode related = new ObjectMapper().readTree(sarif.out()).get("runs").get(0).get("results").get(0)
                .get("relatedLocations").get(0);
        assertEquals("main.tf", related.get("physicalLocation").get("artifactLocation").get("uri").asText());
        assertEquals(1, related.get("physicalLocation").get("region").get("startLine").asInt());
    }

    private String writeEnableOnly(String id) throws Exception {
        Path config = dir.resolve("tollgate.yml");
        Files.writeString(config, "policies:\n  enable: [" + id + "]\n");
        return config.toString();
    }
}
