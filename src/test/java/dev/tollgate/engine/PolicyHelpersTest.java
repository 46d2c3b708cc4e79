package dev.tollgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The helpers behind the checklist policies: sizes, secrets, file names, command options. */
class PolicyHelpersTest {

    private static final long GIB = 1024L * 1024 * 1024;

    @ParameterizedTest
    @CsvSource({
        "6Gi,kubernetes,6442450944", "6144Mi,kubernetes,6442450944", "6G,kubernetes,6000000000",
        "512Mi,kubernetes,536870912", "1.5Gi,kubernetes,1610612736", "6e9,kubernetes,6000000000",
        "128974848,kubernetes,128974848", "500m,kubernetes,0", "6Gb,kubernetes,-1", "lots,kubernetes,-1",
        "6g,docker,6442450944", "6gb,docker,6442450944", "512m,docker,536870912", "1024,docker,1024",
        "2GiB,docker,2147483648", "0.5g,docker,536870912", "six,docker,-1",
        "6gb,redis,6442450944", "6g,redis,6000000000", "100mb,redis,104857600", "100m,redis,100000000",
        "2147483648,redis,2147483648", "6 gb,redis,-1"})
    void sizeBytes_readsEachConvention(String text, String style, long bytes) {
        assertEquals(bytes, Sizes.bytes(text, style));
    }

