package dev.tollgate.engine;

import java.util.List;
import java.util.Map;

/**
 * The string at a JSON pointer inside a resource's CEL data, read without touching unknown values. A policy that
 * looks at every leaf ({@code select: "$..*"}) for text written in the configuration would otherwise give UNKNOWN for
 * every computed attribute, since cel-java turns any expression over an unknown leaf into an unknown; a value known
 * only after apply is by definition not written in the configuration, so for such questions it reads as "".
 */
final class KnownStrings {

    private KnownStrings() {
    }

    /**
     * The string at {@code pointer} ({@code /environment/0/variables/TOKEN}) within {@code container}; "" when the
     * path does not exist, leads through or ends at an unknown (a Java null) or a null, or ends at a non-string.
     */
    static String at(Object container, String pointer) {
        Object cur = container;
        if (!pointer.isEmpty()) {
            for (String raw : pointer.substring(1).split("/", -1)) {
                String token = dev.tollgate.model.LocationIndex.unescape(raw);
                if (cur instanceof Map<?, ?> m) {
                    cur = m.get(token);
                } else if (cur instanceof List<?> l && !token.isEmpty() && token.chars().allMatch(Character::isDigit)
                        && token.length() < 10 && Integer.parseInt(token) < l.size()) {
                    cur = l.get(Integer.parseInt(token));
                } else {
                    return "";
                }
            }
        }
        return cur instanceof String s ? s : "";
    }
}
