package dev.tollgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** json_decode and iam_public_statements: the helpers the Terraform policies call. */
class TerraformFunctionsTest {

    @Test
    void jsonDecode_givesCelValues() {
        Object v = JsonText.decode("{\"a\": 1, \"b\": [true, null, 2.5], \"c\": {\"d\": \"x\"}}");
        assertEquals(Map.of("a", 1L, "b", List.of(true, com.google.protobuf.NullValue.NULL_VALUE, 2.5),
                "c", Map.of("d", "x")), v);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\": 1} trailing", "{\"a\": 1, \"a\": 2}", "not json", "${var.policy}"})
    void jsonDecode_invalidTextIsAnEmptyMap(String text) {
        assertEquals(Map.of(), JsonText.decode(text));
    }

    private static List<Object> publicOf(String statements) {
        return IamPolicies.publicStatements("{\"Version\": \"2012-10-17\", \"Statement\": " + statements + "}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\"}",
        "[{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}, \"Action\": \"s3:*\"}]",
        "[{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": [\"arn:aws:iam::111122223333:root\", \"*\"]}, "
                + "\"Action\": \"s3:*\"}]",
        "[{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::*:root\"}, \"Action\": \"s3:*\"}]",
        "[{\"Effect\": \"Allow\", \"NotPrincipal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"}, "
                + "\"Action\": \"s3:*\"}]",
        // conditions that do not pin the caller down
        "[{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:*\", "
                + "\"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"true\"}}}]",
        "[{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:*\", "
                + "\"Condition\": {\"StringNotEquals\": {\"aws:SourceVpce\": \"vpce-1a2b3c4d\"}}}]",
        "[{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:*\", "
                + "\"Condition\": {\"StringEqualsIfExists\": {\"aws:SourceVpce\": \"vpce-1a2b3c4d\"}}}]",
        "[{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:*\", "
                + "\"Condition\": {\"StringLike\": {\"aws:SourceArn\": \"arn:aws:cloudfront::*\"}}}]",
        "[{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:*\", "
                + "\"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"0.0.0.0/0\"}}}]",
        "[{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:*\", "
                + "\"Condition\": {\"StringEquals\": {\"aws:userid\": \"AROAEXAMPLE:*\"}}}]"})
    void publicStatements_findAllowToAnyone(String statements) {
        assertEquals(1, publicOf(statements).size(), statements);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[{\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"s3:*\", "
                + "\"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"false\"}}}]",
        "[{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:role/app\"}, "
                + "\"Action\": \"s3:GetObject\"}]",
        "[{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"cloudfront.amazonaws.com\"}, "
                + "\"Action\": \"s3:GetObject\"}]",
        "[{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", "
                + "\"Condition\": {\"StringEquals\": {\"aws:SourceVpce\": \"vpce-1a2b3c4d\"}}}]",
        "[{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", "
                + "\"Condition\": {\"StringEquals\": {\"aws:PrincipalOrgID\": [\"o-abc123\"]}}}]",
        "[{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", "
                + "\"Condition\": {\"IpAddress\": {\"aws:SourceIp\": [\"203.0.113.0/24\"]}}}]",
        "[{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}, \"Action\": \"s3:GetObject\", "
                + "\"Condition\": {\"ArnEquals\": {\"aws:SourceArn\": "
                + "\"arn:aws:cloudfront::111122223333:distribution/E1\"}}}]",
        "[]", "\"not a statement\""})
    void publicStatements_ignoreDenyFixedPrincipalsAndPinningConditions(String statements) {
        assertEquals(List.of(), publicOf(statements), statements);
    }

    /** Through CEL: is_map holds where type() fails (a map holding an unknown), and json_decode feeds field access. */
    @Test
    void isMapAndJsonDecode_inCel() throws Exception {
        CelEnvironment env = new CelEnvironment();
        java.util.Map<String, Object> raw = new java.util.LinkedHashMap<>();
        raw.put("acl", new dev.tollgate.model.Unknown("var.acl"));
        raw.put("policy", "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\"}]}");
        java.util.Map<String, Object> vars = new java.util.HashMap<>();
        vars.put("resource", CelValues.of(raw));
        vars.put("item", CelValues.of(raw));
        vars.put("meta", Map.of());
        vars.put("related", List.of());
        assertEquals(true, env.program(env.compile("is_map(item)")).eval(vars));
        assertEquals(false, env.program(env.compile("is_map(resource.policy)")).eval(vars));
        assertEquals("*", env.program(env.compile("json_decode(resource.policy).Statement[0].Principal")).eval(vars));
        assertEquals(1L, env.program(env.compile("size(iam_public_statements(resource.policy))")).eval(vars));
        assertEquals(true, env.program(env.compile("is_map(resource.acl)")).eval(vars)
                instanceof dev.cel.runtime.CelUnknownSet);
    }

    @Test
    void publicStatements_acceptADecodedMapAndIgnoreNonPolicies() {
        Object doc = JsonText.decode(
                "{\"Statement\": [{\"Sid\": \"Public\", \"Effect\": \"Allow\", \"Principal\": \"*\"}]}");
        List<Object> out = IamPolicies.publicStatements(doc);
        assertEquals("Public", ((Map<?, ?>) out.get(0)).get("Sid"));
        assertEquals(List.of(), IamPolicies.publicStatements("not json"));
        assertEquals(List.of(), IamPolicies.publicStatements(42L));
        assertEquals(List.of(), IamPolicies.publicStatements(Map.of("Statement", "x")));
    }
}