    @Test
    void sizeBytes_rejectsUnknownStyles() {
        assertThrows(IllegalArgumentException.class, () -> Sizes.bytes("6G", "helm"));
        assertTrue(Sizes.bytes("6Gi", "kubernetes") >= 6 * GIB);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "${DB_PASSWORD}", "$DB_PASSWORD", "$(DB_PASSWORD)", "{{ .Values.password }}",
        "<your-secret-key>", "[api key]", "changeme", "CHANGE_ME", "xxxxxxxx", "******", "your-api-key",
        "put-your-key-here", "secret", "password", "replace-with-a-real-key", "sk_test_example", "not-a-real-token",
        "postgres://u:${PW}@db/app", "any", "unused", "YourApiKey",
        "YourSuperSecretKeyForJwtAuthenticationWhichMustBeLongEnough123!"})
    void placeholders(String value) {
        assertTrue(Secrets.isPlaceholder(value), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hunter2", "s3cr3t-Pa55w0rd", "postgres", "Tr0ub4dor&3", "9f8e7d6c5b4a", "anyone-1234",
        "YOURs3cr3tVALUE9", "Yourk3yQ9x2LmP4"})
    void notPlaceholders(String value) {
        assertFalse(Secrets.isPlaceholder(value), value);
    }

    @Test
    void placeholder_acceptsNull() {
        assertTrue(Secrets.isPlaceholder(null));
        assertTrue(Secrets.isPlaceholder(com.google.protobuf.NullValue.NULL_VALUE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DB_PASSWORD", "POSTGRES_PASSWORD", "SECRET_KEY", "DJANGO_SECRET_KEY", "STRIPE_SECRET_KEY",
        "AWS_SECRET_ACCESS_KEY", "GITHUB_TOKEN", "SENDGRID_API_KEY", "api-key", "JWT_SIGNING_KEY", "REDIS_PASSWORD",
        "ADMIN_USER_PASSWORD", "EMAIL_HOST_PASSWORD", "MINIO_SECRET_KEY", "MINIO_ROOT_PASSWORD",
        "MINIO_SECRET_ACCESS_KEY", "ACCESS_KEY", "SYSDIG_ACCESS_KEY", "S3_ACCESS_KEY"})
    void secretNames(String name) {
        assertTrue(Secrets.isSecretName(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AWS_ACCESS_KEY_ID", "POSTGRES_PASSWORD_FILE", "NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY",
        "JWT_ACCESS_TOKEN_LIFETIME", "PASSWORD_RESET_TIMEOUT", "CACHE_KEY_PREFIX", "ADMIN_PASSWORD_HASH",
        "DATABASE_URL", "TOKEN_URL", "KEYCLOAK_REALM", "DEBUG", "MONKEY_COUNT", "ANON_KEY", "SUPABASE_ANON_KEY",
        "MINIO_ACCESS_KEY", "MINIO_ROOT_USER", "minio-access-key"})
    void notSecretNames(String name) {
        assertFalse(Secrets.isSecretName(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NEXT_PUBLIC_STRIPE_SECRET_KEY", "NEXT_PUBLIC_API_TOKEN", "NEXT_PUBLIC_DB_PASSWORD",
        "NEXT_PUBLIC_PRIVATE_KEY", "NEXT_PUBLIC_OPENAI_API_KEY", "REACT_APP_GITHUB_TOKEN", "VITE_FIREBASE_PRIVATE_KEY",
        "NEXT_PUBLIC_MINIO_SECRET_KEY"})
    void clientSecretNames(String name) {
        assertTrue(Secrets.isClientSecretName(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY", "NEXT_PUBLIC_SUPABASE_ANON_KEY",
        "NEXT_PUBLIC_RECAPTCHA_SITE_KEY", "NEXT_PUBLIC_VAPID_PUBLIC_KEY", "NEXT_PUBLIC_FIREBASE_API_KEY",
        "NEXT_PUBLIC_GOOGLE_MAPS_API_KEY", "NEXT_PUBLIC_ALGOLIA_SEARCH_API_KEY", "NEXT_PUBLIC_POSTHOG_KEY",
        "NEXT_PUBLIC_API_URL", "STRIPE_SECRET_KEY", "NEXT_PUBLIC_SENTRY_DSN", "NEXT_PUBLIC_ZENDESK_KEY",
        "NEXT_PUBLIC_HELPSCOUT_KEY", "VITE_INTERCOM_APP_KEY", "NEXT_PUBLIC_MINIO_ACCESS_KEY",
        "NEXT_PUBLIC_CREDENTIALS_ENABLED", "VITE_PASSWORD_MIN_LENGTH", "REACT_APP_PASSWORD_LOGIN_DISABLED"})
    void notClientSecretNames(String name) {
        assertFalse(Secrets.isClientSecretName(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"q8Z2vN4mX7pR1tK9", "hunter2hunter", "Tr0ub4dor&3xyz"})
    void secretValues(String value) {
        assertTrue(Secrets.isSecretValue(value), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"changeme", "short", "django-insecure-k3y5-f0r-l0c4l-d3v3l0pm3nt", "dev-secret-key-123",
        "test-token-value", "https://hooks.example.com/abc", "/run/secrets/db_password", "two words here", "${SECRET}",
        "your-secret-key-here"})
    void notSecretValues(String value) {
        assertFalse(Secrets.isSecretValue(value), value);
    }

    @Test
    void aJsonWebTokenIsASecretUnlessItsClaimsSayDemoOrTest() {
        String header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.";
        String signature = ".Jt4x0uW3cV9qL2mN8pR5sT1yZ7aB6dE0fG3hK9iM2oQ";
        // {"role":"service_role","iss":"acme","iat":1700000000}
        String production = "eyJyb2xlIjoic2VydmljZV9yb2xlIiwiaXNzIjoiYWNtZSIsImlhdCI6MTcwMDAwMDAwMH0";
        // {"role":"service_role","iss":"acme-demo","iat":1700000000}
        String demo = "eyJyb2xlIjoic2VydmljZV9yb2xlIiwiaXNzIjoiYWNtZS1kZW1vIiwiaWF0IjoxNzAwMDAwMDAwfQ";
        assertTrue(Secrets.isSecretValue(header + production + signature));
        assertFalse(Secrets.isSecretValue(header + demo + signature));
        assertTrue(Secrets.isSecretValue(header + "bm90IGpzb24" + signature),
                "a payload that does not decode to demo claims stays a secret");
    }

    @Test
    void wellKnownSecrets() {
        assertTrue(Secrets.isWellKnownSecret("AKIAZ7Q4WJ3NRT5LMB2X"));
        assertTrue(Secrets.isWellKnownSecret("key=sk_live_51Hc9sPq3Xy7Zr2Lm4Nb"));
        assertTrue(Secrets.isWellKnownSecret("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7fake\n-----END"));
        assertTrue(Secrets.isWellKnownSecret("-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0B\\n-----END"),
                "a one-line env value with escaped line breaks");
        assertTrue(Secrets.isWellKnownSecret("-----BEGIN OPENSSH PRIVATE KEY-----\r\nb3BlbnNzaC1rZXktdjEAAAAA"));
        // Templates' stand-ins: no key material after the header
        assertFalse(Secrets.isWellKnownSecret(
                "-----BEGIN RSA PRIVATE KEY-----\\n...\\n-----END RSA PRIVATE KEY-----"));
        assertFalse(Secrets.isWellKnownSecret(
                "-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----"));
        assertFalse(Secrets.isWellKnownSecret("-----BEGIN PRIVATE KEY-----"));
        assertFalse(Secrets.isWellKnownSecret(
                "-----BEGIN PRIVATE KEY-----\n<your key here>\n-----END PRIVATE KEY-----"));
        assertFalse(Secrets.isWellKnownSecret("-----BEGIN PRIVATE KEY-----\\nMIIEv\\nQIBAD\\nANBgk\\nqhkiG"),
                "runs end at each escaped line break");
        assertFalse(Secrets.isWellKnownSecret("AKIAIOSFODNN7EXAMPLE"), "AWS documentation key");
        assertFalse(Secrets.isWellKnownSecret("sk_test_51Hc9sPq3Xy7Zr2Lm4Nb"));
        assertFalse(Secrets.isWellKnownSecret("-----BEGIN PUBLIC KEY-----"));
        assertFalse(Secrets.isWellKnownSecret("XAKIAZ7Q4WJ3NRT5LMB2X9"));
    }

    @Test
    void weakPasswordsAndDistinctChars() {
        assertTrue(Secrets.isWeakPassword("postgres"));
        assertTrue(Secrets.isWeakPassword("Sup3rL0ngPostgresPw!"), "contains a default word");
        assertTrue(Secrets.isWeakPassword("abababababababababab"), "fewer than 5 distinct characters");
        assertFalse(Secrets.isWeakPassword("q8Z2vN4mX7pR1tK9wL3s"));
        assertEquals(3, Secrets.distinctChars("abcabc"));
    }

    @Test
    void urlPasswordAndEmailDomain() {
        assertEquals("s3cret", Hosts.urlPassword("postgres://app:s3cret@db:5432/app"));
        assertEquals("", Hosts.urlPassword("postgres://app@db:5432/app"));
        assertEquals("", Hosts.urlPassword("not a url"));
        assertEquals("p@ss", Hosts.urlPassword("postgres://app:p@ss@db/app"));
        assertEquals("acme.com", Hosts.emailDomain("Acme <noreply@Acme.com>"));
        assertEquals("example.com", Hosts.emailDomain("webmaster@example.com"));
        assertEquals("", Hosts.emailDomain("nobody"));
    }

    @ParameterizedTest
    @CsvSource({
        ".env.example,true", ".env.production.example,true", "env.sample,true", ".env.dist,true",
        "config/.env.template,true", ".env,false", ".env.production,false", "docker-compose.yml,false",
        "example/.env,false"})
    void templates(String path, boolean template) {
        assertEquals(template, EnvFileNames.isTemplate(path), path);
    }

    @ParameterizedTest
    @CsvSource({
        ".env.production,production", ".env.prod,production", "prod.env,production", ".env.production.local,production",
        ".env.staging,staging", ".env.development,development", ".env.local,development",
        "docker-compose.override.yml,development", "docker-compose.test.yml,test", ".env,''", "deployment.yaml,''",
        "dev/tollgate/.env.example,''"})
    void stages(String path, String stage) {
        assertEquals(stage, EnvFileNames.stage(path), path);
    }

    @ParameterizedTest
    @CsvSource({
        ".env,true", ".env.production,true", ".env.production.example,true", "docker-compose.yml,true",
        ".env.example,false", ".env.local,false", ".env.development,false", ".env.test,false", "backend.env,true"})
    void deployFiles(String path, boolean deploy) {
        assertEquals(deploy, EnvFileNames.isDeployFile(path), path);
    }

    @Test
    void optionValue_readsEverySpelling() {
        List<String> names = List.of("--timeout", "-t");
        assertEquals("120", CommandOptions.value(List.of("gunicorn", "app.wsgi", "--timeout", "120"), names));
        assertEquals("90", CommandOptions.value(List.of("gunicorn", "--timeout=90"), names));
        assertEquals("60", CommandOptions.value(List.of("gunicorn", "-t", "60"), names));
        assertEquals("45", CommandOptions.value(List.of("gunicorn", "-t45"), names));
        assertEquals("20", CommandOptions.value(List.of("gunicorn", "-t", "60", "--timeout", "20"), names));
        assertEquals("", CommandOptions.value(List.of("gunicorn", "--timeout-keep-alive", "5"), names));
        assertEquals("", CommandOptions.value(List.of("gunicorn", "--timeout"), names));
        assertEquals("", CommandOptions.value(List.of(), names));
    }
}
