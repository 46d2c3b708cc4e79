package dev.tollgate.model;

import java.util.List;

/**
 * Which key names say their value is a secret. One rule for every part of Tollgate that must not print a secret: the
 * redactor of findings, and the parsers when a problem would quote the configuration (a Terraform expression that
 * cannot be evaluated is shown with the strings under such keys masked).
 */
public final class SecretKeys {

    /** Words that make a key name a secret's wherever they appear in it (compared in ASCII lower case). */
    private static final List<String> SECRET_WORDS = List.of("pass", "pwd", "secret", "token", "credential", "auth",
            "dsn", "signing", "salt", "cookie", "session");
    /**
     * {@code api}, {@code private}, {@code access}: secret when followed by {@code key}, {@code _key} or {@code -key}.
     */
    private static final List<String> KEY_PREFIXES = List.of("api", "private", "access");
    /**
     * Keys that name or point at a secret rather than hold one: {@code secretName}, {@code secretKeyRef},
     * {@code POSTGRES_PASSWORD_FILE}, {@code SECRETKEY_PATH}. Their values are object names and file paths that
     * messages print as locations, and masking them turned {@code terminates TLS for shop.example.com} into
     * {@code terminates TLS for ****} wherever the TLS secret was named after its host.
     */
    private static final List<String> REFERENCE_SUFFIXES = List.of("name", "ref", "file", "path");

    private SecretKeys() {
    }

    /**
     * True when a key's name says its value is a secret (and not merely the name or path of one): it contains one of
     * {@link #SECRET_WORDS}, or {@code api}/{@code private}/{@code access} then {@code key} (joined directly or by
     * {@code _} or {@code -}), or it is {@code key} or ends in {@code _key}, {@code .key} or {@code -key}; and it does
     * not end in one of {@link #REFERENCE_SUFFIXES}. ASCII letters in any case.
     *
     * <p>Written out rather than as one case-insensitive regex (which {@code RedactorTest} keeps as the reference):
     * a resource's redactor asks this of every key it holds, and the regex's search from each position was a few per
     * cent of a large scan.
     */
    public static boolean isSecret(String key) {
        if (key == null) {
            return false;
        }
        String k = asciiLowerCase(key);
        for (String suffix : REFERENCE_SUFFIXES) {
            if (k.endsWith(suffix)) {
                return false;
            }
        }
        for (String word : SECRET_WORDS) {
            if (k.contains(word)) {
                return true;
            }
        }
        for (String prefix : KEY_PREFIXES) {
            if (k.contains(prefix + "key") || k.contains(prefix + "_key") || k.contains(prefix + "-key")) {
                return true;
            }
        }
        return k.equals("key") || k.endsWith("_key") || k.endsWith(".key") || k.endsWith("-key");
    }

    /** Only A-Z lowered, as a {@code (?i)} regex without UNICODE_CASE compares. */
    private static String asciiLowerCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (chars[j] >= 'A' && chars[j] <= 'Z') {
                        chars[j] = (char) (chars[j] + ('a' - 'A'));
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }
}
