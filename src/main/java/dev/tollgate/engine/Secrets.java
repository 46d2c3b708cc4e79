package dev.tollgate.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Secret names and values, tuned for a low false-positive rate: a finding on a template value a maintainer wrote on
 * purpose costs more trust than a missed weak secret. So a value counts as a placeholder on any of many hints
 * (empty, {@code ${VAR}}, {@code <...>}, {@code changeme}, {@code your-...} or {@code YourApiKey...}, {@code xxx},
 * {@code ...here}, one repeated character, {@code example}), and a name counts as secret only when one of its words
 * says so and none says it is metadata about a secret ({@code _ID}, {@code _FILE}, {@code _URL}, {@code _TIMEOUT},
 * {@code PUBLIC}...).
 */
final class Secrets {

    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd", "passphrase", "secret",
            "token", "apikey", "key", "credentials", "privatekey", "salt");
    /**
     * Words that make a secret-sounding name about something else: where the secret is, how long it lives, or a key
     * that is public by design (publishable, anon: Supabase's ANON_KEY is shipped to every browser).
     */
    private static final Set<String> METADATA_WORDS = Set.of("public", "publishable", "anon", "id", "file", "path",
            "dir", "url", "uri", "name", "length", "lifetime", "ttl", "timeout", "expiry", "expires", "expiration",
            "age", "header", "field", "prefix", "algorithm", "type", "validators", "reset", "min", "max", "enabled",
            "required", "disabled", "hash", "hashers", "rotation", "count", "size", "location", "backend", "class",
            "format");
    private static final List<String> CLIENT_PREFIXES = List.of("NEXT_PUBLIC_", "REACT_APP_", "VITE_", "EXPO_PUBLIC_");
    /** Words no public browser key carries. */
    private static final Set<String> NEVER_PUBLIC = Set.of("secret", "password", "passwd", "pwd", "passphrase",
            "private", "privatekey", "credentials");
    /** Keys that are public by design: publishable, anon, site and search-only keys, browser SDK keys. */
    private static final Set<String> PUBLIC_KEY_WORDS = Set.of("publishable", "public", "anon", "site", "search",
            "firebase", "maps", "mapbox", "posthog", "segment", "amplitude", "mixpanel", "recaptcha", "hcaptcha",
            "turnstile", "vapid", "zendesk", "helpscout", "intercom", "crisp", "pusher");
    private static final Set<String> PLACEHOLDERS = Set.of("changeme", "change-me", "change_me", "changethis",
            "change-this", "change_this", "replaceme", "replace-me", "replace_me", "todo", "tbd", "fixme",
            "placeholder", "secret", "password", "passwd", "none", "null", "nil", "empty", "dummy", "example", "sample",
            "test", "redacted", "unset", "undefined", "your-secret-key", "your_secret_key", "yoursecretkey",
            "secretkey", "secret-key", "secret_key", "mysecret", "supersecret",
            // values that say the credential is ignored: an S3 emulator that accepts any key, a URL's unused password
            "any", "unused", "ignored");
    /** Fragments that mark a value as something to replace, wherever they appear in it. */
    private static final List<String> PLACEHOLDER_FRAGMENTS = List.of("changeme", "change-me", "change_me",
            "change-this", "change_this", "changethis", "replace", "placeholder", "example", "xxxx", "dummy", "your-",
            "your_", "yourkey", "yoursecret", "-here", "_here", "not-a-real", "not_a_real", "notreal", "fill-in",
            "fill_in", "insert-", "insert_");
    /** Words (between separators) that mark a value as made for development or tests. */
    private static final Set<String> NON_PRODUCTION_WORDS = Set.of("insecure", "dev", "development", "local", "test",
            "testing", "fake", "unsafe", "demo", "sample", "notsecret");
    private static final Pattern WELL_KNOWN = Pattern.compile(
            "(?<![A-Z0-9])(AKIA|ASIA)[0-9A-Z]{16}(?![A-Z0-9])|sk_live_[0-9A-Za-z]{10,}|rk_live_[0-9A-Za-z]{10,}"
                    + "|-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.([A-Za-z0-9_-]+)\\.[A-Za-z0-9_-]+");

    private Secrets() {
    }

    /**
     * True when a variable's name says its value is a secret ({@code DB_PASSWORD}, {@code STRIPE_SECRET_KEY},
     * {@code GITHUB_TOKEN}).
     */
    static boolean isSecretName(String name) {
        List<String> words = words(name);
        return words.stream().anyMatch(SECRET_WORDS::contains) && words.stream().noneMatch(METADATA_WORDS::contains)
                && !isMinioUserName(words);
    }

    /**
     * MinIO's {@code MINIO_ACCESS_KEY} (the older name of {@code MINIO_ROOT_USER}) is the root user's name; its
     * password is {@code MINIO_SECRET_KEY}. The rule needs the product's word: for other products an access key is the
     * credential itself (the Sysdig agent's {@code ACCESS_KEY}), and the name alone could not tell. A name that also
     * says secret ({@code MINIO_SECRET_ACCESS_KEY}) stays a secret.
     */
    private static boolean isMinioUserName(List<String> words) {
        return words.contains("minio") && words.contains("access") && !words.contains("secret")
                && !words.contains("password") && !words.contains("token");
    }

    /**
     * True for a browser-exposed variable ({@code NEXT_PUBLIC_}, {@code REACT_APP_}, {@code VITE_},
     * {@code EXPO_PUBLIC_}) whose name says it holds a secret, and not a setting about one ({@code _ENABLED},
     * {@code _MIN_LENGTH}, {@code _URL}: the metadata words of {@link #isSecretName}). Secret, password and private
     * always count; token and key count unless the name says the key is public by design (publishable, anon, site,
     * search-only, browser SDK keys such as Firebase or Google Maps).
     */
    static boolean isClientSecretName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        String rest = null;
        for (String prefix : CLIENT_PREFIXES) {
            if (upper.startsWith(prefix)) {
                rest = upper.substring(prefix.length());
                break;
            }
        }
        if (rest == null) {
            return false;
        }
        List<String> words = words(rest);
        if (words.stream().anyMatch(METADATA_WORDS::contains)) {
            // a setting about a secret, not the secret: NEXT_PUBLIC_CREDENTIALS_ENABLED (Linkwarden's switch for
            // password login), VITE_PASSWORD_MIN_LENGTH; the same words isSecretName leaves out
            return false;
        }
        if (words.stream().anyMatch(NEVER_PUBLIC::contains)) {
            return true;
        }
        if (isMinioUserName(words)) {
            return false; // a user name, not a key (see isSecretName)
        }
        boolean keyLike = words.stream().anyMatch(w -> w.equals("token") || w.equals("key") || w.equals("apikey"));
        return keyLike && words.stream().noneMatch(PUBLIC_KEY_WORDS::contains);
    }

    /**
     * True when a value stands for one to be filled in: null or empty, a reference ({@code ${VAR}}, {@code $VAR},
     * {@code $(VAR)}, <code>{{ var }}</code>), an angle- or square-bracketed hint, one repeated character, or a
     * placeholder word or fragment ({@code changeme}, {@code your-api-key}, {@code xxxx}, {@code put-key-here}).
     */
    static boolean isPlaceholder(Object value) {
        if (value == null || value instanceof com.google.protobuf.NullValue) {
            return true;
        }
        String v = String.valueOf(value).strip();
        if (v.isEmpty() || v.startsWith("$") || v.contains("${") || v.contains("$(") || v.contains("{{")) {
            return true;
        }
        if ((v.startsWith("<") && v.endsWith(">")) || (v.startsWith("[") && v.endsWith("]"))) {
            return true;
        }
        if (v.chars().distinct().count() == 1) {
            return true; // xxxxxx, ******, 000000, ...
        }
        String lower = v.toLowerCase(Locale.ROOT);
        return PLACEHOLDERS.contains(lower) || PLACEHOLDER_FRAGMENTS.stream().anyMatch(lower::contains)
                || describesWhatGoesHere(v);
    }

    /**
     * True for a value written as a CamelCase description of what to put there: {@code YourApiKey},
     * {@code YourSuperSecretKeyForJwtAuthenticationWhichMustBeLongEnough123!} (a real template's JWT_SECRET, under
     * "Replace with a secure key in production"). The {@code your-}/{@code your_} spellings are fragments above; a
     * generated secret does not begin with the word "Your" followed by another capitalised word.
     */
    private static boolean describesWhatGoesHere(String v) {
        return v.length() > 5 && v.startsWith("Your") && Character.isUpperCase(v.charAt(4))
                && Character.isLowerCase(v.charAt(5));
    }

    /**
     * True when a value looks like an actual secret rather than a placeholder or a development default: not a
     * placeholder, at least 8 characters, no whitespace, not a URL or a file path, and no word saying it is for
     * development or tests ({@code django-insecure-...}, {@code dev-secret}, {@code test-token}).
     */
    static boolean isSecretValue(String value) {
        String v = value.strip();
        if (isPlaceholder(v) || v.length() < 8 || v.chars().anyMatch(Character::isWhitespace) || v.contains("://")
                || v.startsWith("/") || v.startsWith("./") || v.startsWith("../") || v.startsWith("~/")) {
            return false;
        }
        return !hasNonProductionWord(v) && !isDemoToken(v);
    }

    private static boolean hasNonProductionWord(String text) {
        return words(text).stream().anyMatch(NON_PRODUCTION_WORDS::contains);
    }

    /**
     * True for a JSON Web Token whose claims say it is for a demo or tests. Self-hosting kits ship such tokens in
     * their templates (Supabase's {@code "iss": "supabase-demo"} keys), signed with the template's placeholder
     * secret; the word that marks them is only visible once the payload is decoded.
     */
    private static boolean isDemoToken(String value) {
        var m = JWT.matcher(value);
        if (!m.matches()) {
            return false;
        }
        try {
            String claims = new String(java.util.Base64.getUrlDecoder().decode(m.group(1)),
                    java.nio.charset.StandardCharsets.UTF_8);
            return hasNonProductionWord(claims);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /**
     * True when {@code value} contains a credential in a well-known format: an AWS access key id (AKIA/ASIA...),
     * a Stripe live secret or restricted key, a PEM private key block. AWS's documentation keys (ending in EXAMPLE)
     * are not reported.
     */
    static boolean isWellKnownSecret(String value) {
        // Every match holds one of these; plain searches for them rule out nearly every value before the regex runs
        // (it is asked of every string of a resource by some policies: 2.4% of a large scan's CPU samples).
        if (!value.contains("AKIA") && !value.contains("ASIA") && !value.contains("_live_")
                && !value.contains("-----BEGIN ")) {
            return false;
        }
        var m = WELL_KNOWN.matcher(value);
        while (m.find()) {
            if (m.group().startsWith("-----BEGIN ") ? hasKeyMaterial(value, m.end()) : !m.group().endsWith("EXAMPLE")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Base64 characters in a row that make a PEM block a key rather than a template's stand-in: every real key line
     * has 64, while templates write {@code "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----"}
     * (a real .env.production.example did) or a header alone.
     */
    private static final int PEM_KEY_MATERIAL = 16;

    /**
     * Whether the block after a PEM header at {@code from} holds key material: {@value #PEM_KEY_MATERIAL} base64
     * characters in a row before its {@code -----END} line. Line breaks, written or escaped ({@code \n} in a one-line
     * env value), end a run, as does anything else.
     */
    private static boolean hasKeyMaterial(String value, int from) {
        int run = 0;
        for (int i = from; i < value.length() && !value.startsWith("-----", i); i++) {
            char c = value.charAt(i);
            boolean base64 = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+'
                    || c == '/' || c == '=';
            boolean escape = c == '\\' && i + 1 < value.length()
                    && (value.charAt(i + 1) == 'n' || value.charAt(i + 1) == 'r');
            if (escape) {
                i++;
            }
            run = base64 && !escape ? run + 1 : 0;
            if (run >= PEM_KEY_MATERIAL) {
                return true;
            }
        }
        return false;
    }

    /**
     * True for a weak or default password: under 16 characters, fewer than 5 distinct characters, or containing a
     * default word (password, postgres, admin, changeme, secret, example).
     */
    static boolean isWeakPassword(String value) {
        String v = value.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        return v.length() < 16 || v.chars().distinct().count() < 5
                || List.of("password", "postgres", "admin", "changeme", "secret", "example").stream()
                        .anyMatch(lower::contains);
    }

    /** The number of distinct characters (code points) in {@code value}. */
    static long distinctChars(String value) {
        return value.codePoints().distinct().count();
    }

    /**
     * The words of {@code name}, lowercased and split at runs of anything but {@code a-z0-9}: exactly what
     * {@code Pattern.compile("[^a-z0-9]+").split} gives (a leading empty word when it starts with a separator, no
     * trailing ones, the whole text when it has none; {@code SecretsWordsTest}), written out because it is asked of
     * every key and many values of every resource judged, and the regex split was most of its cost.
     */
    static List<String> words(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        List<String> out = null;
        int start = 0;
        int i = 0;
        int n = lower.length();
        while (i < n) {
            if (isWordChar(lower.charAt(i))) {
                i++;
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(4);
            }
            out.add(lower.substring(start, i));
            while (i < n && !isWordChar(lower.charAt(i))) {
                i++;
            }
            start = i;
        }
        if (out == null) {
            return List.of(lower);
        }
        out.add(lower.substring(start));
        int size = out.size();
        while (size > 0 && out.get(size - 1).isEmpty()) {
            size--;
        }
        return List.copyOf(out.subList(0, size));
    }

    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
