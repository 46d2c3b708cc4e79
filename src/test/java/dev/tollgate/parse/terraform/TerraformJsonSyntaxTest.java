package dev.tollgate.parse.terraform;

import static dev.tollgate.parse.terraform.TerraformFixture.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.model.SourceFile;
import dev.tollgate.parse.Parsers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code *.tf.json} files are part of their module, as in Terraform (Azure Verified Modules keep a version local
 * in one).
 */
class TerraformJsonSyntaxTest {

    @TempDir
    Path dir;

    @Test
    void jsonFilesDeclareLocalsVariablesAndResources_nextToNativeFiles() {
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("locals.version.tf.json", "{\n  \"locals\": {\n    \"module_version\": \"0.1.6\"\n  }\n}\n")
                .file("variables.tf.json", """
                        {"variable": {"names": {"type": "list(string)", "default": ["a", "b"]}}}
                        """)
                .file("bucket.tf.json", """
                        {
                          "resource": {
                            "aws_s3_bucket": {
                              "logs": {
                                "count": "${length(var.names)}",
                                "bucket": "logs-${var.names[count.index]}",
                                "tags": {"Version": "${local.module_version}"},
                                "versioning": {"enabled": true}
                              }
                            }
                          }
                        }
                        """)
                .file("main.tf", """
                        resource "t" "r" {
                          name = "v${replace(local.module_version, ".", "-")}"
                        }
                        """)
                .evaluate();
        assertEquals(List.of(), r.problems());
        assertEquals(Map.of("name", "v0-1-6"), resource(r, "t.r").data());
        Map<String, Object> bucket = resource(r, "aws_s3_bucket.logs[1]").data();
        assertEquals("logs-b", bucket.get("bucket"));
        assertEquals(Map.of("Version", "0.1.6"), bucket.get("tags"));
        assertEquals(List.of(Map.of("enabled", true)), bucket.get("versioning"));
        assertEquals(6, resource(r, "aws_s3_bucket.logs[1]").locations().find("/bucket").line());
    }

    @Test
    void discovery_takesTfJsonAsTerraform_notAsAPlanCandidate() {
        new TerraformFixture(dir)
                .file("locals.tf.json", "{\"locals\": {\"v\": \"1\"}}")
                .file("main.tf", "resource \"t\" \"r\" {\n  v = local.v\n}\n");
        List<SourceFile> files = new FileDiscovery().discover(List.of(dir)).files();
        assertEquals(List.of(SourceFile.FileType.TERRAFORM, SourceFile.FileType.TERRAFORM),
                files.stream().map(SourceFile::type).toList());
        TerraformParser.Result r = new Parsers().parseTerraform(files);
        assertEquals(List.of(), r.problems());
        assertEquals(Map.of("v", "1"), resource(r, "t.r").data());
    }
}
