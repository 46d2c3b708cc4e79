package dev.tollgate.parse.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.model.ParseResult;
import dev.tollgate.model.Problem;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code extends}: the base merged in by compose's rules, every inherited node located where it is written. */
class ComposeExtendsTest {

    private static final String COMPOSE = "deploy/compose.yml";

    @TempDir
    Path root;

    private static SourceLocation at(String file, int line, int column) {
        return new SourceLocation(file, line, column);
    }

    @Test
    void theShortFormExtendsAServiceOfTheSameFile_andInheritedKeysPointIntoTheBase() throws IOException {
        ParseResult result = ComposeFiles.parse(root, COMPOSE, """
                services:
                  api:
                    build: ./backend
                    restart: unless-stopped
                    healthcheck:
                      test: ["CMD", "curl", "-f", "http://localhost/healthz"]
                  api-replica:
                    extends: api
                    environment:
                      ROLE: replica
                """);
        assertEquals(List.of(), result.problems());
        Resource replica = ComposeFiles.service(result, "api-replica");
        assertEquals("./backend", replica.data().get("build"));
        assertEquals("unless-stopped", replica.data().get("restart"));
        assertTrue(replica.data().containsKey("healthcheck"));
        assertFalse(replica.data().containsKey("extends"), "resolved, so no longer there");
        assertEquals(Map.of("ROLE", "replica"), replica.data().get("environment"));
        assertEquals(at(COMPOSE, 7, 3), replica.location());
        assertEquals(at(COMPOSE, 4, 5), replica.locate("/restart"));
        assertEquals(at(COMPOSE, 6, 7), replica.locate("/healthcheck/test"));
        assertEquals(at(COMPOSE, 10, 7), replica.locate("/environment/ROLE"));
        assertFalse(replica.locations().byPointer().containsKey("/extends"));
    }

    @Test
    void aBaseInAnotherFileIsMergedByComposesRules() throws IOException {
        ComposeFiles.write(root, "common/base.env", "FROM_BASE_ENV_FILE=1\nLOG_LEVEL=warning\n");
        ComposeFiles.write(root, "common/services.yml", """
                services:
                  app:
                    image: ghcr.io/acme/api:3.2.0
                    command: ["gunicorn", "app:wsgi"]
                    env_file: base.env
                    environment:
                      - LOG_LEVEL=info
                      - TZ=UTC
                    ports:
                      - "8000:8000"
                    expose: ["8000"]
                    dns: 1.1.1.1
                    volumes:
                      - data:/var/lib/app
                      - logs:/var/log/app
                    labels:
                      tier: backend
                    depends_on: [db]
                    links: [db]
                    volumes_from: [db]
                """);
        ParseResult result = ComposeFiles.parse(root, COMPOSE, """
                services:
                  web:
                    extends:
                      file: ../common/services.yml
                      service: app
                    command: ["gunicorn", "--workers", "4", "app:wsgi"]
                    environment:
                      LOG_LEVEL: debug
                    ports:
                      - "8000:8000"
                      - "9000:9000"
                    expose: ["8000", "9000"]
                    dns: [8.8.8.8]
                    volumes:
                      - fast:/var/lib/app:ro
                    labels:
                      - "role=web"
                    depends_on: [cache]
                """);
        assertEquals(List.of(), result.problems());
        Resource web = ComposeFiles.service(result, "web");
        Map<String, Object> d = web.data();
        String base = "common/services.yml";
        // Scalars and shell commands: the extending service's.
        assertEquals("ghcr.io/acme/api:3.2.0", d.get("image"));
        assertEquals(at(base, 3, 5), web.locate("/image"));
        assertEquals(List.of("gunicorn", "--workers", "4", "app:wsgi"), d.get("command"));
        // Mappings merged, also from the list form; environment over env_file, whichever file set them.
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LOG_LEVEL", "debug");
        env.put("TZ", "UTC");
        env.put("FROM_BASE_ENV_FILE", "1");
        assertEquals(env, d.get("environment"));
        assertEquals(at(COMPOSE, 8, 7), web.locate("/environment/LOG_LEVEL"));
        assertEquals(at(base, 8, 9), web.locate("/environment/TZ"));
        // env_file is relative to the file that names it, so the base's base.env is common/base.env.
        assertEquals(at("common/base.env", 1, 1), web.locate("/environment/FROM_BASE_ENV_FILE"));
        assertEquals(Map.of("tier", "backend", "role", "web"), d.get("labels"));
        assertEquals(at(COMPOSE, 17, 9), web.locate("/labels/role"));
        assertEquals(at(base, 17, 7), web.locate("/labels/tier"));
        // Unique sequences appended without duplicates; dns appended; each item where it is written.
        assertEquals(List.of("8000:8000", "9000:9000"), d.get("ports"));
        assertEquals(at(base, 10, 9), web.locate("/ports/0"));
        assertEquals(at(COMPOSE, 11, 9), web.locate("/ports/1"));
        assertEquals(List.of("8000", "9000"), d.get("expose"));
        assertEquals(List.of("1.1.1.1", "8.8.8.8"), d.get("dns"));
        assertEquals(at(base, 12, 5), web.locate("/dns/0"));
        // Volumes merged by their target in the container.
        assertEquals(List.of("fast:/var/lib/app:ro", "logs:/var/log/app"), d.get("volumes"));
        assertEquals(at(COMPOSE, 15, 9), web.locate("/volumes/0"));
        assertEquals(at(base, 15, 9), web.locate("/volumes/1"));
        // What ties the base to other services is not inherited.
        assertEquals(List.of("cache"), d.get("depends_on"));
        assertFalse(d.containsKey("links"));
        assertFalse(d.containsKey("volumes_from"));
    }

