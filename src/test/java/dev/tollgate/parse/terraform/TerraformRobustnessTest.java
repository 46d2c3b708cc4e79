package dev.tollgate.parse.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad or hostile configurations end in problems and unknowns, never in an exception or a hang. */
class TerraformRobustnessTest {

    @TempDir
    Path dir;

    @Test
    void theHclCorpusEvaluatesWithoutInternalErrors() throws IOException {
        Path corpus = Path.of("src/test/resources/dev/tollgate/parse/terraform/hcl/corpus");
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".tf")).sorted().toList()) {
                Path one = Files.createDirectories(dir.resolve(f.getFileName().toString().replace(".tf", "")));
                Files.copy(f, one.resolve("main.tf"));
                TerraformParser.Result r = new TerraformFixture(one).evaluate();
                for (Problem p : r.problems()) {
                    assertTrue(!p.message().contains("internal"), f + ": " + p);
                }
            }
        }
    }

    @Test
    void aModuleWhoseInputIsItsOwnOutputEndsUnknown() {
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("main.tf", """
                        module "m" {
                          source = "./m"
                          x      = module.m.y
                        }
                        """)
                .file("m/main.tf", """
                        variable "x" {}
                        output "y" {
                          value = var.x
                        }
                        resource "t" "r" {
                          v = var.x
                        }
                        """)
                .evaluate();
        assertTrue(TerraformFixture.data(r, "module.m.t.r").get("v") instanceof dev.tollgate.model.Unknown);
    }

    @Test
    void resourcesReferringToEachOtherEndUnknown() {
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("main.tf", """
                        resource "t" "a" {
                          v = t.b.v
                        }
                        resource "t" "b" {
                          v = t.a.v
                        }
                        """)
                .evaluate();
        assertEquals(new dev.tollgate.model.Unknown("t.a.v"), TerraformFixture.data(r, "t.b").get("v"));
        assertEquals(List.of(), r.problems());
    }
}
