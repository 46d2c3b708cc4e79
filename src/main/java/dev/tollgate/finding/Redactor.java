package dev.tollgate.finding;

import dev.tollgate.model.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i)(pass(word|wd|phrase)?|pwd|secret|token|api[_-]?key|private[_-]?key|access[_-]?key|credential|"
                    + "auth|dsn|signing|salt|cookie|session|(^|[_.-])key$)");
    private static final Pattern URL_PASSWORD = Pattern.compile("://[^/:@\\s]*:([^@/\\s]+)@");
    private static final Pattern WELL_KNOWN = Pattern.compile(
            "(AKIA|ASIA)[0-9A-Z]{16}|sk_live_[0-9A-Za-z]{10,}|rk_live_[0-9A-Za-z]{10,}"
                    + "|-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)");
    private static final int SHORTEST_SECRET = 3;
    /**
     * Keys that name or point at a secret rather than hold one: {@code secretName}, {@code secretKeyRef},
     * {@code POSTGRES_PASSWORD_FILE}, {@code SECRETKEY_PATH}. Their values are object names and file paths that
     * messages print as locations, and masking them turned {@code terminates TLS for shop.example.com} into
     * {@code terminates TLS for ****} wherever the TLS secret was named after its host.
     */
    private static final Pattern REFERENCE_KEY = Pattern.compile("(?i)(name|ref|file|path)$");
    /**
     * Words Tollgate's own messages are made of. A template whose password is literally {@code secret} would otherwise
     * turn {@code holds what looks like a real secret} into {@code holds what looks like a real ****}; and printing such
     * a word hides nothing, since the reader cannot tell the value from the sentence.
     */
    private static final Set<String> MESSAGE_WORDS = Set.of("secret", "secrets", "password", "passwords", "passwd",
            "token", "tokens", "key", "keys", "credential", "credentials");

    // Private-use characters around an index stand for a kept string while the secrets are masked.
    private static final char KEEP_OPEN = '\uE000';
    private static final char KEEP_CLOSE = '\uE001';

    private final List<String> secrets;
    private final List<String> kept;

    private Redactor(List<String> secrets, List<String> kept) {
        this.secrets = secrets;
        this.kept = kept;
    }

    /** A redactor that masks only well-known key formats. */
    public static Redactor none() {
        return new Redactor(List.of(), List.of());
    }

    public static Redactor forResource(Resource resource) {
        Set<String> found = new LinkedHashSet<>();
        collect(null, resource.data(), found);
        List<String> sorted = new ArrayList<>(found);
        // Longest first, so a secret containing another is masked whole.
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        List<String> kept = new ArrayList<>(new LinkedHashSet<>(List.of(resource.location().file(), resource.name())));
        kept.removeIf(String::isEmpty);
        kept.sort(Comparator.comparingInt(String::length).reversed());
        return new Redactor(List.copyOf(sorted), List.copyOf(kept));
    }

    /** {@code text} with every secret value replaced by {@link #MASK}. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (int i = 0; i < kept.size(); i++) {
            out = out.replace(kept.get(i), KEEP_OPEN + Integer.toString(i) + KEEP_CLOSE);
        }
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        Matcher m = WELL_KNOWN.matcher(out);
        if (m.find()) {
            out = m.replaceAll(MASK);
        }
        for (int i = 0; i < kept.size(); i++) {
            out = out.replace(KEEP_OPEN + Integer.toString(i) + KEEP_CLOSE, kept.get(i));
        }
        return out;
    }

    /** True when a key's name says its value is a secret (and not merely the name or path of one). */
    public static boolean isSecretKey(String key) {
        return key != null && SECRET_KEY.matcher(key).find() && !REFERENCE_KEY.matcher(key).find();
    }

    private static void collect(String key, Object value, Set<String> into) {
        if (value instanceof Map<?, ?> map) {
            // A Kubernetes env entry {name: DB_PASSWORD, value: ...} names its secret in a sibling field.
            if (map.get("name") instanceof String name && isSecretKey(name) && map.get("value") instanceof String v) {
                add(v, into);
            }
            map.forEach((k, v) -> collect(String.valueOf(k), v, into));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(key, v, into));
        } else if (value instanceof String s) {
            if (isSecretKey(key)) {
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