    @Test
    void aChainIsFollowedAcrossFiles() throws IOException {
        ComposeFiles.write(root, "base/root.yml", """
                services:
                  root:
                    image: ghcr.io/acme/api:3.2.0
                    healthcheck:
                      test: ["CMD", "true"]
                """);
        ComposeFiles.write(root, "base/middle.yml", """
                services:
                  middle:
                    extends: {file: root.yml, service: root}
                    restart: always
                """);
        ParseResult result = ComposeFiles.parse(root, "compose.yml", """
                services:
                  web:
                    extends: {file: base/middle.yml, service: middle}
                """);
        assertEquals(List.of(), result.problems());
        Resource web = ComposeFiles.service(result, "web");
        assertEquals("ghcr.io/acme/api:3.2.0", web.data().get("image"));
        assertEquals("always", web.data().get("restart"));
        assertEquals(at("base/root.yml", 5, 7), web.locate("/healthcheck/test"));
        assertEquals(at("base/middle.yml", 4, 5), web.locate("/restart"));
    }

    @Test
    void whatCannotBeFollowedIsAProblemAtItsLine_andTheOtherServicesAreStillResolved() throws IOException {
        Files.writeString(root.getParent().resolve("outside-" + root.getFileName() + ".yml"),
                "services:\n  x:\n    environment:\n      LEAK: \"1\"\n");
        ComposeFiles.write(root, "deploy/broken.yml", "services:\n  x: [\n");
        ComposeFiles.write(root, "deploy/nothing.yml", "volumes:\n  data: {}\n");
        ParseResult result = ComposeFiles.parse(root, COMPOSE, """
                services:
                  good:
                    extends: base
                  base:
                    image: ghcr.io/acme/api:3.2.0
                  absolute:
                    extends: {file: /etc/compose.yml, service: x}
                  escape:
                    extends: {file: ../../outside-%s.yml, service: x}
                  missing-file:
                    extends: {file: nowhere.yml, service: x}
                  missing-service:
                    extends: ghost
                  self:
                    extends: self
                  a:
                    extends: b
                  b:
                    extends: {service: a}
                  interpolated:
                    extends: {file: "${COMMON}/x.yml", service: x}
                  not-yaml:
                    extends: {file: broken.yml, service: x}
                  no-services:
                    extends: {file: nothing.yml, service: x}
                  malformed:
                    extends: {file: other.yml}
                """.formatted(root.getFileName()));
        assertEquals("ghcr.io/acme/api:3.2.0", ComposeFiles.service(result, "good").data().get("image"));
        List<String> problems = result.problems().stream().map(p -> p.line() + " " + p.kind() + " " + p.message())
                .toList();
        assertEquals(List.of(
                "7 SKIPPED extends file /etc/compose.yml of service absolute is an absolute path, outside the scanned"
                        + " directory; not read",
                "9 SKIPPED extends file ../outside-" + root.getFileName() + ".yml of service escape is outside the"
                        + " scanned directory; not read",
                "11 UNREADABLE extends file deploy/nowhere.yml of service missing-file not found; judged without what"
                        + " it would inherit",
                "13 PARSE_ERROR service missing-service extends ghost, which this file does not define; judged without"
                        + " what it would inherit",
                "15 PARSE_ERROR extends loop: self -> self; service self is judged without what it would inherit",
                "17 PARSE_ERROR extends loop: a -> b -> a; service a is judged without what it would inherit",
                "19 PARSE_ERROR extends loop: b -> a -> b; service b is judged without what it would inherit",
                "21 NOT_SCANNED extends file ${COMMON}/x.yml of service interpolated uses variable interpolation; not"
                        + " read",
                "23 PARSE_ERROR extends file deploy/broken.yml of service not-yaml is not valid YAML (see"
                        + " deploy/broken.yml:2:7); judged without what it would inherit",
                "25 PARSE_ERROR extends file deploy/nothing.yml of service no-services defines no services; judged"
                        + " without what it would inherit",
                "27 PARSE_ERROR extends of service malformed must name a service (extends: base, or extends: {service:"
                        + " base, file: common.yml}); judged as written"), problems);
        assertTrue(result.problems().stream().allMatch(p -> p.file().equals(COMPOSE)));
        // Nothing outside the tree was read, and every service is still a resource, judged as written.
        assertFalse(ComposeFiles.service(result, "escape").data().containsKey("environment"));
        assertEquals(13, result.resources().size());
    }

