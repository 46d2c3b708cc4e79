package dev.tollgate.parse.terraform;

import static dev.tollgate.parse.terraform.Values.bool;
import static dev.tollgate.parse.terraform.Values.list;
import static dev.tollgate.parse.terraform.Values.map;
import static dev.tollgate.parse.terraform.Values.number;
import static dev.tollgate.parse.terraform.Values.string;

import dev.tollgate.model.Unknown;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Terraform's built-in functions that need nothing but their arguments. {@code try}, {@code can}, {@code file} and
 * {@code templatefile} need the evaluator and live there. A function not listed here gives an unknown value: the
 * policy that reads it is neither passed nor failed, never misjudged.
 */
final class Functions {

    /** Marker: this function is not implemented. */
    static final Object UNSUPPORTED = new Object();

    /** Functions whose result depends on every element: an unknown anywhere inside an argument makes it unknown. */
    private static final Set<String> DEEP = Set.of("jsonencode", "join", "toset", "distinct", "flatten", "contains",
            "max", "min", "sort", "format", "sum", "index", "compact", "zipmap", "tomap", "coalescelist", "one",
            "base64encode", "sha256", "md5", "alltrue", "anytrue", "setunion", "setintersection", "setsubtract",
            "formatlist", "transpose");

    private Functions() {
    }

