package dev.tollgate.parse.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.model.ParseResult;
import dev.tollgate.model.Problem;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceFile;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.model.Unknown;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code terraform show -json} plans: the same resource shape, after_unknown as unknown, lines of the JSON. */
class TerraformPlanJsonTest {

    @TempDir
    Path dir;

    @Test
    void planResourcesHaveTheEvaluatedShape() {
        ParseResult r = new TerraformParser(TerraformOptions.none()).parsePlan("plan.json", PlanFixture.PLAN);
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("aws_s3_bucket.logs", "module.site.aws_s3_bucket_acl.this[\"web\"]",
                "module.site.aws_s3_bucket_public_access_block.pab[0]"),
                r.resources().stream().map(Resource::address).toList());
        Resource logs = r.resources().get(0);
        assertEquals(Map.of("bucket", "acme-logs", "force_destroy", false, "tags", Map.of("Team", "ops")), logs.data());
        assertEquals(new SourceLocation("plan.json", 7, 9), logs.location());
        assertEquals(13, logs.locate("/bucket").line());

        Resource acl = r.resources().get(1);
        assertEquals("aws_s3_bucket_acl", acl.kind());
        assertEquals("this[\"web\"]", acl.name());
        assertEquals("public-read", acl.data().get("acl"));
        assertEquals(new Unknown("module.site.aws_s3_bucket_acl.this[\"web\"].bucket"), acl.data().get("bucket"));
        assertEquals(List.of(Map.of("grant", List.of(Map.of("permission", "READ")))),
                acl.data().get("access_control_policy"));
        assertEquals(37, acl.locate("/acl").line());

        assertEquals("pab[0]", r.resources().get(2).name());
        assertEquals(List.of("module.site.aws_s3_bucket_public_access_block.pab[0] bucket"),
                acl.related().stream().map(x -> x.address() + " " + x.attribute()).toList());
    }

    @Test
    void discoveryFindsPlansByContentAndIgnoresOtherJson() throws IOException {
        Files.writeString(dir.resolve("tfplan.json"), PlanFixture.PLAN);
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"x\", \"version\": \"1.0.0\"}");
        List<SourceFile> files = new FileDiscovery().discover(List.of(dir)).files();
        assertEquals(List.of("tfplan.json TERRAFORM_PLAN"),
                files.stream().map(f -> f.displayPath() + " " + f.type()).toList());
    }

    @Test
    void brokenPlanJsonIsALocatedProblem() {
        ParseResult r = new TerraformParser(TerraformOptions.none()).parsePlan("plan.json",
                "{\"format_version\": \"1.2\",\n \"planned_values\": {\n");
        assertEquals(1, r.problems().size());
        assertEquals(Problem.Kind.PARSE_ERROR, r.problems().get(0).kind());
        assertEquals("plan.json", r.problems().get(0).file());
    }
}
