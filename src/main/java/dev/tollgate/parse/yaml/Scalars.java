package dev.tollgate.parse.yaml;

import java.math.BigInteger;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Types a scalar by the tag SnakeYAML's YAML 1.1 resolver gave it. */
final class Scalars {

    private Scalars() {
    }

    static Object value(ScalarNode node) {
        String text = node.getValue();
        Tag tag = node.getTag();
        if (tag == Tag.STR) {
            return text; // most scalars, and the resolver's own constant: no need to compare names with the others
        }
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "on" -> Boolean.TRUE;
                case "false", "no", "n", "off" -> Boolean.FALSE;
                default -> text;
            };
        }
        if (Tag.INT.equals(tag)) {
            return integer(text);
        }
        if (Tag.FLOAT.equals(tag)) {
            return floating(text);
        }
        return text;
    }

    private static Object integer(String text) {
        String t = text.replace("_", "");
        int sign = 1;
        if (t.startsWith("-")) {
            sign = -1;
            t = t.substring(1);
        } else if (t.startsWith("+")) {
            t = t.substring(1);
        }
        try {
            BigInteger v;
            if (t.startsWith("0x")) {
                v = new BigInteger(t.substring(2), 16);
            } else if (t.startsWith("0o")) {
                v = new BigInteger(t.substring(2), 8);
            } else if (t.startsWith("0b")) {
                v = new BigInteger(t.substring(2), 2);
            } else if (t.length() > 1 && t.startsWith("0") && t.chars().allMatch(Character::isDigit)) {
                v = new BigInteger(t, 8); // YAML 1.1 octal
            } else if (t.contains(":")) {
                return text; // sexagesimal: keep as written
            } else {
                v = new BigInteger(t);
            }
            v = sign < 0 ? v.negate() : v;
            return v.bitLength() < 64 ? (Object) v.longValue() : (Object) v.doubleValue();
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static Object floating(String text) {
        String t = text.replace("_", "").toLowerCase(Locale.ROOT);
        switch (t) {
            case ".inf", "+.inf":
                return Double.POSITIVE_INFINITY;
            case "-.inf":
                return Double.NEGATIVE_INFINITY;
            case ".nan":
                return Double.NaN;
            default:
                try {
                    return Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    return text;
                }
        }
    }
}
