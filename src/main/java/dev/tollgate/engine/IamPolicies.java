package dev.tollgate.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which statements of an IAM policy document (an S3 bucket policy, say) allow anyone.
 *
 * <p>A statement allows anyone when its {@code Effect} is {@code Allow} and its principal is a wildcard
 * ({@code "*"}, {@code {"AWS": "*"}}, an AWS principal containing {@code *}), or it names a {@code NotPrincipal}
 * (everyone but the named ones), unless a condition pins the caller down. The pinning keys follow Amazon S3's own
 * definition of a public policy ("The meaning of public", the same test Block Public Access applies): a set of CIDRs
 * in {@code aws:SourceIp} other than the whole internet, or a fixed {@code aws:SourceArn}, {@code aws:SourceVpc},
 * {@code aws:SourceVpce}, {@code aws:SourceOwner}, {@code aws:SourceAccount}, {@code aws:userid},
 * {@code s3:x-amz-server-side-encryption-aws-kms-key-id}; plus {@code aws:PrincipalOrgID},
 * {@code aws:PrincipalAccount} and {@code aws:PrincipalArn}, which restrict the caller to identified principals
 * (IAM Access Analyzer does not call those public either). "Fixed" means: no wildcard, no policy variable, under an
 * operator that is neither negated ({@code StringNotEquals}) nor {@code ...IfExists} (a request without the key
 * would pass) nor {@code Null}.
 */
final class IamPolicies {

    private static final Set<String> PINNING_KEYS = Set.of(
            "aws:sourceip", "aws:sourcearn", "aws:sourcevpc", "aws:sourcevpce", "aws:sourceowner",
            "aws:sourceaccount", "aws:userid", "s3:x-amz-server-side-encryption-aws-kms-key-id",
            "aws:principalorgid", "aws:principalaccount", "aws:principalarn");
    private static final Set<String> WHOLE_INTERNET = Set.of("0.0.0.0/0", "::/0");

    private IamPolicies() {
    }

    /**
     * The statements of {@code document} (a decoded policy map, or its JSON text) that allow anyone, in document
     * order; an empty list when none does or the document is not a policy.
     */
    static List<Object> publicStatements(Object document) {
        Object doc = document instanceof String s ? JsonText.decode(s) : document;
        if (!(doc instanceof Map<?, ?> map)) {
            return List.of();
        }
        Object statements = map.get("Statement");
        List<?> list = statements instanceof List<?> l ? l : statements == null ? List.of() : List.of(statements);
        List<Object> out = new ArrayList<>();
        for (Object st : list) {
            if (st instanceof Map<?, ?> statement && allowsAnyone(statement)) {
                out.add(statement);
            }
        }
        return out;
    }

    private static boolean allowsAnyone(Map<?, ?> statement) {
        if (!"Allow".equals(statement.get("Effect"))) {
            return false;
        }
        boolean anyone = statement.containsKey("NotPrincipal") || isWildcardPrincipal(statement.get("Principal"));
        return anyone && !pinnedByCondition(statement.get("Condition"));
    }

    private static boolean isWildcardPrincipal(Object principal) {
        if (principal instanceof String s) {
            return s.equals("*");
        }
        if (principal instanceof Map<?, ?> m) {
            return values(m.get("AWS")).stream().anyMatch(v -> v.contains("*"));
        }
        return false;
    }

    private static boolean pinnedByCondition(Object condition) {
        if (!(condition instanceof Map<?, ?> operators)) {
            return false;
        }
        for (var op : operators.entrySet()) {
            String operator = String.valueOf(op.getKey()).toLowerCase(Locale.ROOT);
            if (operator.contains("not") || operator.endsWith("ifexists") || operator.equals("null")
                    || operator.startsWith("forallvalues:") || !(op.getValue() instanceof Map<?, ?> keys)) {
                // ForAllValues is true for a request with no value at all, so it pins nothing either.
                continue;
            }
            for (var k : keys.entrySet()) {
                String key = String.valueOf(k.getKey()).toLowerCase(Locale.ROOT);
                if (PINNING_KEYS.contains(key) && k.getValue() == null) {
                    // A value known only after apply (a distribution's ARN): it may well pin the caller, so the
                    // statement is not proven public. Not reporting it keeps unknowns from becoming false alarms.
                    return true;
                }
                List<String> vals = values(k.getValue());
                if (PINNING_KEYS.contains(key) && !vals.isEmpty() && vals.stream().allMatch(v -> fixed(key, v))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean fixed(String key, String value) {
        if (key.equals("aws:sourceip")) {
            return !WHOLE_INTERNET.contains(value.strip());
        }
        return !value.isBlank() && !value.contains("*") && !value.contains("?") && !value.contains("${");
    }

    /** A string, or a list's strings (other elements ignored), as a list. */
    private static List<String> values(Object v) {
        if (v instanceof String s) {
            return List.of(s);
        }
        if (v instanceof List<?> l) {
            return l.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
