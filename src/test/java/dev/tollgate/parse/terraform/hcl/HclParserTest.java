package dev.tollgate.parse.terraform.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.parse.terraform.hcl.Expression.Binary;
import dev.tollgate.parse.terraform.hcl.Expression.BinaryOperator;
import dev.tollgate.parse.terraform.hcl.Expression.Conditional;
import dev.tollgate.parse.terraform.hcl.Expression.ForExpr;
import dev.tollgate.parse.terraform.hcl.Expression.FunctionCall;
import dev.tollgate.parse.terraform.hcl.Expression.GetAttr;
import dev.tollgate.parse.terraform.hcl.Expression.Index;
import dev.tollgate.parse.terraform.hcl.Expression.NumberLiteral;
import dev.tollgate.parse.terraform.hcl.Expression.ObjectCons;
import dev.tollgate.parse.terraform.hcl.Expression.Splat;
import dev.tollgate.parse.terraform.hcl.Expression.SplatItem;
import dev.tollgate.parse.terraform.hcl.Expression.Template;
import dev.tollgate.parse.terraform.hcl.Expression.Tuple;
import dev.tollgate.parse.terraform.hcl.Expression.Unary;
import dev.tollgate.parse.terraform.hcl.Expression.Variable;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class HclParserTest {

    private static HclFile parse(String source) {
        return HclParser.parse(source, "test.tf");
    }

    private static Body ok(String source) {
        HclFile file = parse(source);
        assertEquals(List.of(), file.diagnostics(), "unexpected diagnostics");
        return file.body();
    }

    private static Expression expr(String expression) {
        return ok("x = " + expression + "\n").attribute("x").orElseThrow().expr();
    }

    private static String literal(String expression) {
        Template t = assertInstanceOf(Template.class, expr(expression));
        assertTrue(t.isLiteral(), "not a literal template: " + expression);
        return t.literalValue();
    }

    // ---- positions ----------------------------------------------------------------------------------------------

    @Test
    void attributeAndBlockPositions() {
        Body body = ok("""
                # a comment
                resource "aws_s3_bucket" "b" {
                  acl    = "private"
                  bucket = "${var.name}-logs"

                  versioning {
                    enabled = false
                  }
                }
                """);
        Block bucket = body.blocks().get(0);
        assertEquals("resource", bucket.type());
        assertEquals(List.of("aws_s3_bucket", "b"), bucket.labels());
        assertEquals(2, bucket.range().startLine());
        assertEquals(1, bucket.range().startColumn());
        assertEquals(9, bucket.range().endLine());
        assertEquals(2, bucket.range().endColumn());
        assertEquals(10, bucket.labelRanges().get(0).startColumn());
        assertEquals("\"aws_s3_bucket\"", bucket.labelRanges().get(0).text());

        Attribute acl = bucket.body().attribute("acl").orElseThrow();
        assertEquals(3, acl.nameRange().startLine());
        assertEquals(3, acl.nameRange().startColumn());
        assertEquals(6, acl.nameRange().endColumn());
        assertEquals(3, acl.expr().range().startLine());
        assertEquals(12, acl.expr().range().startColumn());
        assertEquals("\"private\"", acl.expr().raw());
        assertEquals("acl    = \"private\"", acl.range().text());

        Attribute name = bucket.body().attribute("bucket").orElseThrow();
        Template template = assertInstanceOf(Template.class, name.expr());
        TemplatePart.Interpolation interp = assertInstanceOf(TemplatePart.Interpolation.class,
                template.parts().get(0));
        assertEquals("var.name", interp.expr().raw());
        assertEquals(4, interp.expr().range().startLine());
        assertEquals(15, interp.expr().range().startColumn());

        Block versioning = bucket.body().blocks("versioning").get(0);
        assertEquals(6, versioning.range().startLine());
        assertEquals(3, versioning.range().startColumn());
        assertEquals(7, versioning.body().attribute("enabled").orElseThrow().nameRange().startLine());
    }

    @Test
    void crlfLineEndings() {
        Body body = ok("locals {\r\n  a = 1\r\n  b = <<EOT\r\nx\r\nEOT\r\n}\r\n");
        Attribute b = body.blocks().get(0).body().attribute("b").orElseThrow();
        assertEquals(3, b.nameRange().startLine());
        assertEquals(3, b.nameRange().startColumn());
        assertEquals("x\r\n", ((Template) b.expr()).literalValue());
    }

    @Test
    void offsetsSliceRawSource() {
        String src = "locals {\n  v = aws_instance.web[0].id + 1\n}\n";
        Attribute v = ok(src).blocks().get(0).body().attribute("v").orElseThrow();
        assertEquals("aws_instance.web[0].id + 1", src.substring(v.expr().range().startOffset(),
                v.expr().range().endOffset()));
        Binary sum = assertInstanceOf(Binary.class, v.expr());
        assertEquals("aws_instance.web[0].id", sum.left().raw());
    }

    @Test
    void columnsCountCodePoints() {
        Body body = ok("x = \"😀\" \ny = 1\nz = \"😀\" + w\n");
        Binary z = assertInstanceOf(Binary.class, body.attribute("z").orElseThrow().expr());
        assertEquals(11, z.right().range().startColumn()); // the emoji is one column, two chars
        assertEquals(src(body).getBytes(java.nio.charset.StandardCharsets.UTF_8).length - 2,
                z.right().range().startByte()); // "w\n" are the last two bytes
        assertEquals(4, body.attribute("x").orElseThrow().expr().range().startByte());
        assertEquals(10, body.attribute("x").orElseThrow().expr().range().endByte()); // quote, 4 bytes, quote
        int offset = z.right().range().startOffset();
        assertEquals(11, offset - (src(body).lastIndexOf('\n', offset) + 1)); // ... but 12 chars in
    }

    private static String src(Body body) {
        return body.range().source().text();
    }

    // ---- precedence and expression shapes -------------------------------------------------------------------------

    @Test
    void multiplicationBindsTighterThanAddition() {
        Binary sum = assertInstanceOf(Binary.class, expr("a + b * c"));
        assertEquals(BinaryOperator.ADD, sum.op());
        assertEquals("a", sum.left().raw());
        Binary product = assertInstanceOf(Binary.class, sum.right());
        assertEquals(BinaryOperator.MULTIPLY, product.op());
        assertEquals("b", product.left().raw());
        assertEquals("c", product.right().raw());
    }

    @Test
    void precedenceLevelsFollowHcl() {
        // || < && < == != < comparisons < + - < * / %
        Binary or = assertInstanceOf(Binary.class, expr("a || b && c == d < e + f * g"));
        assertEquals(BinaryOperator.OR, or.op());
        Binary and = assertInstanceOf(Binary.class, or.right());
        assertEquals(BinaryOperator.AND, and.op());
        Binary eq = assertInstanceOf(Binary.class, and.right());
        assertEquals(BinaryOperator.EQUAL, eq.op());
        Binary lt = assertInstanceOf(Binary.class, eq.right());
        assertEquals(BinaryOperator.LESS, lt.op());
        Binary add = assertInstanceOf(Binary.class, lt.right());
        assertEquals(BinaryOperator.ADD, add.op());
        assertEquals(BinaryOperator.MULTIPLY, assertInstanceOf(Binary.class, add.right()).op());
    }

    @Test
    void operatorsAreLeftAssociative() {
        Binary outer = assertInstanceOf(Binary.class, expr("a - b - c"));
        assertEquals("a - b", outer.left().raw());
        assertEquals("c", outer.right().raw());
        Binary mod = assertInstanceOf(Binary.class, expr("(n + 2) * 3 % 4"));
        assertEquals(BinaryOperator.MODULO, mod.op());
        assertEquals("(n + 2) * 3", mod.left().raw());
    }

    @Test
    void unaryBindsTighterThanBinary() {
        Binary and = assertInstanceOf(Binary.class, expr("!a && b"));
        assertInstanceOf(Unary.class, and.left());
        Binary product = assertInstanceOf(Binary.class, expr("-a * b"));
        Unary neg = assertInstanceOf(Unary.class, product.left());
        assertEquals(Expression.UnaryOperator.NEGATE, neg.op());
    }

    @Test
    void conditionalIsLowestAndRightAssociative() {
        Conditional c = assertInstanceOf(Conditional.class, expr("a == 1 ? b : c ? d : e"));
        assertEquals("a == 1", c.condition().raw());
        assertEquals("b", c.then().raw());
        assertInstanceOf(Conditional.class, c.otherwise());
    }

    @Test
    void numbers() {
        assertEquals(new BigDecimal("1.5e3"), assertInstanceOf(NumberLiteral.class, expr("1.5e3")).value());
        assertEquals(0, new BigDecimal("1500").compareTo(((NumberLiteral) expr("1.5e3")).value()));
        assertEquals(new BigDecimal("2.5E-2"), ((NumberLiteral) expr("2.5E-2")).value());
        assertEquals(new BigDecimal("12345678901234567890"), ((NumberLiteral) expr("12345678901234567890")).value());
        // `1.e3` is not a number: the fraction needs a digit
        assertTrue(parse("x = 1.e3\n").hasErrors() || expr("1.e3") instanceof GetAttr);
    }

    @Test
    void traversalsAndSplats() {
        GetAttr id = assertInstanceOf(GetAttr.class, expr("aws_s3_bucket.b[\"web\"].id"));
        assertEquals("id", id.name());
        Index index = assertInstanceOf(Index.class, id.object());
        assertEquals("web", ((Template) index.key()).literalValue());

        Splat full = assertInstanceOf(Splat.class, expr("aws_instance.web[*].id"));
        assertFalse(full.legacy());
        assertEquals("aws_instance.web", full.source().raw());
        GetAttr each = assertInstanceOf(GetAttr.class, full.each());
        assertInstanceOf(SplatItem.class, each.object());

        Splat legacy = assertInstanceOf(Splat.class, expr("aws_instance.web.*.id"));
        assertTrue(legacy.legacy());
        assertEquals("aws_instance.web.*.id", legacy.raw());

        // an index after a legacy splat applies to the whole result
        Index afterLegacy = assertInstanceOf(Index.class, expr("a.*.b[0]"));
        assertInstanceOf(Splat.class, afterLegacy.collection());
        // ... but after a full splat, to each element
        Splat fullIndexed = assertInstanceOf(Splat.class, expr("a[*].b[0]"));
        assertInstanceOf(Index.class, fullIndexed.each());

        Index legacyIndex = assertInstanceOf(GetAttr.class, expr("aws_instance.web.0.id")).object() instanceof Index i
                ? i : null;
        assertTrue(legacyIndex != null && legacyIndex.legacyDot());
        assertTrue(parse("x = a.0.1\n").hasErrors(), "hclsyntax rejects chained legacy indexes");
    }

    @Test
    void functionCalls() {
        FunctionCall call = assertInstanceOf(FunctionCall.class, expr("max(var.numbers...)"));
        assertEquals("max", call.name());
        assertTrue(call.expandFinal());
        FunctionCall ns = assertInstanceOf(FunctionCall.class, expr("provider::aws::arn_parse(var.arn)"));
        assertEquals("provider::aws::arn_parse", ns.name());
        assertEquals(1, ns.args().size());
        FunctionCall multi = assertInstanceOf(FunctionCall.class, expr("coalesce(\n  a,\n  b,\n)"));
        assertEquals(2, multi.args().size());
        assertFalse(multi.expandFinal());
    }

    @Test
    void forExpressions() {
        ForExpr tuple = assertInstanceOf(ForExpr.class, expr("[for i, v in var.list : v if v != \"\"]"));
        assertFalse(tuple.isObject());
        assertEquals("i", tuple.keyVar());
        assertEquals("v", tuple.valueVar());
        assertEquals("var.list", tuple.collection().raw());
        assertEquals("v != \"\"", tuple.condition().raw());

        ForExpr object = assertInstanceOf(ForExpr.class, expr("{\n  for v in var.items : v.group => v.name...\n}"));
        assertTrue(object.isObject());
        assertNull(object.keyVar());
        assertEquals("v.group", object.keyExpr().raw());
        assertTrue(object.grouping());
    }

    @Test
    void objectConstructors() {
        ObjectCons o = assertInstanceOf(ObjectCons.class, expr("{\n a = 1, \"b c\" : 2\n (var.k) = 3\n d = 4\n}"));
        assertEquals(4, o.items().size());
        assertEquals("a", o.items().get(0).keyword());
        assertNull(o.items().get(1).keyword());
        assertTrue(o.items().get(2).parenthesized());
        assertNull(o.items().get(2).keyword());
        Tuple t = assertInstanceOf(Tuple.class, expr("[\n 1,\n 2,\n]"));
        assertEquals(2, t.elements().size());
    }

    // ---- templates ----------------------------------------------------------------------------------------------

    @Test
    void quotedStringEscapes() {
        assertEquals("${literal}", literal("\"$${literal}\""));
        assertEquals("%{literal}", literal("\"%%{literal}\""));
        assertEquals("costs $5 and 100%", literal("\"costs $5 and 100%\""));
        assertEquals("a\tb\n\"q\" \\ é 😀", literal("\"a\\tb\\n\\\"q\\\" \\\\ \\u00e9 \\U0001F600\""));
    }

    @Test
    void interpolationWithBracesInsideStrings() {
        Template t = assertInstanceOf(Template.class, expr("\"${jsonencode({a=\"}\"})}\""));
        assertEquals(1, t.parts().size());
        FunctionCall call = assertInstanceOf(FunctionCall.class,
                ((TemplatePart.Interpolation) t.parts().get(0)).expr());
        assertEquals("jsonencode({a=\"}\"})", call.raw());
    }

    @Test
    void stripMarkers() {
        Template t = assertInstanceOf(Template.class, expr("\"a   ${~ x ~}   b\""));
        assertEquals("a", ((TemplatePart.Literal) t.parts().get(0)).value());
        assertEquals("b", ((TemplatePart.Literal) t.parts().get(2)).value());
        TemplatePart.Interpolation i = (TemplatePart.Interpolation) t.parts().get(1);
        assertTrue(i.stripBefore() && i.stripAfter());
    }

    @Test
    void directives() {
        Template t = assertInstanceOf(Template.class, expr("\"%{ if var.on }yes%{ else }no%{ endif }\""));
        TemplatePart.If ifPart = assertInstanceOf(TemplatePart.If.class, t.parts().get(0));
        assertEquals("var.on", ifPart.condition().raw());
        assertEquals("yes", ((TemplatePart.Literal) ifPart.then().get(0)).value());
        assertEquals("no", ((TemplatePart.Literal) ifPart.otherwise().get(0)).value());

        Template f = assertInstanceOf(Template.class, expr("\"%{for k, v in m}${k}=${v};%{endfor}\""));
        TemplatePart.For forPart = assertInstanceOf(TemplatePart.For.class, f.parts().get(0));
        assertEquals("k", forPart.keyVar());
        assertEquals("v", forPart.valueVar());
        assertEquals(4, forPart.body().size());
        assertTrue(parse("x = \"%{ if a }open\"\n").hasErrors());
        assertTrue(parse("x = \"%{ endif }\"\n").hasErrors());
    }

    @Test
    void heredocs() {
        assertEquals("no dedent\n    kept\n", literal("<<EOT\nno dedent\n    kept\nEOT"));
        assertEquals("first\n\n  third\n", literal("<<-EOT\n    first\n\n      third\n  EOT"));
        assertEquals("backslash \\n stays, ${x}\n", literal("<<EOT\nbackslash \\n stays, $${x}\nEOT"));
        assertEquals("EOTX is not the end\n", literal("<<EOT\nEOTX is not the end\nEOT"));
        Template t = assertInstanceOf(Template.class, expr("<<-EOT\n${a} first\n      second\n    EOT"));
        assertTrue(t.heredoc());
        // an interpolation at the start of a line counts as indentation zero: nothing is removed
        assertEquals("      second\n", ((TemplatePart.Literal) t.parts().get(2)).value());
        Body body = ok("a = <<EOT\n}}} {{{\nEOT\nb = 2\n");
        assertEquals(2, body.attributes().size());
        assertEquals(4, body.attribute("b").orElseThrow().nameRange().startLine());
    }

    @Test
    void commentsAreSkipped() {
        Body body = ok("# c {\n// d }\n/* e\n { */ a = 1 # x\nb = \"# not a comment\" // y\n");
        assertEquals(2, body.attributes().size());
        assertEquals("# not a comment", ((Template) body.attribute("b").orElseThrow().expr()).literalValue());
    }

    // ---- errors -------------------------------------------------------------------------------------------------

    @Test
    void syntaxErrorIsLocated() {
        HclFile file = parse("locals {\n  l = [1 2]\n}\n");
        assertEquals(1, file.diagnostics().size());
        HclDiagnostic d = file.diagnostics().get(0);
        assertEquals(2, d.line());
        assertEquals(10, d.column());
        assertTrue(d.message().startsWith("Missing item separator"), d.message());
        assertEquals("test.tf:2:10: " + d.message(), d.toString());
    }

    @Test
    void recoversAtTheNextTopLevelBlock() {
        HclFile file = parse("resource \"a\" \"broken\" {\n  x = = 1\n}\n\nresource \"a\" \"fine\" {\n  y = 2\n}\n"
                + "locals {\n  bad = [\n}\nvariable \"v\" {}\n");
        assertEquals(2, file.diagnostics().size(), file.diagnostics().toString());
        assertEquals(2, file.diagnostics().get(0).line());
        List<Block> blocks = file.body().blocks();
        assertEquals(2, blocks.size());
        assertEquals(List.of("a", "fine"), blocks.get(0).labels());
        assertEquals("variable", blocks.get(1).type());
    }

    @Test
    void deepNestingIsReportedNotOverflowed() {
        for (String open : List.of("(", "[", "{a=", "-", "!", "\"${")) {
            String deep = "x = " + open.repeat(100_000) + "1\n";
            HclFile file = parse(deep);
            assertTrue(file.hasErrors(), open);
            assertTrue(file.diagnostics().get(0).message().startsWith("Nesting too deep"),
                    open + ": " + file.diagnostics().get(0));
        }
        HclFile chain = parse("x = " + "a + ".repeat(100_000) + "1\n");
        assertTrue(chain.diagnostics().get(0).message().startsWith("Nesting too deep"));
        HclFile traversal = parse("x = a" + ".b".repeat(100_000) + "\n");
        assertTrue(traversal.diagnostics().get(0).message().startsWith("Nesting too deep"));
        HclFile blocks = parse("a {\n".repeat(10_000));
        assertTrue(blocks.diagnostics().get(0).message().startsWith("Nesting too deep"));
        // moderate nesting is fine
        ok("x = " + "(".repeat(100) + "1" + ")".repeat(100) + "\n");
    }

    @Test
    void unterminatedConstructsEndWithAnError() {
        for (String src : List.of("x = \"abc", "x = <<EOT\nabc\n", "/* open", "x = [1,", "x = {", "a {", "x = \"${",
                "x = \"${a", "x = \"%{if a}", "a \"b", "x = <<", "x = <<EOT", "x = 1 ? 2", "x = f(1", "x = &")) {
            HclFile file = parse(src);
            assertTrue(file.hasErrors(), src);
            assertFalse(file.diagnostics().get(0).message().startsWith("Internal"), file.diagnostics().toString());
        }
    }
}
