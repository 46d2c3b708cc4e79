package dev.tollgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.parse.ShellWords;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyFunctionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "postgres:11                                   ||postgres|postgres|11|",
        "bitnami/postgresql:15.8.0-debian-12-r0        ||bitnami/postgresql|postgresql|15.8.0-debian-12-r0|",
        "registry.example.com:5000/postgis/postgis:9.6 |registry.example.com:5000|postgis/postgis|postgis|9.6|",
        "localhost/redis                               |localhost|redis|redis||",
        "docker.io/library/redis:7@sha256:abc          |docker.io|library/redis|redis|7|sha256:abc",
        "redis@sha256:abc                              ||redis|redis||sha256:abc"})
    void image_splitsLikeDocker(String ref, String registry, String repo, String name, String tag, String digest) {
        ImageReference r = ImageReference.parse(ref);
        assertEquals(new ImageReference(n(registry), repo, name, n(tag), n(digest)), r);
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    @ParameterizedTest
    @CsvSource({"11.2-alpine,11", "9.6,9", "16,16", "v1.2.3,1", "latest,-1", "alpine,-1", "'',-1", "REL_12,-1"})
    void versionMajor_readsTheLeadingNumber(String tag, long major) {
        assertEquals(major, Versions.major(tag));
    }

    @Test
    void versionCompare_comparesPartByPart() {
        assertEquals(-1, Versions.compare("9.6", "12"));
        assertEquals(1, Versions.compare("12.1", "12"));
        assertEquals(0, Versions.compare("12.0.0", "12"));
        assertEquals(1, Versions.compare("10", "9.6"));
        assertThrows(IllegalArgumentException.class, () -> Versions.compare("latest", "12"));
    }

    @Test
    void numbers_readNumbersAndDecimalTextOnly() {
        assertEquals(7.0, Numbers.of(" 7 "));
        assertEquals(7.0, Numbers.of(7L));
        assertEquals(Double.POSITIVE_INFINITY, Numbers.of("1e400"));
        assertEquals(1e23, Numbers.of("99999999999999999999999"));
        for (Object none : new Object[] {"7 days", "%[99]", "", "NaN", "Infinity", "0x10", "7d", List.of("7"),
            Map.of("a", 1L), true, com.google.protobuf.NullValue.NULL_VALUE}) {
            assertFalse(Numbers.isNumber(none), () -> String.valueOf(none));
            assertTrue(Double.isNaN(Numbers.of(none)), () -> String.valueOf(none));
        }
    }

    @Test
    void scalarText_writesScalarsAsStringDoesAndNothingElse() {
        assertEquals("13", PolicyFunctions.scalarText("13"));
        assertEquals("13", PolicyFunctions.scalarText(13L));
        assertEquals("true", PolicyFunctions.scalarText(true));
        assertEquals("", PolicyFunctions.scalarText(List.of("13")));
        assertEquals("", PolicyFunctions.scalarText(Map.of("a", "b")));
        assertEquals("", PolicyFunctions.scalarText(com.google.protobuf.NullValue.NULL_VALUE));
    }

    @Test
    void sizeBytes_anExponentBeyondAnIntIsClampedNotAnError() {
        assertEquals(Long.MAX_VALUE, Sizes.bytes("1e99999999999", "kubernetes"));
        assertEquals(0, Sizes.bytes("0e99999999999", "kubernetes"));
        assertEquals(6_000_000_000L, Sizes.bytes("6e0000000000009", "kubernetes"));
    }

    @Test
    void url_splitsAndFlagsPasswords() {
        Map<String, Object> u = Hosts.url("postgres://app:s3cret@db.internal:5432/app");
        assertEquals("postgres", u.get("scheme"));
        assertEquals("db.internal", u.get("host"));
        assertEquals(5432L, u.get("port"));
        assertEquals("app", u.get("user"));
        assertEquals(true, u.get("has_password"));
        assertEquals("http", Hosts.url("HTTP://Example.COM/x").get("scheme"));
        assertEquals("example.com", Hosts.url("HTTP://Example.COM/x").get("host"));
        assertEquals("my_host", Hosts.url("http://my_host:8080/").get("host"));
        assertEquals(Map.of(), Hosts.url("not a url"));
        assertEquals(Map.of(), Hosts.url("http://${HOST}/x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "api", "redis",
        "db.internal", "auth.prod.svc.cluster.local", "web.svc", "printer.local", "[::1]", "0.0.0.0", "$(public_host)",
        "${HOST}"})
    void internalHosts(String host) {
        assertTrue(Hosts.isInternal(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "api.example.com", "8.8.8.8", "172.32.0.1", "internal.example.com"})
    void publicHosts(String host) {
        assertFalse(Hosts.isInternal(host), host);
    }

    @Test
    void shellWords_splitsLikeAShellAndUnwrapsShC() {
        assertEquals(List.of("redis-server", "--save", "", "--appendonly", "no"),
                ShellWords.split("redis-server --save \"\" --appendonly no").words());
        assertEquals(List.of("a b", "c\"d", "e f"), ShellWords.split("'a b' \"c\\\"d\" e\\ f").words());
        assertEquals(List.of("redis-server", "--save", ""),
                ShellWords.words(List.of("sh", "-c", "redis-server --save ''")));
        assertEquals(List.of("1", "true"), ShellWords.words(List.of(1L, true)));
    }

    @Test
    void redisConfig_readsValuesUpToTheNextOption() {
        Map<String, Object> c = RedisArgs.config(List.of("redis-server", "--save", "60", "1", "--appendonly", "no",
                "--save", ""));
        assertEquals("", c.get("save"));
        assertEquals("no", c.get("appendonly"));
        assertEquals("/etc/redis.conf",
                RedisArgs.config(List.of("redis-server", "/etc/redis.conf")).get("config_file"));
        assertEquals("yes", RedisArgs.config(List.of("--appendonly", "yes")).get("appendonly"));
        assertEquals(Map.of(), RedisArgs.config(List.of()));
    }

    @Test
    void truthy_readsFlagsAsDjangoDoes() {
        for (Object yes : List.of("True", "true", "1", "yes", "ON", true, 1L)) {
            assertTrue(PolicyFunctions.truthy(yes), String.valueOf(yes));
        }
        for (Object no : List.of("False", "0", "no", "off", "", false, 0L, "maybe")) {
            assertFalse(PolicyFunctions.truthy(no), String.valueOf(no));
        }
    }

    @Test
    void firstKey_isTheFirstKeyInFileOrder() {
        Map<String, Object> env = new java.util.LinkedHashMap<>();
        env.put("ZED", "1");
        env.put("ALPHA", "2");
        assertEquals("ZED", PolicyFunctions.firstKey(env));
        assertEquals("", PolicyFunctions.firstKey(Map.of()));
        assertEquals("", PolicyFunctions.firstKey(List.of("ZED")));
        assertEquals("", PolicyFunctions.firstKey(null));
    }
}