    static Object call(String name, List<Object> args, String raw) {
        if (name.equals("coalesce")) {
            return coalesce(args, raw);
        }
        // A resource, data source or module given whole (length(aws_instance.app)) is an object whose attributes
        // come from a provider schema or module outputs this scan does not know all of: unknown, like its parts.
        if (DEEP.contains(name) ? args.stream().anyMatch(Values::deepUnknown)
                : args.stream().anyMatch(a -> Values.isUnknown(a) || a instanceof Namespace)) {
            if (name.equals("jsonencode") && args.size() == 1 && !Values.isUnknown(args.get(0))) {
                // The JSON text is unknown, but its structure is not: keep it for policies (IAM documents).
                return new Unknown(raw, Values.output(args.get(0), raw));
            }
            return new Unknown(raw);
        }
        return switch (name) {
            case "jsonencode" -> Json.encode(arg(args, 0, 1));
            case "jsondecode" -> Json.decode(string(arg(args, 0, 1)));
            case "lookup" -> lookup(args);
            case "merge" -> merge(args);
            case "concat" -> concat(args);
            case "format" -> Format.format(string(args.isEmpty() ? null : args.get(0)), args.subList(1, args.size()));
            case "lower" -> string(arg(args, 0, 1)).toLowerCase(Locale.ROOT);
            case "upper" -> string(arg(args, 0, 1)).toUpperCase(Locale.ROOT);
            case "title" -> title(string(arg(args, 0, 1)));
            case "tostring" -> nullOr(arg(args, 0, 1), Values::string);
            case "tonumber" -> nullOr(arg(args, 0, 1), Values::number);
            case "tobool" -> nullOr(arg(args, 0, 1), Values::bool);
            case "length" -> length(arg(args, 0, 1));
            case "element" -> element(args);
            case "contains" -> contains(list(arg(args, 0, 2)), args.get(1));
            case "index" -> index(list(arg(args, 0, 2)), args.get(1));
            case "keys" -> new ArrayList<Object>(new TreeMap<>(map(arg(args, 0, 1))).keySet());
            case "values" -> new ArrayList<>(new TreeMap<>(map(arg(args, 0, 1))).values());
            case "toset", "distinct" -> toSet(list(arg(args, 0, 1)), name.equals("toset"));
            case "tolist" -> List.copyOf(list(arg(args, 0, 1)));
            case "tomap" -> map(arg(args, 0, 1));
            case "replace" -> replace(string(arg(args, 0, 3)), string(args.get(1)), string(args.get(2)), raw);
            case "split" -> split(string(arg(args, 0, 2)), string(args.get(1)));
            case "join" -> join(args);
            case "trimspace" -> string(arg(args, 0, 1)).strip();
            case "trim" -> trim(string(arg(args, 0, 2)), string(args.get(1)));
            case "trimprefix" -> trimPrefix(string(arg(args, 0, 2)), string(args.get(1)));
            case "trimsuffix" -> trimSuffix(string(arg(args, 0, 2)), string(args.get(1)));
            case "substr" -> substr(string(arg(args, 0, 3)), number(args.get(1)).intValue(),
                    number(args.get(2)).intValue());
            case "startswith" -> string(arg(args, 0, 2)).startsWith(string(args.get(1)));
            case "endswith" -> string(arg(args, 0, 2)).endsWith(string(args.get(1)));
            case "strrev" -> new StringBuilder(string(arg(args, 0, 1))).reverse().toString();
            case "flatten" -> flatten(list(arg(args, 0, 1)), new ArrayList<>());
            case "compact" -> list(arg(args, 0, 1)).stream().filter(v -> v != null && !"".equals(v)).toList();
            case "reverse" -> reverse(list(arg(args, 0, 1)));
            case "sort" -> list(arg(args, 0, 1)).stream().map(Values::string).sorted().map(s -> (Object) s).toList();
            case "slice" -> slice(list(arg(args, 0, 3)), number(args.get(1)).intValue(),
                    number(args.get(2)).intValue());
            case "zipmap" -> zipmap(list(arg(args, 0, 2)), list(args.get(1)));
            case "one" -> one(list(arg(args, 0, 1)));
            case "coalescelist" -> args.stream().filter(a -> !list(a).isEmpty()).findFirst()
                    .orElseThrow(() -> new EvalException("coalescelist: no non-empty list"));
            case "max", "min" -> extreme(args, name.equals("max"));
            case "sum" -> list(arg(args, 0, 1)).stream().map(Values::number).reduce(BigDecimal.ZERO, BigDecimal::add);
            case "abs" -> number(arg(args, 0, 1)).abs();
            case "ceil" -> number(arg(args, 0, 1)).setScale(0, RoundingMode.CEILING);
            case "floor" -> number(arg(args, 0, 1)).setScale(0, RoundingMode.FLOOR);
            case "base64encode" -> Base64.getEncoder()
                    .encodeToString(string(arg(args, 0, 1)).getBytes(StandardCharsets.UTF_8));
            case "base64decode" -> base64decode(string(arg(args, 0, 1)));
            case "sha256" -> digest("SHA-256", string(arg(args, 0, 1)));
            case "md5" -> digest("MD5", string(arg(args, 0, 1)));
            case "alltrue" -> list(arg(args, 0, 1)).stream().allMatch(Functions::truth);
            case "anytrue" -> list(arg(args, 0, 1)).stream().anyMatch(Functions::truth);
            case "strcontains" -> string(arg(args, 0, 2)).contains(string(args.get(1)));
            case "range" -> range(args);
            case "setunion" -> setOperation(args, name);
            case "setintersection" -> setOperation(args, name);
            case "setsubtract" -> setOperation(args, name);
            case "formatlist" -> formatList(args);
            case "basename" -> GoPaths.base(string(arg(args, 0, 1)));
            case "dirname" -> GoPaths.dir(string(arg(args, 0, 1)));
            case "pathexpand" -> pathExpand(string(arg(args, 0, 1)), raw);
            case "urlencode" -> urlEncode(string(arg(args, 0, 1)));
            case "yamldecode" -> YamlDecode.decode(string(arg(args, 0, 1)), raw);
            case "regex" -> regex(string(arg(args, 0, 2)), string(args.get(1)), false, raw);
            case "regexall" -> regex(string(arg(args, 0, 2)), string(args.get(1)), true, raw);
            case "cidrsubnet" -> Cidr.subnet(string(arg(args, 0, 3)), number(args.get(1)), number(args.get(2)), raw);
            case "cidrhost" -> Cidr.host(string(arg(args, 0, 2)), number(args.get(1)), raw);
            case "cidrnetmask" -> Cidr.netmask(string(arg(args, 0, 1)));
            case "cidrsubnets" -> Cidr.subnets(string(args.isEmpty() ? null : args.get(0)),
                    args.stream().skip(1).map(Values::number).toList(), raw);
            case "setproduct" -> setProduct(args);
            case "chunklist" -> chunkList(list(arg(args, 0, 2)), number(args.get(1)), raw);
            case "transpose" -> transpose(map(arg(args, 0, 1)));
            default -> UNSUPPORTED;
        };
    }

