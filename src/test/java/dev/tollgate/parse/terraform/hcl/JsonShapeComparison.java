package dev.tollgate.parse.terraform.hcl;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares our JSON shape with hcl2json's. Blocks, attribute names and literal values must agree exactly; any
 * string holding a template sequence ({@code ${} or {@code %{}) matches any other such string, because
 * hcl2json prints expressions normalised by HCL and we print the raw source. Numbers compare as doubles, since
 * the recorded JSON went through JavaScript.
 */
final class JsonShapeComparison {

    private JsonShapeComparison() {
    }

    /** The path of the first difference with a short explanation, or null when the two agree. */
    static String firstDifference(Object ours, Object theirs) {
        return diff(ours, theirs, "$");
    }

    private static String diff(Object ours, Object theirs, String path) {
        if (ours instanceof Map<?, ?> oursMap && theirs instanceof Map<?, ?> theirsMap) {
            Map<String, Object> a = canonicalKeys(oursMap);
            Map<String, Object> b = canonicalKeys(theirsMap);
            TreeSet<String> keys = new TreeSet<>(a.keySet());
            keys.addAll(b.keySet());
            for (String key : keys) {
                String child = path + "." + key;
                if (!a.containsKey(key)) {
                    return child + ": missing in ours";
                }
                if (!b.containsKey(key)) {
                    return child + ": missing in hcl2json";
                }
                String d = diff(a.get(key), b.get(key), child);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (ours instanceof List<?> a && theirs instanceof List<?> b) {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                String d = diff(a.get(i), b.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return a.size() == b.size() ? null
                    : path + ": " + a.size() + " items in ours, " + b.size() + " in hcl2json";
        }
        if (ours instanceof String a && theirs instanceof String b) {
            if (a.equals(b) || (isTemplate(a) && isTemplate(b))) {
                return null;
            }
        } else if (ours instanceof BigDecimal a && theirs instanceof BigDecimal b) {
            if (a.doubleValue() == b.doubleValue()) {
                return null;
            }
        } else if (ours == null ? theirs == null : ours.equals(theirs)) {
            return null;
        }
        return path + ": ours " + show(ours) + ", hcl2json " + show(theirs);
    }

    /** Object keys that are expressions are printed differently by each side: compare them as one placeholder. */
    private static Map<String, Object> canonicalKeys(Map<?, ?> map) {
        Map<String, Object> out = new TreeMap<>();
        int n = 0;
        for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
            String key = (String) e.getKey();
            out.put(isTemplate(key) ? "${expression " + n++ + "}" : key, e.getValue());
        }
        return out;
    }

    private static boolean isTemplate(String s) {
        return s.contains("${") || s.contains("%{");
    }

    private static String show(Object value) {
        String s = Json.write(value).strip().replace("\n", " ");
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