    @Test
    void oddShapesMergeWithoutAnError() throws IOException {
        ParseResult result = ComposeFiles.parse(root, COMPOSE, """
                services:
                  base:
                    image: ghcr.io/acme/api:3.2.0
                    volumes: ["::", ":", "", {target: /data}, 42, null]
                    environment: [FOO, "=x", {A: b}, 7]
                    dns: [1.1.1.1]
                    ports: 8000
                    labels: {a: b}
                  web:
                    extends: base
                    volumes: ["x::", {source: y}, [nested]]
                    environment: {FOO: bar}
                    dns: 8.8.8.8
                    ports: ["9000:9000"]
                    labels: oops
                """);
        // The base's own bad entry is reported where it is written, once; the merge itself adds nothing.
        assertEquals(List.of("deploy/compose.yml:5:24: environment of service base has an entry with no variable name"),
                result.problems().stream().map(Problem::toString).toList());
        Map<String, Object> d = ComposeFiles.service(result, "web").data();
        assertEquals(List.of("1.1.1.1", "8.8.8.8"), d.get("dns"));
        assertEquals(List.of("9000:9000"), d.get("ports"), "a scalar where a list belongs is the extending service's");
        assertEquals("oops", d.get("labels"));
        assertEquals(Map.of("FOO", "bar", "7", "null"), stringValues(d.get("environment")));
    }

    private static Map<String, String> stringValues(Object map) {
        Map<String, String> out = new LinkedHashMap<>();
        ((Map<?, ?>) map).forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }

    @Test
    void aLoopInAnotherFileIsReportedThereOnce() throws IOException {
        ComposeFiles.write(root, "deploy/loops.yml", """
                services:
                  a:
                    extends: b
                  b:
                    extends: a
                """);
        ParseResult result = ComposeFiles.parse(root, COMPOSE, """
                services:
                  web:
                    extends: {file: loops.yml, service: a}
                """);
        assertEquals(List.of(new Problem("deploy/loops.yml", 5, 5, Problem.Kind.PARSE_ERROR,
                "extends loop: b -> a -> b; service b is judged without what it would inherit")), result.problems());
    }

    @Test
    void aLongChainResolvesEachBaseOnceWithEveryServiceInheritingFromTheRoot() throws IOException {
        // Each service extends the one before it; every base is resolved once and reused (it was resolved again for
        // every service below it, re-reading the file's locations each time: cubic in the chain).
        int n = 1_000;
        StringBuilder yaml = new StringBuilder("services:\n  s0:\n    image: ghcr.io/acme/api:1\n    environment:\n"
                + "      LEVEL: \"0\"\n");
        for (int i = 1; i < n; i++) {
            yaml.append("  s").append(i).append(":\n    extends: s").append(i - 1).append('\n');
            if (i % 100 == 0) {
                yaml.append("    environment:\n      LEVEL: \"").append(i).append("\"\n");
            }
        }
        ParseResult result = ComposeFiles.parse(root, COMPOSE, yaml.toString());
        assertEquals(List.of(), result.problems());
        assertEquals(n, result.resources().size());
        Resource last = ComposeFiles.service(result, "s" + (n - 1));
        assertEquals("ghcr.io/acme/api:1", last.data().get("image"));
        assertEquals(at(COMPOSE, 3, 5), last.locate("/image"), "located in s0, where it is written");
        assertEquals(Map.of("LEVEL", "900"), last.data().get("environment"), "the nearest base's value wins");
        assertEquals(Map.of("LEVEL", "0"), ComposeFiles.service(result, "s99").data().get("environment"));
    }
}