    /** An element of alltrue/anytrue: a bool or the strings "true"/"false"; null counts as false, as in Terraform. */
    private static boolean truth(Object v) {
        return v != null && Values.bool(v);
    }

    /**
     * Terraform's range: range(limit), range(start, limit) or range(start, limit, step), the step's sign following
     * start and limit when not given; at most 1024 numbers, as Terraform allows.
     */
    private static List<Object> range(List<Object> args) {
        if (args.isEmpty() || args.size() > 3) {
            throw new EvalException("range expects 1 to 3 arguments, got " + args.size());
        }
        BigDecimal start = args.size() == 1 ? BigDecimal.ZERO : Values.number(args.get(0));
        BigDecimal limit = Values.number(args.get(args.size() == 1 ? 0 : 1));
        BigDecimal step = args.size() == 3 ? Values.number(args.get(2))
                : start.compareTo(limit) <= 0 ? BigDecimal.ONE : BigDecimal.ONE.negate();
        if (step.signum() == 0) {
            throw new EvalException("range: step must not be zero");
        }
        if ((start.compareTo(limit) < 0 && step.signum() < 0) || (start.compareTo(limit) > 0 && step.signum() > 0)) {
            throw new EvalException("range: the step goes away from the limit");
        }
        List<Object> out = new ArrayList<>();
        for (BigDecimal v = start; step.signum() > 0 ? v.compareTo(limit) < 0 : v.compareTo(limit) > 0;
                v = v.add(step)) {
            if (out.size() == MAX_RANGE) {
                throw new EvalException("range: more than " + MAX_RANGE + " values");
            }
            out.add(v);
        }
        return out;
    }

