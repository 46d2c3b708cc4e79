package dev.tollgate.parse.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.model.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A name declared twice in one module is invalid Terraform. Real repositories end up with it when files of two
 * releases meet (a module's old {@code main.tf} next to a newer {@code replica.tf} that declares the same resources);
 * the second declaration used to vanish without a word, so a resource was never judged and nothing said why.
 */
class TerraformDuplicateDeclarationsTest {

    @TempDir
    Path dir;

    @Test
    void aSecondDeclarationIsReportedWhereItIsAndTheFirstIsRead() {
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("a.tf", """
                        variable "port" {
                          default = 5432
                        }
                        locals {
                          name = "first"
                        }
                        resource "t" "db" {
                          port = var.port
                          name = local.name
                        }
                        output "o" {
                          value = 1
                        }
                        """)
                .file("b.tf", """
                        variable "port" {
                          default = 3306
                        }

                        locals {
                          other = 1
                          name  = "second"
                        }
                        resource "t" "db" {
                          port = 1
                        }
                        output "o" {
                          value = 2
                        }
                        """)
                .evaluate();
        assertEquals(List.of(
                problem("b.tf", 1, 1, "variable \"port\"", "a.tf:1"),
                problem("b.tf", 7, 3, "local value \"name\"", "a.tf:5"),
                problem("b.tf", 9, 1, "resource \"t\" \"db\"", "a.tf:7"),
                problem("b.tf", 12, 1, "output \"o\"", "a.tf:11")), r.problems());
        assertEquals(5432L, ((Number) TerraformFixture.data(r, "t.db").get("port")).longValue());
        assertEquals("first", TerraformFixture.data(r, "t.db").get("name"));
        assertEquals(1, r.resources().stream().filter(x -> x.address().equals("t.db")).count());
    }

    @Test
    void aDuplicateInACalledModuleIsReportedOnceWhateverTheNumberOfCalls() {
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("main.tf", """
                        module "a" {
                          source = "./m"
                        }
                        module "b" {
                          source = "./m"
                        }
                        """)
                .file("m/main.tf", """
                        resource "t" "r" {
                          v = 1
                        }
                        """)
                .file("m/more.tf", """
                        module "inner" {
                          source = "./n"
                        }
                        resource "t" "r" {
                          v = 2
                        }
                        module "inner" {
                          source = "./n"
                        }
                        """)
                .file("m/n/main.tf", "")
                .evaluate();
        assertEquals(List.of(
                problem("m/more.tf", 4, 1, "resource \"t\" \"r\"", "m/main.tf:1"),
                problem("m/more.tf", 7, 1, "module \"inner\"", "m/more.tf:1")), r.problems());
        assertEquals(1L, ((Number) TerraformFixture.data(r, "module.a.t.r").get("v")).longValue());
        assertEquals(1L, ((Number) TerraformFixture.data(r, "module.b.t.r").get("v")).longValue());
    }

    private static Problem problem(String file, int line, int column, String what, String first) {
        return new Problem(file, line, column, Problem.Kind.PARSE_ERROR, "duplicate " + what + ": already declared at "
                + first + " (Terraform rejects the configuration); this declaration is not read");
    }
}
