package dev.tollgate.parse.terraform.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Terraform's JSON configuration syntax read into the native-syntax tree, with lines kept. */
class JsonConfigParserTest {

    private static final String CONFIG = """
            {
              "//": "generated",
              "locals": { "version": "1.2.3", "name": "app-${var.env}" },
              "variable": {
                "env": { "type": "list(string)", "default": ["${not-a-template}"] }
              },
              "resource": {
                "aws_s3_bucket": {
                  "logs": [{ "bucket": "${local.name}-logs", "tags": { "Team": "x" },
                             "versioning": { "enabled": true }, "count": 2 }]
                }
              }
            }
            """;

    @Test
    void blocksLabelsAttributesAndLines() {
        HclFile f = JsonConfigParser.parse(CONFIG, "main.tf.json");
        assertEquals(List.of(), f.diagnostics());
        Body top = f.body();
        assertEquals(List.of("locals", "variable", "resource"), top.blocks().stream().map(Block::type).toList());

        Block locals = top.blocks("locals").get(0);
        assertEquals(List.of("version", "name"), locals.body().attributes().stream().map(Attribute::name).toList());
        assertEquals(3, locals.body().attribute("version").orElseThrow().nameRange().startLine());

        Block resource = top.blocks("resource").get(0);
        assertEquals(List.of("aws_s3_bucket", "logs"), resource.labels());
        assertEquals(8, resource.labelRanges().get(0).startLine());
        Body body = resource.body();
        assertEquals(List.of("bucket", "tags", "count"), body.attributes().stream().map(Attribute::name).toList());
        // An object is a nested block, except the map attributes tags, tags_all and labels.
        assertEquals(List.of("versioning"), body.blocks().stream().map(Block::type).toList());
        assertEquals(10, body.blocks().get(0).typeRange().startLine());
    }

    @Test
    void stringsAreTemplates_butNotVariableDefaults_andTypeIsAnExpression() {
        Body top = JsonConfigParser.parse(CONFIG, "main.tf.json").body();
        Expression.Template name = assertInstanceOf(Expression.Template.class,
                top.blocks("locals").get(0).body().attribute("name").orElseThrow().expr());
        TemplatePart.Interpolation env = assertInstanceOf(TemplatePart.Interpolation.class, name.parts().get(1));
        assertEquals("var.env", env.expr().raw());
        assertEquals(3, env.expr().range().startLine());

        Body variable = top.blocks("variable").get(0).body();
        Expression.Tuple dflt = assertInstanceOf(Expression.Tuple.class,
                variable.attribute("default").orElseThrow().expr());
        Expression.Template literal = assertInstanceOf(Expression.Template.class, dflt.elements().get(0));
        assertTrue(literal.isLiteral());
        assertEquals("${not-a-template}", literal.literalValue());
        Expression.FunctionCall type = assertInstanceOf(Expression.FunctionCall.class,
                variable.attribute("type").orElseThrow().expr());
        assertEquals("list", type.name());
    }

    @Test
    void invalidJson_isADiagnosticAtItsLine_neverAnException() {
        HclFile f = JsonConfigParser.parse("{\n  \"locals\": {\n    \"a\": tru\n  }\n}\n", "bad.tf.json");
        assertEquals(1, f.diagnostics().size());
        assertEquals(3, f.diagnostics().get(0).line());
        assertEquals(List.of(), f.body().blocks());

        HclFile deep = JsonConfigParser.parse("[".repeat(100_000), "deep.tf.json");
        assertTrue(deep.diagnostics().get(0).message().contains("nested too deeply"), deep.diagnostics().toString());

        HclFile array = JsonConfigParser.parse("[1, 2]", "array.tf.json");
        assertEquals(1, array.diagnostics().size());
    }
}
