package dev.tollgate.engine;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * JSON held in a string attribute, as CEL values: Terraform's {@code jsonencode(...)}, a heredoc or a quoted string
 * all reach a policy as the same JSON text (an S3 bucket policy, an IAM document), and the policy needs its structure.
 */
final class JsonText {

    /** Duplicate keys are rejected, as AWS rejects them in policy documents; a text that fails decodes to {}. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonText() {
    }

    /**
     * The decoded value, converted as every other CEL value ({@link CelValues}), or an empty map when the text is not
     * JSON: a policy reads fields with {@code has()} or optional syntax, so an invalid document is simply one that
     * grants nothing; whether the text is valid JSON at all is Terraform's and AWS's to reject, not a policy's.
     */
    static Object decode(String text) {
        try {
            return CelValues.of(MAPPER.readValue(text, Object.class));
        } catch (JacksonException e) {
            return Map.of();
        }
    }
}
