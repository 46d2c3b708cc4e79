package dev.tollgate.parse.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.model.Unknown;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Expressions, templates, functions, for expressions, splats: exact values, and unknowns that stay unknown. */
class TerraformExpressionsTest {

    @TempDir
    Path dir;

    private static final String DECLS = """
            variable "env" {
              default = "prod"
            }
            variable "on" {
              type    = bool
              default = "true"
            }
            variable "nothing" {}
            locals {
              names = ["b", "a", "b"]
              tags  = { Team = "ops", Env = var.env }
            }
            data "http" "page" {
              url = "https://example.invalid/x"
            }
            """;

    private Object eval(String expr) {
        return TerraformFixture.value(dir, expr, DECLS);
    }

    /** Expression | expected value as jsonencode would write it (numbers as Terraform prints them). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "1 + 2 * 3                                    | 7",
        "5 / 2                                        | 2.5",
        "7 % 3 - -1                                   | 2",
        "\"3\" + 1                                    | 4",
        "1 < 2 && !false                              | true",
        "1 == \"1\"                                   | false",
        "[1, \"a\"] == [1, \"a\"]                     | true",
        "var.env == \"prod\" ? \"private\" : \"public\" | \"private\"",
        "\"${var.env}-logs\"                          | \"prod-logs\"",
        "\"%{if var.on}yes%{else}no%{endif}\"         | \"yes\"",
        "\"%{for i, x in local.names}${i}${x},%{endfor}\" | \"0b,1a,2b,\"",
        "jsonencode({b = 1, a = [true, null, \"<x>\"]}) | "
                + "\"{\\\"a\\\":[true,null,\\\"\\\\u003cx\\\\u003e\\\"],\\\"b\\\":1}\"",
        "jsondecode(\"{\\\"a\\\": [1, 2.5]}\")        | {\"a\":[1,2.5]}",
        "lookup(local.tags, \"Team\", \"none\")       | \"ops\"",
        "lookup(local.tags, \"Owner\", \"none\")      | \"none\"",
        "merge(local.tags, {Env = \"dev\", X = 1})    | {\"Env\":\"dev\",\"Team\":\"ops\",\"X\":1}",
        "concat([1], [], [2, 3])                      | [1,2,3]",
        "format(\"%s-%03d-%v\", \"a\", 7, true)       | \"a-007-true\"",
        "try(format(\"%0999999999d\", 1), \"refused\") | \"refused\"",
        "length(format(\"%10000s\", \"\"))             | 10000",
        "lower(\"AbC\")                               | \"abc\"",
        "upper(\"AbC\")                               | \"ABC\"",
        "tostring(12)                                 | \"12\"",
        "tonumber(\"2.50\")                           | 2.5",
        "tobool(\"false\")                            | false",
        "try(local.tags.Owner, \"fallback\")          | \"fallback\"",
        "try(local.tags.Team, \"fallback\")           | \"ops\"",
        "can(local.tags.Owner)                        | false",
        "coalesce(\"\", null, \"x\")                  | \"x\"",
        "length(local.names)                          | 3",
        "length(\"héllo\")                            | 5",
        "element(local.names, 4)                      | \"a\"",
        "contains(local.names, \"a\")                 | true",
        "keys(local.tags)                             | [\"Env\",\"Team\"]",
        "values(local.tags)                           | [\"prod\",\"ops\"]",
        "toset(local.names)                           | [\"a\",\"b\"]",
        "distinct(local.names)                        | [\"b\",\"a\"]",
        "tolist(toset([\"x\"]))                       | [\"x\"]",
        "replace(\"a-b-c\", \"-\", \"_\")             | \"a_b_c\"",
        "replace(\"a1b22\", \"/[0-9]+/\", \"#\")      | \"a#b#\"",
        "split(\",\", \"a,,b\")                       | [\"a\",\"\",\"b\"]",
        "join(\"-\", local.names)                     | \"b-a-b\"",
        "trimspace(\"  x \")                          | \"x\"",
        "substr(\"hello\", 1, 3)                      | \"ell\"",
        "substr(\"hello\", -3, 2)                     | \"ll\"",
        "substr(\"hello\", -9, -1)                    | \"hello\"",
        "substr(\"hello\", 7, 2)                      | \"\"",
        "substr(\"hello\", 2, 99)                     | \"llo\"",
        "startswith(\"https://x\", \"https://\")      | true",
        "endswith(\"x.json\", \".yaml\")              | false",
        "flatten([[1, [2]], 3])                       | [1,2,3]",
        "tomap({a = \"1\"})                           | {\"a\":\"1\"}",
        "max(1, 5, 3)                                 | 5",
        "min(1, 5, 3)                                 | 1",
        "abs(-4)                                      | 4",
        "[for s in local.names : upper(s) if s != \"a\"] | [\"B\",\"B\"]",
        "{for k, v in {a = 1, b = 2} : k => v * 2 if v > 1} | {\"b\":4}",
        "{for s in local.names : s => s...}           | {\"a\":[\"a\"],\"b\":[\"b\",\"b\"]}",
        "[{n = 1}, {n = 2}][*].n                      | [1,2]",
        "[{n = 1}, {n = 2}].*.n                       | [1,2]",
        "local.tags[*].Team                           | [\"ops\"]",
        "length(try(local.tags.Owner, null)[*])       | 0",
        "try({a = {x = 1}}[*].x, \"no attribute\")     | \"no attribute\"",
        "[[1, 2], [3]][1][0]                          | 3",
        "path.module                                  | \".\"",
        "terraform.workspace                          | \"default\"",
        "length([data.http.page.response_body, 1])    | 2",
        "coalesce(\"known\", data.http.page.body)     | \"known\"",
        "false && data.http.page.ok                   | false",
        "try(\"first\", data.http.page.body)          | \"first\"",
        "alltrue([\"true\", true])                    | true",
        "alltrue([])                                  | true",
        "alltrue([true, false])                       | false",
        "anytrue([false, \"true\"])                   | true",
        "anytrue([])                                  | false",
        "strcontains(\"hello world\", \"wor\")        | true",
        "strcontains(\"hello\", \"World\")            | false",
        "range(3)                                     | [0,1,2]",
        "range(0)                                     | []",
        "range(1, 4)                                  | [1,2,3]",
        "range(4, 1)                                  | [4,3,2]",
        "range(10, 0, -3)                             | [10,7,4,1]",
        "range(0, 1, 0.25)                            | [0,0.25,0.5,0.75]",
        "try(range(1, 5, -1), \"away\")               | \"away\"",
        "try(range(2000), \"over 1024\")              | \"over 1024\"",
        "length(range(1024))                          | 1024",
        "setunion([\"b\", \"a\"], [\"c\", \"a\"])         | [\"a\",\"b\",\"c\"]",
        "setintersection([\"a\", \"b\", \"c\"], [\"b\", \"c\", \"d\"], [\"c\", \"b\"]) | [\"b\",\"c\"]",
        "setsubtract([\"a\", \"b\", \"c\"], [\"b\"])   | [\"a\",\"c\"]",
        "setsubtract([1, 2, 3], [2.0])                | [1,3]",
        "formatlist(\"%s-%s\", [\"a\", \"b\"], \"x\")     | [\"a-x\",\"b-x\"]",
        "try(formatlist(\"%s%s\", [\"a\"], [1, 2]), \"uneven\") | \"uneven\"",
        "basename(\"foo/bar/baz.txt\")                | \"baz.txt\"",
        "basename(\"foo/bar/\")                       | \"bar\"",
        "basename(\"/\")                              | \"/\"",
        "basename(\"\")                               | \".\"",
        "dirname(\"foo/bar/baz.txt\")                 | \"foo/bar\"",
        "dirname(\"baz.txt\")                         | \".\"",
        "dirname(\"/baz.txt\")                        | \"/\"",
        "dirname(\"a//b/../c/d\")                     | \"a/c\"",
        "pathexpand(\"configs/app\")                  | \"configs/app\"",
        "urlencode(\"Hello World!\")                  | \"Hello+World%21\"",
        "urlencode(\"a/b~c*é\")                       | \"a%2Fb~c%2A%C3%A9\"",
        "yamldecode(\"a: 1\\nb: [x, yes, on, 0o17, 0x1F, 1.5e3, ~, True, -2]\") | "
                + "{\"a\":1,\"b\":[\"x\",\"yes\",\"on\",15,31,1500,null,true,-2]}",
        "yamldecode(\"base: &b {x: 1, y: 2}\\nd: {<<: *b, y: 3}\") | "
                + "{\"base\":{\"x\":1,\"y\":2},\"d\":{\"x\":1,\"y\":3}}",
        "yamldecode(\"v: \\\"123\\\"\\nw: \\\"true\\\"\") | {\"v\":\"123\",\"w\":\"true\"}",
        "yamldecode(\"t: 2024-01-02T03:04:05Z\")   | {\"t\":\"2024-01-02T03:04:05Z\"}",
        "yamldecode(\"- a\\n- {b: [1]}\")            | [\"a\",{\"b\":[1]}]",
        "yamldecode(\"[!!str 0o17, !!str true, !!str ~, 0o17, !!int 12, !!binary aGk=]\") | "
                + "[\"0o17\",\"true\",\"~\",15,12,\"aGk=\"]",
        "yamldecode(\"\")                           | null",
        "try(yamldecode(\"a: 1\\na: 2\"), \"twice\")  | \"twice\"",
        "try(yamldecode(\"a: 1\\n---\\nb: 2\"), \"two\") | \"two\"",
        "try(yamldecode(\"a: [\"), \"invalid\")      | \"invalid\"",
        "try(yamldecode(\"&a [*a]\"), \"cycle\")     | \"cycle\"",
        "regex(\"[0-9]+\", \"postgres 15.4\")          | \"15\"",
        "regex(\"^([0-9]+)\\\\.([0-9]+)\", \"15.4\")        | [\"15\",\"4\"]",
        "regex(\"(?P<major>[0-9]+)\\\\.(?P<minor>[0-9]+)\", \"v15.4\") | {\"major\":\"15\",\"minor\":\"4\"}",
        "regex(\"a(b)?c\", \"ac\")                      | [null]",
        "regexall(\"[a-z]+\", \"1a22bb333ccc\")         | [\"a\",\"bb\",\"ccc\"]",
        "regexall(\"(\\\\d)(\\\\d)\", \"12 34\")           | [[\"1\",\"2\"],[\"3\",\"4\"]]",
        "length(regexall(\"x\", \"abc\"))               | 0",
        "try(regex(\"x\", \"abc\"), \"no match\")       | \"no match\"",
        "try(regex(\"(?P<a>x)(y)\", \"xy\"), \"mixed\") | \"mixed\"",
        "regex(\"(?<major>[0-9]+)\", \"v15\")          | {\"major\":\"15\"}",
        "regexall(\"a*\", \"baaac\")                  | [\"\",\"aaa\",\"\"]",
        "replace(\"v15.4\", \"/v(\\\\d+)\\\\.(\\\\d+)/\", \"$2-$${1}\") | \"4-15\"",
        "replace(\"v15\", \"/v(?P<major>\\\\d+)/\", \"$major!\") | \"15!\"",
        "replace(\"ab\", \"/(a)/\", \"$1x\")          | \"b\"",
        "replace(\"ab\", \"/(a)/\", \"[$01]\")        | \"[]b\"",
        "replace(\"ab\", \"/(a)/\", \"[$${1}0]\")     | \"[a0]b\"",
        "replace(\"a\", \"/a/\", \"$$\")              | \"$\"",
        "replace(\"a\", \"/a/\", \"$\")               | \"$\"",
        "replace(\"baaac\", \"/a*/\", \"-\")          | \"-b-c-\"",
        "cidrsubnet(\"10.0.0.0/16\", 8, 2)              | \"10.0.2.0/24\"",
        "cidrsubnet(\"10.1.2.3/16\", 4, 15)             | \"10.1.240.0/20\"",
        "cidrsubnet(\"010.0.0.0/8\", 8, 0)              | \"10.0.0.0/16\"",
        "cidrsubnet(\"fd00:fd12:3456:7890::/56\", 16, 162) | \"fd00:fd12:3456:7800:a200::/72\"",
        "cidrsubnet(\"2001:db8::/32\", 16, 0)           | \"2001:db8::/48\"",
        "cidrsubnet(\"::/0\", 1, 1)                     | \"8000::/1\"",
        "try(cidrsubnet(\"10.0.0.0/16\", 2, 4), \"no room\") | \"no room\"",
        "try(cidrsubnet(\"10.0.0.0/30\", 8, 0), \"too long\") | \"too long\"",
        "try(cidrsubnet(\"10.0.0.0\", 8, 0), \"invalid\") | \"invalid\"",
        "try(cidrsubnet(\"10.0.0.256/8\", 8, 0), \"invalid\") | \"invalid\"",
        "[for i in range(3) : cidrsubnet(\"10.20.0.0/16\", 4, i)] | "
                + "[\"10.20.0.0/20\",\"10.20.16.0/20\",\"10.20.32.0/20\"]",
        "cidrsubnets(\"10.1.0.0/16\", 4, 4, 8, 4)        | "
                + "[\"10.1.0.0/20\",\"10.1.16.0/20\",\"10.1.32.0/24\",\"10.1.48.0/20\"]",
        "cidrsubnets(\"fd00:fd12:3456:7890::/56\", 16, 16, 16, 32) | [\"fd00:fd12:3456:7800::/72\","
                + "\"fd00:fd12:3456:7800:100::/72\",\"fd00:fd12:3456:7800:200::/72\",\"fd00:fd12:3456:7800:300::/88\"]",
        "cidrsubnets(\"10.0.0.0/8\", 8, 4)              | [\"10.0.0.0/16\",\"10.16.0.0/12\"]",
        "try(cidrsubnets(\"0.0.0.0/0\", 1), \"wraps\") | \"wraps\"",
        "cidrsubnets(\"10.0.0.0/16\")                   | []",
        "try(cidrsubnets(\"10.0.0.0/24\", 1, 1, 1), \"full\") | \"full\"",
        "try(cidrsubnets(\"10.0.0.0/24\", 0), \"zero\") | \"zero\"",
        "try(cidrsubnets(\"10.0.0.0/24\", -4294967291), \"negative\") | \"negative\"",
        "try(cidrsubnets(\"10.0.0.0/24\", 9), \"too long\") | \"too long\"",
        "try(cidrsubnets(\"::/0\", 33), \"over 32\") | \"over 32\"",
        "chunklist([\"a\", \"b\", \"c\", \"d\", \"e\"], 2) | [[\"a\",\"b\"],[\"c\",\"d\"],[\"e\"]]",
        "chunklist([\"a\", \"b\", \"c\", \"d\", \"e\"], 1) | [[\"a\"],[\"b\"],[\"c\"],[\"d\"],[\"e\"]]",
        "chunklist([\"a\", \"b\"], 0)                 | [[\"a\",\"b\"]]",
        "chunklist([\"a\", \"b\"], 9999999999)        | [[\"a\",\"b\"]]",
        "chunklist([], 3)                              | []",
        "try(chunklist([\"a\"], -1), \"negative\")    | \"negative\"",
        "transpose({a = [\"1\", \"2\"], b = [\"2\", \"3\"]}) | {\"1\":[\"a\"],\"2\":[\"a\",\"b\"],\"3\":[\"b\"]}",
        "transpose({b = [\"x\"], a = [\"x\", 1]})      | {\"1\":[\"a\"],\"x\":[\"a\",\"b\"]}",
        "try(transpose({a = [[\"x\"]]}), \"nested\")  | \"nested\"",
        "cidrhost(\"10.12.112.0/20\", 16)               | \"10.12.112.16\"",
        "cidrhost(\"10.12.112.0/20\", 268)              | \"10.12.113.12\"",
        "cidrhost(\"10.0.0.0/24\", -1)                  | \"10.0.0.255\"",
        "cidrhost(\"fd00:fd12:3456:7890:00a2::/72\", 34) | \"fd00:fd12:3456:7890::22\"",
        "try(cidrhost(\"10.0.0.0/24\", 256), \"no host\") | \"no host\"",
        "cidrnetmask(\"172.16.0.0/12\")                 | \"255.240.0.0\"",
        "cidrnetmask(\"10.0.0.0/32\")                   | \"255.255.255.255\"",
        "try(cidrnetmask(\"fd00::/8\"), \"v6\")          | \"v6\"",
        "templatestring(\"a=$${x}\", { x = 1 })        | \"a=1\"",
        "templatestring(\"%%{ for v in l }$${v};%%{ endfor }\", { l = local.names }) | \"b;a;b;\"",
        "try(templatestring(\"$${var.env}\", {}), \"vars only\") | \"vars only\"",
        "setproduct([\"dev\",\"prod\"], [\"a\",\"b\"])   | "
                + "[[\"dev\",\"a\"],[\"dev\",\"b\"],[\"prod\",\"a\"],[\"prod\",\"b\"]]",
        "setproduct([\"x\"], [], [\"y\"])               | []",
        "length(setproduct(range(4), range(3), range(2))) | 24",
        "try(setproduct(range(1024), range(1024)), \"big\") | \"big\"",
        "try(yamldecode(\"a: &a [x,x,x,x,x,x,x,x,x,x]\\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\\n"
                + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\\n"
                + "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\\n"
                + "g: [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\"), \"bomb\") | \"bomb\"",
    })
    void evaluates(String expr, String expectedJson) {
        Object v = eval(expr);
        assertEquals(expectedJson, Json.encode(Values.input(v)), expr);
    }

    /**
     * A pattern that backtracks exponentially: java.util.regex takes 3.7 s for this with 28 letters and doubles with
     * each more, so 40 would hold a scan for hours. RE2J answers in linear time. The timeout only turns a regression
     * into a failure instead of a hung build; it measures nothing.
     */
    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void regexRunsInLinearTime() {
        String text = "a".repeat(40) + "!";
        assertEquals("none", eval("try(regex(\"(.*a){20}x\", \"" + text + "\"), \"none\")"));
        assertEquals(List.of(), eval("regexall(\"(.*a){20}x\", \"" + text + "\")"));
        assertEquals(text, eval("replace(\"" + text + "\", \"/(.*a){20}x/\", \"-\")"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "data.http.page.response_body                 | data.http.page.response_body",
        "\"${data.http.page.response_body}-x\"        | \"${data.http.page.response_body}-x\"",
        "upper(data.http.page.response_body)          | upper(data.http.page.response_body)",
        "var.nothing                                  | var.nothing",
        "var.nothing == \"x\" ? 1 : 2                 | var.nothing == \"x\" ? 1 : 2",
        "jsonencode({a = var.nothing})                | jsonencode({a = var.nothing})",
        "cidrsubnet(var.nothing, 8, 1)                | cidrsubnet(var.nothing, 8, 1)",
        "cidrsubnet(\"10.0.0.0/16\", 8, -1)           | cidrsubnet(\"10.0.0.0/16\", 8, -1)",
        "cidrsubnet(\"::ffff:10.0.0.0/104\", 8, 1)    | cidrsubnet(\"::ffff:10.0.0.0/104\", 8, 1)",
        "cidrsubnets(\"10.0.0.0/16\", 4, var.nothing)  | cidrsubnets(\"10.0.0.0/16\", 4, var.nothing)",
        "cidrsubnets(\"10.0.0.0/16\", 1.5)            | cidrsubnets(\"10.0.0.0/16\", 1.5)",
        "chunklist(var.nothing, 2)                    | chunklist(var.nothing, 2)",
        "chunklist([\"a\"], 1.5)                       | chunklist([\"a\"], 1.5)",
        "transpose({a = [var.nothing]})               | transpose({a = [var.nothing]})",
        "cidrhost(\"10.0.0.0/24\", 1.5)               | cidrhost(\"10.0.0.0/24\", 1.5)",
        "setproduct([\"a\"], var.nothing)             | setproduct([\"a\"], var.nothing)",
        "timestamp()                                  | timestamp()",
        "templatestring(data.http.page.body, {})      | templatestring(data.http.page.body, {})",
        "length(data.http.page)                       | length(data.http.page)",
        "keys(data.http.page)                         | keys(data.http.page)",
        "templatefile(\"x.tpl\", {})                  | templatefile(\"x.tpl\", {})",
        "[for x in data.http.page.list : x]           | [for x in data.http.page.list : x]",
        "coalesce(null, var.nothing, \"x\")           | coalesce(null, var.nothing, \"x\")",
        "pathexpand(\"~/.ssh/id_rsa.pub\")            | pathexpand(\"~/.ssh/id_rsa.pub\")",
        "alltrue([true, var.nothing])                 | alltrue([true, var.nothing])",
        "setunion([\"a\"], [var.nothing])             | setunion([\"a\"], [var.nothing])",
        "range(var.nothing)                           | range(var.nothing)",
        "yamldecode(\"d: 2024-01-02\").d              | yamldecode(\"d: 2024-01-02\")",
        "yamldecode(var.nothing)                      | yamldecode(var.nothing)",
    })
    void unknownStaysUnknown(String expr, String unknownText) {
        Object v = eval(expr);
        assertTrue(v instanceof Unknown, expr + " gave " + v);
        assertEquals(unknownText, ((Unknown) v).expression(), expr);
    }

    @Test
    void jsonencode_escapesWhatGoEscapes_andCopiesEverythingElseAsItIs() {
        // HCL: "a\"b\\c\nd\te&f<\u0001g é" ; Go's encoder: quote, backslash, controls, <, >, & escaped, é kept.
        assertEquals("\"a\\\"b\\\\c\\nd\\te\\u0026f\\u003c\\u0001g é\"",
                eval("jsonencode(\"a\\\"b\\\\c\\nd\\te&f<\\u0001g é\")"));
        assertEquals("\"plain text, no escape\"", eval("jsonencode(\"plain text, no escape\")"));
        assertEquals("\"\\u003e\"", eval("jsonencode(\">\")"));
    }

    @Test
    void jsonencodeOfAPartlyUnknownValue_keepsItsStructure() {
        Unknown u = (Unknown) eval("jsonencode({a = var.nothing, b = \"x\"})");
        assertEquals(java.util.Map.of("a", new Unknown("var.nothing"), "b", "x"), u.known());
        assertEquals(null, ((Unknown) eval("jsonencode(var.nothing)")).known(), "wholly unknown: no structure");
    }

    @Test
    void orWithAKnownTrueSideIsTrue() {
        assertEquals(true, eval("data.http.page.ok || true"));
        assertEquals(new Unknown("data.http.page.ok || false"), eval("data.http.page.ok || false"));
    }

    @Test
    void listWithUnknownElementKeepsItsKnownElements() {
        assertEquals(Arrays.asList("a", new Unknown("var.nothing")), eval("[\"a\", var.nothing]"));
    }

    @Test
    void fileReadsInsideTheTreeOnly() {
        TerraformParser.Result r = new TerraformFixture(dir.resolve("repo"))
                .file("policy.json", "{\"Effect\": \"Deny\"}")
                .file("modules/m/doc.txt", "module text")
                .file("main.tf", """
                        module "m" {
                          source = "./modules/m"
                        }
                        resource "t" "r" {
                          policy  = jsondecode(file("${path.module}/policy.json")).Effect
                          missing = file("nope.json")
                          outside = file("../secret.txt")
                          exists  = fileexists("policy.json")
                        }
                        """)
                .file("modules/m/main.tf", """
                        resource "t" "m" {
                          text = file("${path.module}/doc.txt")
                          path = path.module
                        }
                        """)
                .file("../secret.txt", "never read")
                .evaluate();
        Map<String, Object> d = TerraformFixture.data(r, "t.r");
        assertEquals("Deny", d.get("policy"));
        assertEquals(new Unknown("file(\"nope.json\")"), d.get("missing"));
        assertEquals(new Unknown("file(\"../secret.txt\")"), d.get("outside"));
        assertEquals(true, d.get("exists"));
        assertEquals(Map.of("text", "module text", "path", "modules/m"), TerraformFixture.data(r, "module.m.t.m"));
    }

    @Test
    void filesetListsMatchingFilesInsideTheTreeAndFeedsAFactory() {
        TerraformParser.Result r = new TerraformFixture(dir.resolve("repo"))
                .file("data/subnets/b.yaml", "name: b\npublic: true\n")
                .file("data/subnets/a.yaml", "name: a\npublic: false\n")
                .file("data/subnets/nested/c.yaml", "name: c\npublic: false\n")
                .file("data/subnets/notes.txt", "not yaml")
                .file("main.tf", """
                        locals {
                          subnets = {
                            for f in fileset("${path.module}/data/subnets", "*.yaml") :
                            trimsuffix(f, ".yaml") => yamldecode(file("${path.module}/data/subnets/${f}"))
                          }
                        }
                        resource "t" "subnet" {
                          for_each = local.subnets
                          public   = each.value.public
                        }
                        resource "t" "r" {
                          deep    = fileset("data", "**/*.yaml")
                          none    = fileset("no-such-dir", "*")
                          outside = fileset("..", "*.txt")
                          classes = fileset("data/subnets", "{a,c}.yaml")
                        }
                        """)
                .file("../secret.txt", "never listed")
                .evaluate();
        assertEquals(true, TerraformFixture.data(r, "t.subnet[\"b\"]").get("public"));
        assertEquals(false, TerraformFixture.data(r, "t.subnet[\"a\"]").get("public"));
        Map<String, Object> d = TerraformFixture.data(r, "t.r");
        assertEquals(List.of("subnets/a.yaml", "subnets/b.yaml", "subnets/nested/c.yaml"), d.get("deep"));
        assertEquals(List.of(), d.get("none"));
        assertEquals(new Unknown("fileset(\"..\", \"*.txt\")"), d.get("outside"));
        assertEquals(List.of("a.yaml"), d.get("classes"));
    }

    /**
     * A glob of repeated {@code **}{@code /} against a deep path: the JDK's glob matcher, which fileset used, had not
     * answered after 30 s; {@code Glob} runs on RE2J. The timeout turns a regression into a failure, not a hung build.
     */
    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void filesetMatchesInLinearTime() {
        String deep = "deep/" + "d/".repeat(30) + "a";
        TerraformParser.Result r = new TerraformFixture(dir.resolve("repo"))
                .file(deep, "x")
                .file("main.tf", """
                        resource "t" "r" {
                          none = fileset("deep", "**/**/**/**/**/**/**/**/**/**/**/**/**/**/*b")
                          one  = fileset("deep", "**/**/**/**/**/**/**/**/**/**/**/**/**/**/a")
                        }
                        """)
                .evaluate();
        Map<String, Object> d = TerraformFixture.data(r, "t.r");
        assertEquals(List.of(), d.get("none"));
        assertEquals(List.of(deep.substring("deep/".length())), d.get("one"));
    }

    @Test
    void templatefileRendersAFileWithItsVarsOnly() {
        TerraformParser.Result r = new TerraformFixture(dir.resolve("repo"))
                .file("templates/app.tpl", """
                        name=${name}
                        %{ for k, v in env ~}
                        ${k}="${v}" \\ $${HOME}
                        %{ endfor ~}
                        %{ if debug }on%{ else }off%{ endif }""")
                .file("templates/task.tpl",
                        "${jsonencode({ environment = [for k, v in env : { name = k, value = v }] })}\n")
                .file("templates/uses-local.tpl", "ok\n${local.region}\n")
                .file("templates/broken.tpl", "one\n%{ if x }never closed\n")
                .file("modules/m/user_data.sh", "#!/bin/sh\necho ${greeting}\n")
                .file("main.tf", """
                        locals {
                          env  = { DEBUG = "true", MODE = "a b" }
                          page = data.http.page.body
                        }
                        module "m" {
                          source = "./modules/m"
                        }
                        resource "t" "r" {
                          rendered = templatefile("templates/app.tpl", { name = "web", env = local.env, debug = true })
                          task     = jsondecode(templatefile("templates/task.tpl", { env = { A = "1" } })).environment
                          unknown  = templatefile("templates/app.tpl", { name = local.page, env = {}, debug = false })
                          missing  = templatefile("nope.tpl", {})
                          outside  = templatefile("../secret.tpl", {})
                        }
                        resource "t" "local" {
                          text = templatefile("templates/uses-local.tpl", {})
                        }
                        resource "t" "broken" {
                          text = templatefile("templates/broken.tpl", {})
                        }
                        """)
                .file("modules/m/main.tf", """
                        resource "t" "m" {
                          user_data = templatefile("${path.module}/user_data.sh", { greeting = "hi" })
                        }
                        """)
                .file("../secret.tpl", "never read")
                .evaluate();
        Map<String, Object> d = TerraformFixture.data(r, "t.r");
        assertEquals("name=web\nDEBUG=\"true\" \\ ${HOME}\nMODE=\"a b\" \\ ${HOME}\non", d.get("rendered"));
        assertEquals(List.of(Map.of("name", "A", "value", "1")), d.get("task"));
        assertTrue(d.get("unknown") instanceof Unknown, "a var known only after apply: " + d.get("unknown"));
        assertEquals(new Unknown("templatefile(\"nope.tpl\", {})"), d.get("missing"));
        assertEquals(new Unknown("templatefile(\"../secret.tpl\", {})"), d.get("outside"));
        assertEquals("#!/bin/sh\necho hi\n", TerraformFixture.data(r, "module.m.t.m").get("user_data"));
        // Errors are Terraform's too, located at the call with the template's line
        assertEquals(List.of(
                "main.tf:16:10: cannot evaluate templatefile(\"templates/uses-local.tp...: templates/uses-local.tpl:2: "
                        + "vars has no \"local\", and a template sees nothing else",
                "main.tf:19:10: cannot evaluate templatefile(\"templates/broken.tpl\", {}): not a valid template: "
                        + "templates/broken.tpl:2: Unterminated template %{if}: no matching %{endif} before the end of "
                        + "the template"),
                r.problems().stream().map(Object::toString).toList());
    }

    @Test
    void heredocsAndInterpolationOfWholeValues() {
        assertEquals("line prod\n", eval("<<-EOT\n    line ${var.env}\n  EOT"));
        assertEquals(List.of("b", "a", "b"), eval("\"${local.names}\""));
    }

    @Test
    void evaluationErrorsAreLocatedProblemsAndTheValueIsUnknown() {
        TerraformParser.Result r = new TerraformFixture(dir).file("main.tf", """
                locals {
                  m = { a = 1 }
                }
                resource "t" "r" {
                  ok  = "fine"
                  bad = local.m.b
                }
                """).evaluate();
        assertEquals(new Unknown("local.m.b"), TerraformFixture.data(r, "t.r").get("bad"));
        assertEquals("fine", TerraformFixture.data(r, "t.r").get("ok"));
        assertEquals(1, r.problems().size());
        assertEquals("main.tf:6:9: cannot evaluate local.m.b: this object has no attribute \"b\"",
                r.problems().get(0).toString());
    }

    @Test
    void aResourceGivenWholeToAFunctionIsUnknownNotAnError() {
        // learn-terraform-data-sources-app's output: length() of a resource without count, which Terraform answers
        // from the provider's schema (its attribute count); before, "length of unknown value" was a false problem.
        TerraformParser.Result r = new TerraformFixture(dir).file("main.tf", """
                resource "aws_instance" "app" {
                  ami = "ami-04d29b6f966df1537"
                }
                resource "t" "r" {
                  n    = length(aws_instance.app)
                  keys = keys(aws_instance.app)
                }
                """).evaluate();
        assertEquals(List.of(), r.problems());
        assertEquals(new Unknown("length(aws_instance.app)"), TerraformFixture.data(r, "t.r").get("n"));
        assertEquals(new Unknown("keys(aws_instance.app)"), TerraformFixture.data(r, "t.r").get("keys"));
    }

    @Test
    void localsInAnyOrderAndCyclesBecomeUnknownWithAProblem() {
        TerraformParser.Result r = new TerraformFixture(dir).file("main.tf", """
                locals {
                  c = local.b
                  b = "${local.a}-b"
                  a = "a"
                  x = local.y
                  y = local.x
                }
                resource "t" "r" {
                  c = local.c
                  x = local.x
                }
                """).evaluate();
        Map<String, Object> data = TerraformFixture.data(r, "t.r");
        assertEquals("a-b", data.get("c"));
        assertEquals(new Unknown("local.x"), data.get("x"));
        assertEquals(
                List.of("main.tf:5:3: local.x depends on itself (local.x -> local.y -> local.x); its value is unknown"),
                r.problems().stream().map(Object::toString).toList());
    }

    @Test
    void dynamicBlocksExpandIntoTheBlockList() {
        TerraformParser.Result r = new TerraformFixture(dir).file("main.tf", """
                locals {
                  rules = { http = 80, https = 443 }
                }
                resource "aws_security_group" "web" {
                  ingress {
                    from_port = 22
                  }
                  dynamic "ingress" {
                    for_each = local.rules
                    iterator = rule
                    content {
                      from_port   = rule.value
                      description = rule.key
                    }
                  }
                }
                """).evaluate();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("ingress", List.of(Map.of("from_port", 22L),
                Map.of("from_port", 80L, "description", "http"), Map.of("from_port", 443L, "description", "https")));
        assertEquals(expected, TerraformFixture.data(r, "aws_security_group.web"));
        assertEquals(11, TerraformFixture.resource(r, "aws_security_group.web").locate("/ingress/2").line());
        assertEquals(12, TerraformFixture.resource(r, "aws_security_group.web").locate("/ingress/2/from_port").line());
    }

    @Test
    void terraformApplying_isUnknownWithoutAProblem() {
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("main.tf", "resource \"t\" \"r\" {\n  a = terraform.applying\n}\n")
                .evaluate();
        assertEquals(new Unknown("terraform.applying"), TerraformFixture.resource(r, "t.r").data().get("a"));
        assertEquals(List.of(), r.problems());
    }

    @Test
    void resourcePrefixedReferences_readTheResourceAsWithoutThePrefix() {
        // As Azure Verified Modules' main.telemetry.tf writes it:
        // resource_group_name = resource.azurerm_resource_group.this.name
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("main.tf", """
                        resource "aws_s3_bucket" "logs" {
                          bucket = "acme-logs"
                        }
                        resource "aws_s3_bucket_versioning" "v" {
                          bucket = resource.aws_s3_bucket.logs.bucket
                          id     = resource.aws_s3_bucket.logs.id
                        }
                        resource "t" "r" {
                          a = resource.aws_db_instance.missing.id
                        }
                        """)
                .evaluate();
        assertEquals("acme-logs", TerraformFixture.data(r, "aws_s3_bucket_versioning.v").get("bucket"));
        assertEquals(new Unknown("resource.aws_s3_bucket.logs.id"),
                TerraformFixture.data(r, "aws_s3_bucket_versioning.v").get("id"));
        assertEquals(List.of("aws_s3_bucket_versioning.v bucket"), TerraformFixture.resource(r, "aws_s3_bucket.logs")
                .related().stream().map(x -> x.address() + " " + x.attribute()).toList());
        assertEquals(List.of("main.tf:9:7: cannot evaluate resource.aws_db_instance.missing.id: no resource of type"
                + " \"aws_db_instance\" is declared"), r.problems().stream().map(Object::toString).toList());
    }

    @Test
    void ephemeralResourceReferences_areUnknownWithoutAProblem() {
        TerraformParser.Result r = new TerraformFixture(dir)
                .file("main.tf", """
                        ephemeral "random_password" "db" {
                          length = 16
                        }
                        resource "t" "r" {
                          password_wo = ephemeral.random_password.db.result
                        }
                        """)
                .evaluate();
        assertEquals(new Unknown("ephemeral.random_password.db.result"),
                TerraformFixture.resource(r, "t.r").data().get("password_wo"));
        assertEquals(List.of(), r.problems());
    }
}
