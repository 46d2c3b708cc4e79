package dev.tollgate.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.model.Format;
import dev.tollgate.model.LocationIndex;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceLocation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

    /**
     * What {@link Redactor#isSecretKey} was before it was written out by hand, kept as its specification: a name with
     * a secret's word in it, unless it ends in a word that makes it a reference to one ({@code secretName}).
     */
    private static final java.util.regex.Pattern SECRET_KEY_REFERENCE = java.util.regex.Pattern.compile(
            "(?i)(pass(word|wd|phrase)?|pwd|secret|token|api[_-]?key|private[_-]?key|access[_-]?key|credential|"
                    + "auth|dsn|signing|salt|cookie|session|(^|[_.-])key$)");
    private static final java.util.regex.Pattern REFERENCE_KEY = java.util.regex.Pattern.compile(
            "(?i)(name|ref|file|path)$");

    @Test
    void secretKeyNamesAreThoseTheReferenceRegexFinds() {
        java.util.List<String> keys = new java.util.ArrayList<>(java.util.List.of("DB_PASSWORD", "passwd", "PassPhrase",
                "MYSQL_PWD", "client_secret", "GITHUB_TOKEN", "api_key", "APIKEY", "api-key", "PRIVATE_KEY",
                "privatekey", "aws_access_key_id", "credentials", "OAUTH_URL", "SENTRY_DSN", "signing_key", "SALT",
                "cookie_name", "SESSION_ENGINE", "key", "KEY", "ssh.key", "tls-key", "monkey", "keyring", "key_id",
                "api_url", "access_log", "private_ip", "name", "", "K", "ke", "_key", "Key", "accesskey_id",
                "bypass", "x.KEY", "author", "essalt", "\u212Aey", "secretName", "secretKeyRef",
                "POSTGRES_PASSWORD_FILE", "SECRETKEY_PATH", "TOKEN_REF", "password_name", "pathname_secret"));
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        String[] parts = {"pass", "PASS", "word", "pwd", "secret", "tok", "token", "api", "API", "private", "access",
                "key", "KEY", "Key", "k", "ey", "_", "-", ".", "cred", "auth", "dsn", "sign", "salt", "cookie",
                "session", "id", "url", "x", "\u212A", "\u00e9", "name", "Name", "ref", "REF", "file", "path", "PATH"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder key = new StringBuilder();
            for (int n = random.nextInt(1, 5); n > 0; n--) {
                key.append(parts[random.nextInt(parts.length)]);
            }
            keys.add(key.toString());
        }
        for (String key : keys) {
            assertEquals(SECRET_KEY_REFERENCE.matcher(key).find() && !REFERENCE_KEY.matcher(key).find(),
                    Redactor.isSecretKey(key), key);
        }
    }

    private static Resource env(String file, Map<String, Object> vars) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return new Resource(Format.DOTENV, "env", name, "env:" + file, SourceLocation.startOf(file),
                vars, new LocationIndex(Map.of()));
    }

    @Test
    void aPlaceholderPasswordThatIsAlsoPartOfTheFileNameLeavesThePathReadable() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("MONGO_PASSWORD", "example");
        vars.put("JWT_SECRET", "q8Vn2LkT0wZr5Yh");
        Redactor r = Redactor.forResource(env("deploy/api/.env.example", vars));

        assertEquals("JWT_SECRET in template deploy/api/.env.example holds ****",
                r.redact("JWT_SECRET in template deploy/api/.env.example holds q8Vn2LkT0wZr5Yh"));
        // Outside the path the same word is still masked: the redactor does not know it is harmless.
        assertEquals("MONGO_PASSWORD is **** in .env.example", r.redact("MONGO_PASSWORD is example in .env.example"));
    }

    @Test
    void theValuesOfAKustomizeSecretGeneratorAreMasked_notThoseOfAConfigMapGenerator() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("secretGenerator", java.util.List.of(Map.of("name", "api-keys",
                "literals", java.util.List.of("signing-key-material=9fK2-mQ7x-Lw4Z", "username=acme-deployer"))));
        data.put("configMapGenerator", java.util.List.of(Map.of("name", "settings",
                "literals", java.util.List.of("log-level=verbose-json"))));
        Resource kustomization = new Resource(Format.KUBERNETES, "Kustomization", "<unnamed>",
                "Kustomization/<unnamed>", new SourceLocation("kustomization.yaml", 1, 1), data,
                new LocationIndex(Map.of()));

        assertEquals("**** and **** but verbose-json", Redactor.forResource(kustomization)
                .redact("9fK2-mQ7x-Lw4Z and acme-deployer but verbose-json"));
    }

    @Test
    void aServiceNamedLikeItsPasswordKeepsItsName() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("environment", Map.of("POSTGRES_PASSWORD", "postgres"));
        Resource service = new Resource(Format.COMPOSE, "service", "postgres", "services.postgres",
                new SourceLocation("docker-compose.yml", 3, 3), data, new LocationIndex(Map.of()));

        assertEquals("POSTGRES_PASSWORD in service postgres is weak",
                Redactor.forResource(service).redact("POSTGRES_PASSWORD in service postgres is weak"));
    }

    @Test
    void theNameOrPathOfASecretIsNotMaskedInMessages() {
        Map<String, Object> tls = new LinkedHashMap<>();
        tls.put("hosts", java.util.List.of("shop.example.com"));
        tls.put("secretName", "shop.example.com");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("spec", Map.of("tls", java.util.List.of(tls)));
        Resource ingress = new Resource(Format.KUBERNETES, "Ingress", "shop", "Ingress/shop",
                new SourceLocation("ingress.yaml", 1, 1), data, new LocationIndex(Map.of()));
        assertEquals("Ingress shop terminates TLS for shop.example.com",
                Redactor.forResource(ingress).redact("Ingress shop terminates TLS for shop.example.com"));

        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("POSTGRES_PASSWORD_FILE", "/run/secrets/db");
        vars.put("POSTGRES_PASSWORD", "s3cr3t-Value-42");
        Redactor r = Redactor.forResource(env("deploy/.env", vars));
        assertEquals("read from /run/secrets/db, not ****", r.redact("read from /run/secrets/db, not s3cr3t-Value-42"));
    }

    @Test
    void aSecretThatIsOneOfTheWordsOfTheMessagesLeavesThemReadable() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("DB_PASSWORD", "secret");
        vars.put("APP_KEY", "Zk3q9TrW2bLx7NvP4sYc8HdM1aQe6GuJ");
        Redactor r = Redactor.forResource(env("panel/.env.example", vars));
        assertEquals("APP_KEY in template panel/.env.example holds what looks like a real secret",
                r.redact("APP_KEY in template panel/.env.example holds what looks like a real secret"));
        assertEquals("APP_KEY is ****", r.redact("APP_KEY is Zk3q9TrW2bLx7NvP4sYc8HdM1aQe6GuJ"));
    }

    /**
     * {@link Redactor#redact} before it skipped messages it cannot change, kept as its specification: the file and the
     * resource name swapped for placeholders, the secrets (longest first) and well-known keys masked, the names put
     * back.
     */
    private static String referenceRedact(String text, java.util.List<String> secretsLongestFirst,
            java.util.List<String> keptLongestFirst) {
        String out = text;
        for (int i = 0; i < keptLongestFirst.size(); i++) {
            out = out.replace(keptLongestFirst.get(i), "\uE000" + (char) ('\uE100' + i) + "\uE001");
        }
        for (String s : secretsLongestFirst) {
            out = out.replace(s, Redactor.MASK);
        }
        out = java.util.regex.Pattern.compile("(AKIA|ASIA)[0-9A-Z]{16}|sk_live_[0-9A-Za-z]{10,}"
                + "|rk_live_[0-9A-Za-z]{10,}"
                + "|-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)")
                .matcher(out).replaceAll(Redactor.MASK);
        for (int i = 0; i < keptLongestFirst.size(); i++) {
            out = out.replace("\uE000" + (char) ('\uE100' + i) + "\uE001", keptLongestFirst.get(i));
        }
        return out;
    }

    @Test
    void aResourceNamedLikeADigit_leavesItsFilePathWhole() {
        // The placeholders once held their index in digits, and the name "0" was replaced inside them.
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("APP_PASSWORD", "s3cr3t-Value-42");
        Resource resource = new Resource(Format.DOTENV, "env", "0", "env:a/0", SourceLocation.startOf("a/0"), vars,
                new LocationIndex(Map.of()));
        assertEquals("a/0 sets 0 to ****, a/0 again",
                Redactor.forResource(resource).redact("a/0 sets 0 to s3cr3t-Value-42, a/0 again"));
    }

    @Test
    void messagesGiveWhatTheReferenceRedactionGives() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        // Names and secrets that overlap each other, the placeholders' characters and digits, and the masks.
        String[][] cases = {
            {"deploy/.env.example", "example", "example"},
            {"a/0", "0", "s3cr3t-Value-42"},
            {"x/\uE000y", "n\uE001", "pw\uE0000"},
            {"svc.env", "svc", "svc.env-pass"},
            {"k/.env", "****", "****word"},
            {"db.env", "db", "AKIAABCDEFGHIJKLMNOP"},
        };
        String[] words = {" ", "is ", "holds ", "****", "0", "1", "\uE000", "\uE001", "AKIA", "AKIAABCDEFGHIJKLMNOP",
            "sk_live_0123456789ab", "-----BEGIN RSA PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----", "word", "/"};
        for (String[] c : cases) {
            String file = c[0];
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("APP_PASSWORD", c[2]);
            Resource resource = new Resource(Format.DOTENV, "env", c[1], "env:" + file, SourceLocation.startOf(file),
                    vars, new LocationIndex(Map.of()));
            Redactor r = Redactor.forResource(resource);
            java.util.List<String> kept = file.length() >= c[1].length() ? java.util.List.of(file, c[1])
                    : java.util.List.of(c[1], file);
            String[] parts = new String[words.length + 3];
            System.arraycopy(words, 0, parts, 0, words.length);
            parts[words.length] = file;
            parts[words.length + 1] = c[1];
            parts[words.length + 2] = c[2];
            for (int i = 0; i < 5_000; i++) {
                StringBuilder text = new StringBuilder();
                for (int n = random.nextInt(0, 7); n > 0; n--) {
                    text.append(parts[random.nextInt(parts.length)]);
                }
                String t = text.toString();
                assertEquals(referenceRedact(t, java.util.List.of(c[2]), kept), r.redact(t), t);
            }
        }
    }
}