    /**
     * chunklist(list, size): the list cut into lists of {@code size} elements, the last one shorter; size 0 gives the
     * whole list as the one chunk, as Terraform does.
     */
    private static Object chunkList(List<Object> list, BigDecimal size, String raw) {
        if (size.signum() < 0) {
            throw new EvalException("chunklist: the size argument must be positive");
        }
        if (size.stripTrailingZeros().scale() > 0) {
            return new Unknown(raw); // Terraform rejects a fraction converting it to a whole number; not reproduced
        }
        if (list.isEmpty()) {
            return new ArrayList<>();
        }
        int n = size.compareTo(BigDecimal.valueOf(list.size())) >= 0 ? list.size() : size.intValue();
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += n == 0 ? list.size() : n) {
            out.add(new ArrayList<>(list.subList(i, n == 0 ? list.size() : Math.min(list.size(), i + n))));
        }
        return out;
    }

    /**
     * transpose(map of lists of strings): each string to the keys whose lists hold it. Terraform visits the keys in
     * lexical order, so each resulting list is in that order, and the result's keys are too.
     */
    private static Object transpose(Map<String, Object> in) {
        Map<String, Object> out = new TreeMap<>();
        for (Map.Entry<String, Object> e : new TreeMap<>(in).entrySet()) {
            for (Object v : list(e.getValue())) {
                if (v == null || v instanceof List || v instanceof Map) {
                    throw new EvalException("transpose: input must be a map of lists of strings");
                }
                @SuppressWarnings("unchecked")
                List<Object> keys = (List<Object>) out.computeIfAbsent(string(v), k -> new ArrayList<>());
                keys.add(e.getKey());
            }
        }
        return new LinkedHashMap<>(out);
    }

    /**
     * Every combination of one element of each argument, the first argument varying slowest, as Terraform's
     * setproduct. It returns a set when an argument is a set, whose order follows cty's hashes; here every collection
     * is a list, but a set result cannot be indexed in Terraform anyway, so only its elements matter.
     */
    private static List<Object> setProduct(List<Object> args) {
        if (args.size() < 2) {
            throw new EvalException("setproduct: at least two arguments are required");
        }
        if (args.stream().anyMatch(a -> list(a).isEmpty())) {
            return new ArrayList<>(); // before counting: the partial products of the others could be large
        }
        long size = 1;
        for (Object a : args) {
            size *= list(a).size();
            if (size > Values.MAX_OUTPUT_NODES) {
                throw new EvalException("setproduct: the result is over " + Values.MAX_OUTPUT_NODES + " elements");
            }
        }
        List<Object> out = new ArrayList<>((int) size);
        out.add(List.of());
        for (Object a : args) {
            List<Object> next = new ArrayList<>((int) size);
            for (Object prefix : out) {
                for (Object x : list(a)) {
                    List<Object> combination = new ArrayList<>((List<?>) prefix);
                    combination.add(x);
                    next.add(combination);
                }
            }
            out = next;
        }
        return out;
    }

    /** Terraform refuses a range of more values than this. */
    private static final int MAX_RANGE = 1024;

    /** setunion, setintersection, setsubtract: sets as toset gives them (strings sorted, duplicates once). */
    private static List<Object> setOperation(List<Object> args, String name) {
        if (args.isEmpty() || (name.equals("setsubtract") && args.size() != 2)) {
            throw new EvalException(name + ": wrong number of arguments");
        }
        List<Object> out = new ArrayList<>();
        if (name.equals("setunion")) {
            for (Object a : args) {
                out.addAll(list(a));
            }
            return toSet(out, true);
        }
        long[] left = {Values.MAX_COMPARED};
        for (Object x : toSet(list(args.get(0)), true)) {
            boolean inAll = true;
            boolean inAny = false;
            for (Object other : args.subList(1, args.size())) {
                boolean found = false;
                for (Object y : list(other)) {
                    if (Values.equal(x, y, left)) {
                        found = true;
                        break;
                    }
                }
                inAll &= found;
                inAny |= found;
            }
            if (name.equals("setintersection") ? inAll : !inAny) {
                out.add(x);
            }
        }
        return out;
    }

    /** formatlist: format over lists of one length (scalars repeat), one string per position. */
    private static List<Object> formatList(List<Object> args) {
        if (args.isEmpty()) {
            throw new EvalException("formatlist expects a format and its arguments");
        }
        int n = -1;
        for (Object a : args.subList(1, args.size())) {
            if (a instanceof List<?> l) {
                if (n >= 0 && n != l.size()) {
                    throw new EvalException("formatlist: the lists are of different lengths");
                }
                n = l.size();
            }
        }
        if (n < 0) {
            n = 1;
        }
        String spec = string(args.get(0));
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Object> row = new ArrayList<>(args.size() - 1);
            for (Object a : args.subList(1, args.size())) {
                row.add(a instanceof List<?> l ? l.get(i) : a);
            }
            out.add(Format.format(spec, row));
        }
        return out;
    }

    /**
     * Terraform's regex (the first match; an error when there is none) and regexall (every match). A match is the
     * matched text when the pattern has no capture group, the list of groups when they are unnamed, and a map by name
     * when they are named (a group that took no part is null). Terraform's patterns are Go's RE2, so they run on
     * RE2J: the same syntax, and time linear in the text, where java.util.regex backtracks and a hostile pattern could
     * hold the scan for hours. One RE2J cannot read is unknown, not wrong.
     */
    private static Object regex(String pattern, String text, boolean all, String raw) {
        com.google.re2j.Pattern p = re2(pattern);
        if (p == null) {
            return new Unknown(raw);
        }
        Map<String, Integer> named = p.namedGroups();
        if (!named.isEmpty() && named.size() != p.groupCount()) {
            throw new EvalException("regex: a pattern cannot mix named and unnamed capture groups");
        }
        List<Map.Entry<String, Integer>> names = new ArrayList<>(named.entrySet());
        names.sort(Map.Entry.comparingByValue());
        com.google.re2j.Matcher m = p.matcher(text);
        List<Object> matches = new ArrayList<>();
        int previousEnd = -1;
        while (m.find()) {
            // Go's FindAll ignores an empty match that abuts the previous match; java-style find() would keep it.
            if (m.start() == m.end() && m.start() == previousEnd) {
                continue;
            }
            previousEnd = m.end();
            matches.add(match(m, names));
            if (!all) {
                return matches.get(0);
            }
        }
        if (!all) {
            throw new EvalException("regex: the pattern did not match the string");
        }
        return matches;
    }

    /** The compiled RE2 pattern, or null when RE2J cannot read it. */
    private static com.google.re2j.Pattern re2(String pattern) {
        try {
            return com.google.re2j.Pattern.compile(pattern);
        } catch (com.google.re2j.PatternSyntaxException e) {
            return null;
        }
    }

    private static Object match(com.google.re2j.Matcher m, List<Map.Entry<String, Integer>> names) {
        if (m.groupCount() == 0) {
            return m.group();
        }
        if (!names.isEmpty()) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> name : names) {
                out.put(name.getKey(), m.group(name.getValue()));
            }
            return out;
        }
        List<Object> out = new ArrayList<>(m.groupCount());
        for (int g = 1; g <= m.groupCount(); g++) {
            out.add(m.group(g));
        }
        return out;
    }

    /** A path beginning with the user's home ({@code ~}) depends on who runs Terraform: unknown here. */
    private static Object pathExpand(String path, String raw) {
        return path.equals("~") || path.startsWith("~/") ? new Unknown(raw) : path;
    }

    /** Go's url.QueryEscape, as Terraform's urlencode: unreserved characters kept, space as +, the rest %XX. */
    private static String urlEncode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                out.append(c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    private static Object arg(List<Object> args, int i, int expected) {
        if (args.size() != expected) {
            throw new EvalException("expected " + expected + " argument(s), got " + args.size());
        }
        return args.get(i);
    }

    private static Object nullOr(Object v, java.util.function.Function<Object, Object> f) {
        return v == null ? null : f.apply(v);
    }

    /** The first argument that is neither null nor "": later arguments cannot matter once one is found. */
    private static Object coalesce(List<Object> args, String raw) {
        for (Object a : args) {
            if (a instanceof Unknown) {
                return new Unknown(raw);
            }
            if (a != null && !"".equals(a)) {
                return a;
            }
        }
        throw new EvalException("coalesce: no non-null, non-empty argument");
    }

    private static Object lookup(List<Object> args) {
        if (args.size() < 2 || args.size() > 3) {
            throw new EvalException("lookup expects 2 or 3 arguments");
        }
        Map<String, Object> m = map(args.get(0));
        String key = string(args.get(1));
        if (m.containsKey(key)) {
            return m.get(key);
        }
        if (args.size() == 3) {
            return args.get(2);
        }
        throw new EvalException("lookup: no key \"" + key + "\" and no default");
    }

    private static Object merge(List<Object> args) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object a : args) {
            if (a != null) {
                out.putAll(map(a));
            }
        }
        return out;
    }

    private static Object concat(List<Object> args) {
        List<Object> out = new ArrayList<>();
        for (Object a : args) {
            out.addAll(list(a));
        }
        return out;
    }

    private static Object length(Object v) {
        if (v instanceof String s) {
            return BigDecimal.valueOf(s.codePointCount(0, s.length()));
        }
        if (v instanceof List<?> l) {
            return BigDecimal.valueOf(l.size());
        }
        if (v instanceof Map<?, ?> m) {
            return BigDecimal.valueOf(m.size());
        }
        throw new EvalException("length of " + Values.typeName(v));
    }

    private static Object element(List<Object> args) {
        List<Object> l = list(arg(args, 0, 2));
        if (l.isEmpty()) {
            throw new EvalException("element: empty list");
        }
        int i = number(args.get(1)).intValue();
        if (i < 0) {
            throw new EvalException("element: negative index");
        }
        return l.get(i % l.size());
    }

    private static Object contains(List<Object> l, Object v) {
        if (v instanceof Unknown) {
            return v;
        }
        long[] left = {Values.MAX_COMPARED};
        for (Object x : l) {
            if (Values.equal(x, v, left)) {
                return true;
            }
        }
        return false;
    }

    private static Object index(List<Object> l, Object v) {
        long[] left = {Values.MAX_COMPARED};
        for (int i = 0; i < l.size(); i++) {
            if (Values.equal(l.get(i), v, left)) {
                return BigDecimal.valueOf(i);
            }
        }
        throw new EvalException("index: value not found");
    }

    /** Distinct elements; a set of strings or of numbers iterates in sorted order, as Terraform's sets do. */
    static List<Object> toSet(List<Object> l, boolean sort) {
        List<Object> out = distinctStrings(l);
        if (out == null) {
            // Numbers compare numerically and collections deeply: each element is compared only with those kept
            // that hash alike, all within one budget of elements read, so a toset of many large values is an error
            // rather than a scan that does not end. (Comparing each with all kept took n^2 steps.)
            out = new ArrayList<>();
            Map<Integer, List<Object>> kept = new java.util.HashMap<>();
            long[] left = {Values.MAX_COMPARED};
            for (Object x : l) {
                List<Object> alike = kept.computeIfAbsent(Values.hash(x, left), h -> new ArrayList<>(1));
                boolean seen = false;
                for (int i = 0; i < alike.size() && !seen; i++) {
                    seen = Values.equal(x, alike.get(i), left);
                }
                if (!seen) {
                    alike.add(x);
                    out.add(x);
                }
            }
        }
        if (sort && out.stream().allMatch(x -> x instanceof String)) {
            out.sort((a, b) -> ((String) a).compareTo((String) b));
        } else if (sort && out.stream().allMatch(x -> x instanceof BigDecimal)) {
            out.sort((a, b) -> ((BigDecimal) a).compareTo((BigDecimal) b));
        }
        return out;
    }

    /**
     * The distinct elements in first-seen order when every element is a string (the common {@code toset(var.names)}),
     * found with a hash set: comparing each with all kept before took 10^10 steps for 100,000 names. Null otherwise.
     */
    private static List<Object> distinctStrings(List<Object> l) {
        for (Object x : l) {
            if (!(x instanceof String)) {
                return null;
            }
        }
        return new ArrayList<>(new java.util.LinkedHashSet<>(l));
    }

    private static Object replace(String s, String search, String replacement, String raw) {
        if (search.length() > 1 && search.startsWith("/") && search.endsWith("/")) {
            com.google.re2j.Pattern p = re2(search.substring(1, search.length() - 1));
            if (p == null) {
                return new Unknown(raw);
            }
            com.google.re2j.Matcher m = p.matcher(s);
            StringBuilder out = new StringBuilder();
            int copied = 0;
            int previousEnd = -1;
            while (m.find()) {
                if (m.start() == m.end() && m.start() == previousEnd) {
                    continue;
                }
                previousEnd = m.end();
                out.append(s, copied, m.start());
                expand(replacement, m, p.namedGroups(), out);
                copied = m.end();
            }
            return out.append(s, copied, s.length()).toString();
        }
        return s.replace(search, replacement);
    }

    /**
     * Go's Regexp.Expand, which Terraform's replace uses: {@code $name} or {@code ${name}} is the group of that number
     * or name (the longest run of letters, digits and underscores, so {@code $1x} is the group named "1x"), one that
     * does not exist is empty, {@code $$} is a dollar, and a dollar not followed by a name stays as it is.
     */
    private static void expand(String template, com.google.re2j.Matcher m, Map<String, Integer> named,
            StringBuilder out) {
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 == template.length()) {
                out.append(c);
                i++;
                continue;
            }
            if (template.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            boolean braced = template.charAt(i + 1) == '{';
            int from = braced ? i + 2 : i + 1;
            int to = from;
            while (to < template.length() && isNameChar(template.charAt(to))) {
                to++;
            }
            if (to == from || (braced && (to == template.length() || template.charAt(to) != '}'))) {
                out.append('$');
                i++;
                continue;
            }
            String name = template.substring(from, to);
            // A number names a group by position, but not with a leading zero: Go reads "01" as a name.
            boolean number = name.chars().allMatch(Character::isDigit) && name.length() < 9
                    && (name.length() == 1 || name.charAt(0) != '0');
            Integer group = number ? Integer.valueOf(Integer.parseInt(name)) : named.get(name);
            if (group != null && group <= m.groupCount() && m.group(group) != null) {
                out.append(m.group(group));
            }
            i = braced ? to + 1 : to;
        }
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static Object split(String sep, String s) {
        List<Object> out = new ArrayList<>();
        if (sep.isEmpty()) {
            s.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
            return out;
        }
        int from = 0;
        while (true) {
            int i = s.indexOf(sep, from);
            if (i < 0) {
                out.add(s.substring(from));
                return out;
            }
            out.add(s.substring(from, i));
            from = i + sep.length();
        }
    }

    private static Object join(List<Object> args) {
        if (args.size() < 2) {
            throw new EvalException("join expects a separator and at least one list");
        }
        String sep = string(args.get(0));
        List<String> parts = new ArrayList<>();
        for (Object a : args.subList(1, args.size())) {
            for (Object x : list(a)) {
                parts.add(string(x));
            }
        }
        return String.join(sep, parts);
    }

    private static String trim(String s, String chars) {
        int b = 0;
        int e = s.length();
        while (b < e && chars.indexOf(s.charAt(b)) >= 0) {
            b++;
        }
        while (e > b && chars.indexOf(s.charAt(e - 1)) >= 0) {
            e--;
        }
        return s.substring(b, e);
    }

    private static String trimPrefix(String s, String p) {
        return s.startsWith(p) ? s.substring(p.length()) : s;
    }

    private static String trimSuffix(String s, String p) {
        return s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s;
    }

    /**
     * As go-cty's substr, which Terraform uses: a negative offset counts from the end and, past the start, means the
     * start (Cloud Foundation Fabric's {@code substr(s, length(s) * -1 - 1, -1)} is the whole string); an offset past
     * the end gives ""; a negative length takes the rest. (Characters are code points here, grapheme clusters there.)
     */
    private static String substr(String s, int offset, int length) {
        int[] cps = s.codePoints().toArray();
        int start = Math.max(0, offset < 0 ? cps.length + offset : offset);
        if (start >= cps.length) {
            return "";
        }
        int end = length < 0 ? cps.length : (int) Math.min(cps.length, (long) start + length);
        return new String(cps, start, end - start);
    }

    private static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean start = true;
        for (char c : s.toCharArray()) {
            sb.append(start ? Character.toTitleCase(c) : c);
            start = !Character.isLetter(c);
        }
        return sb.toString();
    }

    private static List<Object> flatten(List<Object> l, List<Object> out) {
        for (Object x : l) {
            if (x instanceof List<?> inner) {
                flatten(list(inner), out);
            } else if (out.size() == Values.MAX_OUTPUT_NODES) {
                // A list doubled by locals (x1 = [x0, x0], 40 times) flattens to 2^40 elements: Terraform would not
                // finish either, and this scan would run out of memory.
                throw new EvalException("flatten: the result is over " + Values.MAX_OUTPUT_NODES + " elements");
            } else {
                out.add(x);
            }
        }
        return out;
    }

    private static Object reverse(List<Object> l) {
        List<Object> out = new ArrayList<>(l);
        java.util.Collections.reverse(out);
        return out;
    }

    private static Object slice(List<Object> l, int from, int to) {
        if (from < 0 || to > l.size() || from > to) {
            throw new EvalException("slice: indices out of range");
        }
        return List.copyOf(l.subList(from, to));
    }

    private static Object zipmap(List<Object> keys, List<Object> values) {
        if (keys.size() != values.size()) {
            throw new EvalException("zipmap: lists of different lengths");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            out.put(string(keys.get(i)), values.get(i));
        }
        return out;
    }

    private static Object one(List<Object> l) {
        if (l.size() > 1) {
            throw new EvalException("one: more than one element");
        }
        return l.isEmpty() ? null : l.get(0);
    }

    private static Object extreme(List<Object> args, boolean max) {
        if (args.isEmpty()) {
            throw new EvalException((max ? "max" : "min") + " needs at least one argument");
        }
        BigDecimal best = null;
        for (Object a : args) {
            BigDecimal n = number(a);
            if (best == null || (max ? n.compareTo(best) > 0 : n.compareTo(best) < 0)) {
                best = n;
            }
        }
        return best;
    }

    private static Object base64decode(String s) {
        try {
            return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new EvalException("base64decode: invalid base64");
        }
    }

    private static Object digest(String algorithm, String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Go's fmt verbs as Terraform's {@code format} accepts them: {@code %s %d %f %t %v %q %%} with flags. */
    static final class Format {

        private static final Pattern VERB = Pattern.compile("%([-+# 0]*)(\\d+)?(?:\\.(\\d+))?([sdftvqxXeEgG%])");
        static final int MAX_WIDTH = 10_000;

        private Format() {
        }

        private static boolean tooWide(String digits) {
            return digits != null && (digits.length() > 5 || Integer.parseInt(digits) > MAX_WIDTH);
        }

        static Object format(String fmt, List<Object> args) {
            Matcher m = VERB.matcher(fmt);
            StringBuilder sb = new StringBuilder();
            int next = 0;
            int last = 0;
            while (m.find()) {
                sb.append(fmt, last, m.start());
                last = m.end();
                char verb = m.group(4).charAt(0);
                if (verb == '%') {
                    sb.append('%');
                    continue;
                }
                if (next >= args.size()) {
                    throw new EvalException("format: not enough arguments for \"" + Values.abbreviate(fmt) + "\"");
                }
                Object a = args.get(next++);
                String flags = m.group(1);
                String width = m.group(2) == null ? "" : m.group(2);
                String precision = m.group(3) == null ? "" : "." + m.group(3);
                if (tooWide(m.group(2)) || tooWide(m.group(3))) {
                    // %0999999999d asks for a gigabyte of zeros: an out-of-memory, not a value anyone deploys.
                    throw new EvalException("format: a width or precision over " + MAX_WIDTH + " is not evaluated");
                }
                String spec = "%" + flags.replace("#", "") + width;
                String text = switch (verb) {
                    case 's' -> String.format(spec + precision + "s", string(a));
                    case 'q' -> String.format(spec + "s", Json.encode(string(a)));
                    case 't' -> String.format(spec + "s", bool(a));
                    case 'v' -> String.format(spec + "s", a instanceof List || a instanceof Map ? Json.encode(a)
                            : a == null ? "null" : string(a));
                    case 'd' -> String.format(spec + "d", number(a).toBigIntegerExact());
                    case 'x', 'X' -> String.format(spec + verb, number(a).toBigIntegerExact());
                    case 'f', 'e', 'E', 'g', 'G' -> String.format(spec
                            + (precision.isEmpty() && verb == 'f' ? ".6" : precision) + verb, number(a));
                    default -> throw new EvalException("format: unsupported verb %" + verb);
                };
                sb.append(text);
            }
            sb.append(fmt.substring(last));
            if (next < args.size()) {
                throw new EvalException("format: too many arguments for \"" + Values.abbreviate(fmt) + "\"");
            }
            return sb.toString();
        }
    }
}
