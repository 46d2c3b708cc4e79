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
import org.junit.jupiter.api.Timeout;
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
            tf.append("  x").append(i).append(" = [local.x").append(i - 1)
                    .append(", local.x").append(i - 1).append("]\n");
        }
        tf.append("}\nresource \"t\" \"r\" {\n  v = local.x40\n  small = local.x3\n}\n");
        tf.append("resource \"t\" \"j\" {\n  v = jsonencode(local.x40)\n}\n");
        TerraformParser.Result r = new TerraformFixture(dir).file("main.tf", tf.toString()).evaluate();
        assertTrue(TerraformFixture.data(r, "t.r").get("v") instanceof dev.tollgate.model.Unknown);
        assertEquals(List.of(List.of(List.of("a", "a"), List.of("a", "a")),
                List.of(List.of("a", "a"), List.of("a", "a"))),
                TerraformFixture.data(r, "t.r").get("small"));
        assertEquals(List.of("main.tf:49:7: cannot evaluate jsonencode(local.x40): jsonencode: the value is over "
                + Json.MAX_ENCODED_CHARS + " characters as JSON"),
                r.problems().stream().map(Problem::toString).toList());
    }

    /** Locals {@code <name>0} .. {@code <name>40}, each made of the one before by {@code step} ({@code %s} for it). */
    private static String doubling(String name, String first, String step) {
        StringBuilder tf = new StringBuilder("  " + name + "0 = " + first + "\n");
        for (int i = 1; i <= 40; i++) {
            tf.append("  ").append(name).append(i).append(" = ")
                    .append(step.replace("%s", "local." + name + (i - 1))).append("\n");
        }
        return tf.toString();
    }

    private static List<String> problems(TerraformParser.Result r) {
        return r.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void functionsAndComparisonsOverDoubledValuesAreLocatedProblemsNotAHangOrAnOutOfMemoryScan() {
        // Each of these took the scan's heap (flatten, a doubled string) or never ended (comparing two lists doubled
        // alike, 2^40 steps). The resource stays judged.
        String tf = "locals {\n" + doubling("x", "[\"a\", \"b\"]", "[%s, %s]")
                + doubling("y", "[\"a\", \"b\"]", "[%s, %s]")
                + doubling("s", "\"abcdefgh\"", "\"${%s}${%s}\"")
                + "  f = flatten(local.x40)\n" // line 125; s22 (line 106) is the first string over the limit
                + "  e = local.x40 == local.y40\n"
                + "  c = contains([local.x40], local.y40)\n"
                + "  d = distinct([local.x40, local.y40])\n"
                + "  same = local.x40 == local.x40\n"
                + "}\nresource \"t\" \"r\" {\n  v = local.s40\n  same = local.same\n}\n";
        TerraformParser.Result r = new TerraformFixture(dir).file("main.tf", tf).evaluate();
        assertEquals(List.of(
                "main.tf:106:22: cannot evaluate \"${local.s21}${local.s21}\": the template makes a string of over "
                        + Evaluator.MAX_STRING_CHARS + " characters",
                "main.tf:125:7: cannot evaluate flatten(local.x40): flatten: the result is over "
                        + Values.MAX_OUTPUT_NODES + " elements",
                "main.tf:126:7: cannot evaluate local.x40 == local.y40: the values are too large to compare: over "
                        + Values.MAX_COMPARED + " elements",
                "main.tf:127:7: cannot evaluate contains([local.x40], local.y40): the values are too large to compare:"
                        + " over " + Values.MAX_COMPARED + " elements",
                "main.tf:128:7: cannot evaluate distinct([local.x40, local.y40]): the values are too large to compare:"
                        + " over " + Values.MAX_COMPARED + " elements"), problems(r));
        assertTrue(TerraformFixture.data(r, "t.r").get("v") instanceof dev.tollgate.model.Unknown);
        assertEquals(true, TerraformFixture.data(r, "t.r").get("same"));
    }

    @Test
    void collectionsMultipliedByLocalsOrNestedForsStopAtTheRootsBudget() {
        String tf = "locals {\n" + doubling("c", "[\"a\", \"b\"]", "concat(%s, %s)")
                // 4,096^2 values, line 43; c21 (line 23) passes the budget
                + "  n = [for a in local.c12 : [for b in local.c12 : a]]\n"
                + "}\nresource \"t\" \"r\" {\n  n = length(local.n)\n  c = length(local.c10)\n}\n";
        TerraformParser.Result r = new TerraformFixture(dir).file("main.tf", tf).evaluate();
        String over = ": this Terraform root makes over " + Evaluator.MAX_ROOT_VALUES
                + " values (collections multiplied by locals or nested for expressions); not evaluated further";
        assertEquals(List.of("main.tf:23:9: cannot evaluate concat(local.c20, local.c20)" + over,
                "main.tf:43:7: cannot evaluate [for a in local.c12 : [for b in local..." + over), problems(r));
        assertEquals(2048L, TerraformFixture.data(r, "t.r").get("c")); // evaluated before the budget ran out
    }

    @Test
    void manyLargeStringsStopAtTheRootsCharacterBudgetNotTheScansMemory() {
        // Each string stays under MAX_STRING_CHARS, but 300 of 8 M characters took 2.8 GB: the whole scan ended out of
        // memory (exit 3). Now the for expression is a problem where it is written, and the rest of the root is judged.
        StringBuilder tf = new StringBuilder("locals {\n  s0 = \"abcdefghijklmnop\"\n");
        for (int i = 1; i <= 19; i++) { // s19: 16 * 2^19 = 8,388,608 characters, line 21
            tf.append("  s").append(i).append(" = \"${local.s").append(i - 1).append("}${local.s").append(i - 1)
                    .append("}\"\n");
        }
        tf.append("  big = [for i in range(300) : \"${local.s19}${i}\"]\n"); // line 22
        tf.append("}\nresource \"t\" \"r\" {\n  n = length(local.big)\n  small = length(local.s3)\n}\n");
        TerraformParser.Result r = new TerraformFixture(dir).file("main.tf", tf.toString()).evaluate();
        // located at the template that makes the string over the budget (column 32), inside the for expression
        assertEquals(List.of("main.tf:22:32: cannot evaluate [for i in range(300) : \"${local.s19}$...: this Terraform"
                + " root makes strings of over " + Evaluator.MAX_ROOT_CHARS + " characters in all (templates, function"
                + " results and files read); not evaluated further"), problems(r));
        assertTrue(TerraformFixture.data(r, "t.r").get("n") instanceof dev.tollgate.model.Unknown);
        assertEquals(128L, TerraformFixture.data(r, "t.r").get("small"));
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard, not a speed test
    void aDynamicBlockOverAMillionElementsIsUnknownNotAMillionBlocks() {
        // Found by fuzzing: a list of a million elements in a dynamic block's for_each, in a resource with count = 2,
        // made two million blocks; the scan held 4 GB and had not ended after two minutes.
        TerraformParser.Result r = new TerraformFixture(dir).file("main.tf", """
                resource "t" "r" {
                  count = 2
                  dynamic "grant" {
                    for_each = flatten([for i in range(1000) : range(1000)])
                    content {
                      uri = grant.value
                    }
                  }
                  other = "x"
                }
                """).evaluate();
        assertEquals(List.of("main.tf:4:16: dynamic \"grant\": for_each gives 1000000 blocks, more than "
                + Expansion.MAX_BLOCK_INSTANCES + " of one dynamic block: judged as unknown"), problems(r));
        assertEquals(new dev.tollgate.model.Unknown("flatten([for i in range(1000) : range(1000)])"),
                TerraformFixture.data(r, "t.r[1]").get("grant"));
        assertEquals("x", TerraformFixture.data(r, "t.r[1]").get("other"));
    }

    @Test
    void dynamicBlocksPastTheRootsBudgetAreUnknownAndTheOnesBeforeAreExpanded() {
        // Six resources of 9,000 blocks each: each under the limit of one dynamic block, together over the root's.
        StringBuilder tf = new StringBuilder();
        for (String name : List.of("a", "b", "c", "d", "e", "f")) {
            tf.append("resource \"t\" \"").append(name).append("\" {\n  dynamic \"g\" {\n")
                    .append("    for_each = flatten([for i in range(9) : range(1000)])\n")
                    .append("    content {\n      v = g.value\n    }\n  }\n}\n");
        }
        TerraformParser.Result r = new TerraformFixture(dir).file("main.tf", tf.toString()).evaluate();
        assertEquals(List.of("main.tf:43:16: dynamic \"g\": for_each gives 9000 blocks, more than "
                + RootContext.MAX_ROOT_DYNAMIC_BLOCKS + " dynamic blocks in this root: judged as unknown"),
                problems(r));
        assertEquals(9000, ((List<?>) TerraformFixture.data(r, "t.e").get("g")).size());
        assertTrue(TerraformFixture.data(r, "t.f").get("g") instanceof dev.tollgate.model.Unknown);
    }

    @Test
    void tosetKeepsTheFirstOfEachEqualValueInOrderAsComparingEachPairDid() {
        java.util.Random random = new java.util.Random(11);
        for (int round = 0; round < 2_000; round++) {
            List<Object> values = new java.util.ArrayList<>();
            int n = random.nextInt(12);
            for (int i = 0; i < n; i++) {
                values.add(randomValue(random, 2));
            }
            List<Object> expected = new java.util.ArrayList<>();
            for (Object x : values) {
                if (expected.stream().noneMatch(y -> Values.equal(x, y))) {
                    expected.add(x);
                }
            }
            List<Object> actual = Functions.toSet(values, false);
            assertEquals(expected.size(), actual.size(), values::toString);
            for (int i = 0; i < expected.size(); i++) {
                assertTrue(expected.get(i) == actual.get(i), values::toString); // the same element, first seen
            }
        }
    }

    /** Small values of every kind, with numbers of several scales and maps in several orders: many compare equal. */
    private static Object randomValue(java.util.Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 7 : 5);
        return switch (kind) {
            case 0 -> null;
            case 1 -> List.of("a", "b", "").get(random.nextInt(3));
            case 2 -> random.nextBoolean();
            case 3 -> new java.math.BigDecimal(List.of("1", "1.0", "1.00", "2", "0", "0.0", "-0", "10", "1E+1")
                    .get(random.nextInt(9)));
            case 4 -> List.of("1", "true").get(random.nextInt(2)); // strings that look like other kinds
            case 5 -> {
                List<Object> l = new java.util.ArrayList<>();
                for (int i = random.nextInt(3); i > 0; i--) {
                    l.add(randomValue(random, depth - 1));
                }
                yield l;
            }
            default -> {
                java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                List<String> keys = new java.util.ArrayList<>(List.of("k", "v", "w"));
                java.util.Collections.shuffle(keys, random);
                for (String k : keys.subList(0, random.nextInt(3))) {
                    m.put(k, randomValue(random, depth - 1));
                }
                yield m;
            }
        };
    }
}
