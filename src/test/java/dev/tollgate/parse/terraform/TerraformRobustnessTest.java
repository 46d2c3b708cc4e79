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

    @Test
    void localsThatDoubleAValueFortyTimesEndUnknownOrAsAProblemNotInAnEndlessWalk() {
        // x1 = [x0, x0] ... x40: 2^40 values, each local shares the one before. Walking every path hung the scan, and
        // turning the value into resource data ran the heap out.
        StringBuilder tf = new StringBuilder("locals {\n  x0 = \"a\"\n");
        for (int i = 1; i <= 40; i++) {
            tf.append("  x").append(i).append(" = [local.x").append(i - 1).append(", local.x").append(i - 1).append("]\n");
        }
        tf.append("}\nresource \"t\" \"r\" {\n  v = local.x40\n  small = local.x3\n}\n");
        tf.append("resource \"t\" \"j\" {\n  v = jsonencode(local.x40)\n}\n");
        TerraformParser.Result r = new TerraformFixture(dir).file("main.tf", tf.toString()).evaluate();
        assertTrue(TerraformFixture.data(r, "t.r").get("v") instanceof dev.tollgate.model.Unknown);
        assertEquals(List.of(List.of(List.of("a", "a"), List.of("a", "a")), List.of(List.of("a", "a"), List.of("a", "a"))),
                TerraformFixture.data(r, "t.r").get("small"));
        assertEquals(List.of("main.tf:49:7: cannot evaluate jsonencode(local.x40): jsonencode: the value is over "
                + Json.MAX_ENCODED_CHARS + " characters as JSON"), r.problems().stream().map(Problem::toString).toList());
    }
}
