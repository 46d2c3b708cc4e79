package dev.tollgate.finding;

import dev.tollgate.model.Resource;
import dev.tollgate.model.SecretKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secret values out of every message Tollgate prints. Built per resource: it collects the values of keys that
 * name secrets ({@code *PASSWORD*}, {@code *SECRET*}, {@code *TOKEN*}, {@code *_KEY}, Kubernetes env entries with
 * such names, passwords inside URLs) and replaces any occurrence of them with {@link #MASK}. Values in well-known key
 * formats (AWS access key ids, Stripe live keys, PEM private keys) are masked wherever they appear.
 *
 * <p>This is a safety net under the policies, not an excuse for them: policy messages should name the key and
 * never the value in the first place.
 *
 * <p>The resource's file path and name are never masked: they are printed as the finding's location anyway, and a
 * placeholder password such as {@code example} or {@code postgres} would otherwise turn {@code .env.example} into
 * {@code .env.****} and point the reader at a file that does not exist.
 */
public final class Redactor {

    public static final String MASK = "****";

    private static final Pattern URL_PASSWORD = Pattern.compile("://[^/:@\\s]*:([^@/\\s]+)@");
    private static final Pattern WELL_KNOWN = Pattern.compile(
            "(AKIA|ASIA)[0-9A-Z]{16}|sk_live_[0-9A-Za-z]{10,}|rk_live_[0-9A-Za-z]{10,}"
                    + "|-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)");
    /**
     * Every match of {@link #WELL_KNOWN} starts with one of these: a message holding none of them has nothing for the
     * regex to mask, and most messages are skipped with a few {@code contains} rather than a regex search.
     */
    private static final List<String> WELL_KNOWN_STARTS = List.of("AKIA", "ASIA", "sk_live_", "rk_live_",
            "-----BEGIN ");
    private static final int SHORTEST_SECRET = 3;
    private static final Comparator<String> LONGEST_FIRST = Comparator.comparingInt(String::length).reversed();
    /**
     * Words Tollgate's own messages are made of. A template whose password is literally {@code secret} would otherwise
     * turn {@code holds what looks like a real secret} into {@code holds what looks like a real ****}; and printing
     * such a word hides nothing, since the reader cannot tell the value from the sentence.
     */
    private static final Set<String> MESSAGE_WORDS = Set.of("secret", "secrets", "password", "passwords", "passwd",
            "token", "tokens", "key", "keys", "credential", "credentials");

    // Private-use characters around an index stand for a kept string while the secrets are masked.
    private static final char KEEP_OPEN = '\uE000';
    private static final char KEEP_CLOSE = '\uE001';
    private static final char KEEP_INDEX = '\uE100';

    private final List<String> secrets;
    private final List<String> kept;
    /** Whether {@link #leavesUnchanged} may be asked at all: see there. */
    private final boolean placeholderSafe;

    private Redactor(List<String> secrets, List<String> kept) {
        this.secrets = secrets;
        this.kept = kept;
        this.placeholderSafe = kept.size() <= 10 && secrets.stream().allMatch(Redactor::placeholderSafe)
                && kept.stream().allMatch(Redactor::placeholderSafe);
    }

    private static final Redactor NONE = new Redactor(List.of(), List.of());

    /** A redactor that masks only well-known key formats. */
    public static Redactor none() {
        return NONE;
    }

    public static Redactor forResource(Resource resource) {
        return forResource(resource, Redactor::isSecretKey);
    }

    /**
     * As {@link #forResource(Resource)}, asking {@code secretKey} rather than {@link #isSecretKey} whether a key names
     * a secret: a caller that builds many redactors can remember the answers, since the same key names come back in
     * every resource and {@code isSecretKey} is asked of every key of each resource.
     */
    public static Redactor forResource(Resource resource, Predicate<String> secretKey) {
        Set<String> found = new LinkedHashSet<>();
        collect(null, resource.data(), found, secretKey);
        List<String> sorted = new ArrayList<>(found);
        // Longest first, so a secret containing another is masked whole.
        sorted.sort(LONGEST_FIRST);
        List<String> kept = new ArrayList<>(new LinkedHashSet<>(List.of(resource.location().file(), resource.name())));
        kept.removeIf(String::isEmpty);
        kept.sort(LONGEST_FIRST);
        return new Redactor(List.copyOf(sorted), List.copyOf(kept));
    }

    /**
     * {@code text} with credentials that need no context masked: keys in well-known formats, and the password of a URL
     * ({@code https://user:****@host}). For text quoted from a configuration without its keys at hand, such as a
     * problem naming a module source {@code git::https://deploy:TOKEN@github.com/...}.
     */
    public static String maskCredentials(String text) {
        String out = text;
        if (out.contains("://")) {
            Matcher url = URL_PASSWORD.matcher(out);
            StringBuilder sb = new StringBuilder();
            while (url.find()) {
                url.appendReplacement(sb, Matcher.quoteReplacement(
                        out.substring(url.start(), url.start(1)) + MASK + out.substring(url.end(1), url.end())));
            }
            out = url.appendTail(sb).toString();
        }
        return NONE.redact(out);
    }

    /** {@code text} with every secret value replaced by {@link #MASK}. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        if (leavesUnchanged(text)) {
            return text;
        }
        String out = text;
        for (int i = 0; i < kept.size(); i++) {
            out = out.replace(kept.get(i), placeholder(i));
        }
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        Matcher m = WELL_KNOWN.matcher(out);
        if (m.find()) {
            out = m.replaceAll(MASK);
        }
        for (int i = 0; i < kept.size(); i++) {
            out = out.replace(placeholder(i), kept.get(i));
        }
        return out;
    }

    /**
     * Stands for kept string {@code i}: private-use characters only, the index too. With the index in digits, a
     * resource named {@code 0} or {@code 1} was replaced inside the placeholder of its own file's path, and a message
     * naming {@code a/0} came out as {@code 0}.
     */
    private static String placeholder(int i) {
        return new String(new char[] {KEEP_OPEN, (char) (KEEP_INDEX + i), KEEP_CLOSE});
    }

    /**
     * True only when {@link #redact} would give {@code text} back as it is: the common case (most messages name a key,
     * not a value), answered without the placeholder round trip, which turns every message naming the file or the
     * resource into a UTF-16 string and back, or the regex search, which together were most of the cost of a finding.
     *
     * <p>Why that is exact: with no placeholder character in {@code text}, and no kept string or secret containing
     * one, the text between placeholders is always a piece of {@code text}; so a secret (or a start of a well-known
     * key) that {@code text} does not contain cannot appear once the kept strings are replaced, nothing is masked, and
     * putting the kept strings back restores {@code text} exactly.
     */
    private boolean leavesUnchanged(String text) {
        if (!placeholderSafe || text.indexOf(KEEP_OPEN) >= 0 || text.indexOf(KEEP_CLOSE) >= 0) {
            return false;
        }
        for (String s : secrets) {
            if (text.contains(s)) {
                return false;
            }
        }
        for (String start : WELL_KNOWN_STARTS) {
            if (text.contains(start)) {
                return false;
            }
        }
        return true;
    }

    /** Free of the placeholder characters (and, as when placeholders held a digit, longer than one character). */
    private static boolean placeholderSafe(String s) {
        return s.length() >= 2 && s.indexOf(KEEP_OPEN) < 0 && s.indexOf(KEEP_CLOSE) < 0;
    }

    /** As {@link SecretKeys#isSecret}: kept here for the callers that redact. */
    public static boolean isSecretKey(String key) {
        return SecretKeys.isSecret(key);
    }


    private static void collect(String key, Object value, Set<String> into, Predicate<String> secretKey) {
        if (value instanceof Map<?, ?> map) {
            // A Kubernetes env entry {name: DB_PASSWORD, value: ...} names its secret in a sibling field.
            if (map.get("name") instanceof String name && secretKey.test(name)
                    && map.get("value") instanceof String v) {
                add(v, into);
            }
            // A Kustomize secretGenerator's literals are KEY=VALUE strings, and every value is a Secret's.
            if ("secretGenerator".equals(key) && map.get("literals") instanceof List<?> literals) {
                for (Object literal : literals) {
                    int eq = literal instanceof String s ? s.indexOf('=') : -1;
                    if (eq >= 0) {
                        add(((String) literal).substring(eq + 1), into);
                    }
                }
            }
            map.forEach((k, v) -> collect(String.valueOf(k), v, into, secretKey));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(key, v, into, secretKey));
        } else if (value instanceof String s) {
            if (key != null && secretKey.test(key)) {
                add(s, into);
            }
            if (s.indexOf('@') >= 0 && s.contains("://")) { // the regex only for what can be a URL with a password
                Matcher m = URL_PASSWORD.matcher(s);
                while (m.find()) {
                    add(m.group(1), into);
                }
            }
        }
    }

    private static void add(String secret, Set<String> into) {
        String s = secret.strip();
        if (s.length() >= SHORTEST_SECRET && !MESSAGE_WORDS.contains(s.toLowerCase(java.util.Locale.ROOT))) {
            into.add(s);
            if (!s.equals(secret) && secret.length() >= SHORTEST_SECRET) {
                into.add(secret);
            }
        }
    }
}
