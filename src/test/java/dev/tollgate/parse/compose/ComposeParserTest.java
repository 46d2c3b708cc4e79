package dev.tollgate.parse.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.model.Format;
import dev.tollgate.model.ParseResult;
import dev.tollgate.model.Problem;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceFile;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.parse.Parsers;
import dev.tollgate.parse.yaml.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeParserTest {

    private static final String COMPOSE = "deploy/compose.yml";

    @TempDir
    Path root;

    private static SourceLocation at(String file, int line, int column) {
        return new SourceLocation(file, line, column);
    }

    @SafeVarargs
    private static <V> Map<String, V> ordered(Map.Entry<String, V>... entries) {
        Map<String, V> m = new LinkedHashMap<>();
        for (Map.Entry<String, V> e : entries) {
            m.put(e.getKey(), e.getValue());
        }
        return m;
    }

    private static Map.Entry<String, String> kv(String k, String v) {
        return new java.util.AbstractMap.SimpleEntry<>(k, v);
    }

    @Test
    void oneResourcePerServiceLocatedAtItsKey() throws IOException {
        ParseResult result = ComposeFiles.parse(root, COMPOSE, """
                services:
                  web:
                    image: nginx:1.25
                    ports:
                      - "80:80"
                  db:
                    image: postgres
                """);
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("web", "db"), result.resources().stream().map(Resource::name).toList());
        Resource web = ComposeFiles.service(result, "web");
        assertEquals(Format.COMPOSE, web.format());
        assertEquals("service", web.kind());
        assertEquals("services.web", web.address());
        assertEquals(at(COMPOSE, 2, 3), web.location());
        assertEquals(at(COMPOSE, 2, 3), web.locate(""));
        assertEquals(at(COMPOSE, 3, 5), web.locate("/image"));
        assertEquals(at(COMPOSE, 5, 9), web.locate("/ports/0"));
        assertEquals(List.of("80:80"), web.data().get("ports"));
        assertEquals(at(COMPOSE, 7, 5), ComposeFiles.service(result, "db").locate("/image"));
        // Pointers of the other service, and the /services prefix, do not leak in.
        assertFalse(web.locations().byPointer().keySet().stream().anyMatch(p -> p.startsWith("/services")));
        assertNull(ComposeFiles.service(result, "db").locations().byPointer().get("/ports"));
    }

    /**
     * What the file deploys when nothing outside the repository sets a variable: defaults are read, a variable the
     * project's .env sets is left to that file, and a reference without a default stays as written.
     */
    @Test
    void variableDefaultsAreReadUnlessTheProjectEnvFileSetsTheVariable() throws IOException {
        ComposeFiles.write(root, "deploy/.env", "REDIS_TAG=7\n");
        ComposeFiles.write(root, "deploy/prod.env", "LOG_LEVEL=info\n");
        ParseResult result = ComposeFiles.parse(root, COMPOSE, """
                services:
                  db:
                    image: postgres:${PG_TAG:-11}
                    environment:
                      - DEBUG=${DEBUG:-True}
                      - SECRET_KEY=${SECRET_KEY}
                    env_file: ${ENV_FILE:-prod.env}
                  cache:
                    image: redis:${REDIS_TAG:-6}
                """);
        assertEquals(List.of(), result.problems());
        Resource db = ComposeFiles.service(result, "db");
        assertEquals("postgres:11", db.data().get("image"));
        assertEquals(at(COMPOSE, 3, 5), db.locate("/image"));
        Map<?, ?> environment = (Map<?, ?>) db.data().get("environment");
        assertEquals("True", environment.get("DEBUG"));
        assertEquals(at(COMPOSE, 5, 9), db.locate("/environment/DEBUG"));
        assertEquals("${SECRET_KEY}", environment.get("SECRET_KEY"));
        assertEquals("info", environment.get("LOG_LEVEL")); // the env_file its default names was read
        assertEquals(at("deploy/prod.env", 1, 1), db.locate("/environment/LOG_LEVEL"));
        assertEquals("redis:${REDIS_TAG:-6}", ComposeFiles.service(result, "cache").data().get("image"));
    }

    @Test
    void environmentListBecomesAMapLocatedAtEachItem() throws IOException {
        ParseResult result = ComposeFiles.parse(root, COMPOSE, """
                services:
                  web:
                    environment:
                      - DEBUG=true
                      - EMPTY=
                      - PASSTHROUGH
                      - URL=http://x?a=b
                      - DEBUG=false
                      - 42
                """);
        assertEquals(List.of(), result.problems());
        Resource web = ComposeFiles.service(result, "web");
        Map<String, String> expected = ordered(kv("DEBUG", "false"), kv("EMPTY", ""), kv("PASSTHROUGH", null),
                kv("URL", "http://x?a=b"), kv("42", null));
        assertEquals(expected, web.data().get("environment"));
        assertEquals(at(COMPOSE, 8, 9), web.locate("/environment/DEBUG"));
        assertEquals(at(COMPOSE, 5, 9), web.locate("/environment/EMPTY"));
        assertEquals(at(COMPOSE, 6, 9), web.locate("/environment/PASSTHROUGH"));
        assertEquals(at(COMPOSE, 7, 9), web.locate("/environment/URL"));
        assertEquals(at(COMPOSE, 3, 5), web.locate("/environment"));
        assertNull(web.locations().byPointer().get("/environment/0"));
    }

    @Test
    void environmentMapValuesAreStringifiedAndLocatedAtTheirKeys() throws IOException {
        ParseResult result = ComposeFiles.parse(root, COMPOSE, """
                services:
                  db:
                    environment:
                      POSTGRES_PORT: 5432
                      ENABLED: true
                      RATIO: 1.50
                      NAME: app
                      UNSET:
                """);
        assertEquals(List.of(), result.problems());
        Resource db = ComposeFiles.service(result, "db");
        Map<String, String> expected = ordered(kv("POSTGRES_PORT", "5432"), kv("ENABLED", "true"), kv("RATIO", "1.5"),
                kv("NAME", "app"), kv("UNSET", null));
        assertEquals(expected, db.data().get("environment"));
        assertEquals(at(COMPOSE, 4, 7), db.locate("/environment/POSTGRES_PORT"));
        assertEquals(at(COMPOSE, 8, 7), db.locate("/environment/UNSET"));
    }

    @Test
    void envFileVariablesGoUnderEnvironmentAndPointIntoTheEnvFile() throws IOException {
        ComposeFiles.write(root, "env/web.env", """
                DEBUG=false
                FROM_FILE=1
                export QUOTED="a b"
                """);
        ComposeFiles.write(root, "deploy/override.env", "FROM_FILE=2\n");
        ParseResult result = ComposeFiles.parse(root, COMPOSE, """
                services:
                  web:
                    image: nginx
                    environment:
                      DEBUG: "true"
                    env_file:
                      - ../env/web.env
                      - path: ./override.env
                      - path: ./optional.env
                        required: false
                """);
        assertEquals(List.of(), result.problems());
        Resource web = ComposeFiles.service(result, "web");
        assertEquals(ordered(kv("DEBUG", "true"), kv("FROM_FILE", "2"), kv("QUOTED", "a b")),
                web.data().get("environment"));
        assertEquals(at(COMPOSE, 5, 7), web.locate("/environment/DEBUG"));
        assertEquals(at("deploy/override.env", 1, 1), web.locate("/environment/FROM_FILE"));
        assertEquals(at("env/web.env", 3, 8), web.locate("/environment/QUOTED"));
        // env_file itself is kept as written.
        assertEquals(List.of("../env/web.env", Map.of("path", "./override.env"),
                Map.of("path", "./optional.env", "required", false)), web.data().get("env_file"));
    }

    @Test
    void envFileAloneCreatesTheEnvironment() throws IOException {
        ComposeFiles.write(root, "deploy/app.env", "A=1\nB\n");
        ParseResult result = ComposeFiles.parse(root, COMPOSE, """
                services:
                  app:
                    env_file: app.env
                """);
        assertEquals(List.of(), result.problems());
        Resource app = ComposeFiles.service(result, "app");
        assertEquals(ordered(kv("A", "1"), kv("B", null)), app.data().get("environment"));
        assertEquals(at("deploy/app.env", 2, 1), app.locate("/environment/B"));
    }

    @Test
    void missingRequiredEnvFileIsAProblemAtItsLine() throws IOException {
        ParseResult result = ComposeFiles.parse(root, COMPOSE, """
                services:
                  db:
                    image: postgres
                    env_file: ../env/missing.env
                  web:
                    env_file:
                      - ./optional.env
                      - path: ./gone.env
                        required: true
                """);
        assertEquals(List.of(
                new Problem(COMPOSE, 4, 5, Problem.Kind.UNREADABLE,
                        "env_file env/missing.env not found: the variables it would set are not checked"),
                new Problem(COMPOSE, 7, 9, Problem.Kind.UNREADABLE,
                        "env_file deploy/optional.env not found: the variables it would set are not checked"),
                new Problem(COMPOSE, 8, 9, Problem.Kind.UNREADABLE,
                        "env_file deploy/gone.env not found: the variables it would set are not checked")),
                result.problems());
        assertEquals(2, result.resources().size());
        assertFalse(ComposeFiles.service(result, "db").data().containsKey("environment"));
    }

    @Test
    void envFileProblemsAreReportedOnceInTheEnvFile() throws IOException {
        ComposeFiles.write(root, "deploy/shared.env", "OK=1\nSECRET='unterminated\n");
        ParseResult result = ComposeFiles.parse(root, COMPOSE, """
                services:
                  a:
                    env_file: shared.env
                  b:
                    env_file: [shared.env]
                """);
        assertEquals(List.of(new Problem("deploy/shared.env", 2, 8, Problem.Kind.PARSE_ERROR,
                "unterminated quoted value for SECRET")), result.problems());
        assertEquals(Map.of("OK", "1"), ComposeFiles.service(result, "b").data().get("environment"));
    }

    @Test
    void envFilesOutsideTheScanRootAreNotRead() throws IOException {
        Files.writeString(root.getParent().resolve("outside-" + root.getFileName() + ".env"), "LEAK=1\n");
        ParseResult result = ComposeFiles.parse(root, "compose.yml", """
                services:
                  web:
                    env_file:
                      - ../outside-%s.env
                      - /etc/hostname
                      - ${HOME}/x.env
                """.formatted(root.getFileName()));
        Resource web = ComposeFiles.service(result, "web");
        // Nothing was read and nothing was written: no environment is invented.
        assertFalse(web.data().containsKey("environment"));
        assertEquals(List.of(Problem.Kind.SKIPPED, Problem.Kind.SKIPPED, Problem.Kind.NOT_SCANNED),
                result.problems().stream().map(Problem::kind).toList());
        assertEquals(List.of(4, 5, 6), result.problems().stream().map(Problem::line).toList());
    }

    @Test
    void commandStringIsSplitLikeAShellAndListsAreKeptAsStrings() throws IOException {
        ParseResult result = ComposeFiles.parse(root, COMPOSE, """
                services:
                  cache:
                    image: redis
                    command: redis-server --save "" --appendonly no
                    entrypoint: ["docker-entrypoint.sh", 5432, true]
                  odd:
                    image: 3.9
                    command: echo 'open
                """);
        Resource cache = ComposeFiles.service(result, "cache");
        assertEquals(List.of("redis-server", "--save", "", "--appendonly", "no"), cache.data().get("command"));
        assertEquals(List.of("docker-entrypoint.sh", "5432", "true"), cache.data().get("entrypoint"));
        assertEquals(at(COMPOSE, 4, 5), cache.locate("/command/2"));
        assertEquals(at(COMPOSE, 5, 42), cache.locate("/entrypoint/1"));
        assertEquals("redis", cache.data().get("image"));
        Resource odd = ComposeFiles.service(result, "odd");
        assertEquals("3.9", odd.data().get("image"));
        assertEquals(List.of("echo", "open"), odd.data().get("command"));
        assertEquals(List.of(new Problem(COMPOSE, 8, 5, Problem.Kind.PARSE_ERROR,
                "command of service odd has an unterminated quote")), result.problems());
    }

    @Test
    void extensionFieldsAnchorsAndMergeKeysWork() throws IOException {
        ParseResult result = ComposeFiles.parse(root, COMPOSE, """
                version: "3.9"
                x-common: &common
                  restart: always
                  environment:
                    - SHARED=yes
                  command: run --fast
                services:
                  worker:
                    <<: *common
                    image: app
                  web:
                    <<: *common
                    environment:
                      OWN: "1"
                """);
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("worker", "web"), result.resources().stream().map(Resource::name).toList());
        Resource worker = ComposeFiles.service(result, "worker");
        assertEquals("always", worker.data().get("restart"));
        assertEquals(Map.of("SHARED", "yes"), worker.data().get("environment"));
        assertEquals(List.of("run", "--fast"), worker.data().get("command"));
        assertEquals(at(COMPOSE, 8, 3), worker.location());
        // Merged keys are located where the anchor wrote them.
        assertEquals(at(COMPOSE, 3, 3), worker.locate("/restart"));
        assertEquals(at(COMPOSE, 5, 7), worker.locate("/environment/SHARED"));
        Resource web = ComposeFiles.service(result, "web");
        assertEquals(Map.of("OWN", "1"), web.data().get("environment"));
        assertEquals("always", web.data().get("restart"));
        // The anchored node shared by both services is left untouched.
        assertFalse(result.resources().stream().anyMatch(r -> r.data().containsKey("x-common")));
    }

    @Test
    void otherKeysAreKeptAsWritten() throws IOException {
        ParseResult result = ComposeFiles.parse(root, COMPOSE, """
                services:
                  web:
                    privileged: true
                    ports: [8080, "443:443"]
                    deploy:
                      resources:
                        limits: {cpus: "0.5"}
                """);
        Resource web = ComposeFiles.service(result, "web");
        assertEquals(Boolean.TRUE, web.data().get("privileged"));
        assertEquals(Arrays.asList(8080L, "443:443"), web.data().get("ports"));
        assertEquals(Map.of("resources", Map.of("limits", Map.of("cpus", "0.5"))), web.data().get("deploy"));
        assertEquals(at(COMPOSE, 7, 9), web.locate("/deploy/resources/limits"));
        assertFalse(web.data().containsKey("environment"));
    }

    @Test
    void badShapesAreProblemsNotExceptions() throws IOException {
        ParseResult result = ComposeFiles.parse(root, COMPOSE, """
                services:
                  web:
                    environment: "A=1"
                    env_file: 7
                  broken: "not a map"
                  list_env:
                    environment:
                      - =nokey
                """);
        assertEquals(List.of(3, 4, 5, 8), result.problems().stream().map(Problem::line).toList());
        assertEquals("A=1", ComposeFiles.service(result, "web").data().get("environment"));
        assertEquals(List.of("web", "list_env"), result.resources().stream().map(Resource::name).toList());
        assertEquals(Map.of(), ComposeFiles.service(result, "list_env").data().get("environment"));
        for (Problem p : result.problems()) {
            assertFalse(p.message().contains("nokey"), p.message());
        }
    }

    @Test
    void notAComposeFileIsAProblem() throws IOException {
        for (String yaml : List.of("name: x\n", "services: {}\n", "services: [a]\n", "- a\n")) {
            ParseResult result = ComposeFiles.parse(root, "compose.yml", yaml);
            assertEquals(List.of(), result.resources(), yaml);
            assertEquals(List.of(new Problem("compose.yml", 1, 1, Problem.Kind.PARSE_ERROR,
                    "not a compose file: no services")), result.problems(), yaml);
        }
    }

    @Test
    void aMissingEnvFileSharedThroughAMergeKeyIsOneProblem() throws IOException {
        ParseResult result = ComposeFiles.parse(root, COMPOSE, """
                services:
                  base: &base
                    image: ghcr.io/acme/app:2.4
                    env_file: .env
                  web:
                    <<: *base
                    command: ["serve"]
                  jobs:
                    <<: *base
                    command: ["work"]
                """);
        assertEquals(List.of(new Problem(COMPOSE, 4, 5, Problem.Kind.UNREADABLE,
                "env_file deploy/.env not found: the variables it would set are not checked")), result.problems());
        assertEquals(3, result.resources().size());
    }

    @Test
    void aMissingEnvFileNamedByEveryServiceIsReportedOnceAtItsFirstReference() throws IOException {
        // Self-hosting kits name the .env the installer creates from each service, on separate lines
        ParseResult result = ComposeFiles.parse(root, COMPOSE, """
                services:
                  server:
                    image: ghcr.io/acme/app:2.4
                    env_file:
                      - .env
                  worker:
                    image: ghcr.io/acme/app:2.4
                    env_file:
                      - .env
                """);
        assertEquals(List.of(new Problem(COMPOSE, 5, 9, Problem.Kind.UNREADABLE,
                "env_file deploy/.env not found: the variables it would set are not checked")), result.problems());
        assertEquals(2, result.resources().size());
    }

    @Test
    void aFileThatOnlyIncludesOthersIsAComposeFileWithoutServicesOfItsOwn() throws IOException {
        ParseResult result = ComposeFiles.parse(root, COMPOSE, """
                include:
                  - path: ../stack/compose.yaml
                    env_file: stack.env
                """);
        assertEquals(List.of(), result.problems());
        assertEquals(List.of(), result.resources());
    }

    @Test
    void anOverrideThatOnlyDeclaresNetworksOrVolumesIsNotAProblem() throws IOException {
        for (String yaml : List.of("networks:\n  edge:\n    external: true\n",
                "volumes:\n  data:\n    driver: local\nservices: {}\n")) {
            ParseResult result = ComposeFiles.parse(root, "compose.override.yml", yaml);
            assertEquals(List.of(), result.problems(), yaml);
            assertEquals(List.of(), result.resources(), yaml);
        }
    }

    @Test
    void aVersionOneFileIsReportedWithWhatToChange() throws IOException {
        // Compose format 1: services at the top level, no services: key (old self-hosting kits still ship it)
        ParseResult result = ComposeFiles.parse(root, COMPOSE, """
                db:
                  image: postgres:9.6
                web:
                  build: .
                  links:
                    - db
                """);
        assertEquals(List.of(), result.resources());
        assertEquals(List.of(new Problem(COMPOSE, 1, 1, Problem.Kind.PARSE_ERROR,
                "not a compose file: no services (this is the legacy version 1 format, services at the top level;"
                        + " move them under a services: key to have them checked)")), result.problems());
    }

    @Test
    void looksLikeComposeNeedsAMapOfServiceMaps() {
        YamlLoader loader = new YamlLoader();
        assertTrue(ComposeParser.looksLikeCompose(loader.load("services:\n  a: {image: x}\n", "f").documents().get(0)));
        assertFalse(ComposeParser.looksLikeCompose(loader.load("services:\n  a: x\n", "f").documents().get(0)));
        assertFalse(ComposeParser.looksLikeCompose(loader.load("services: {}\n", "f").documents().get(0)));
    }

    @Test
    void parsersDispatchComposeAndEnvFilesEndToEnd() throws IOException {
        Path env = ComposeFiles.write(root, "deploy/.env.web", "TOKEN=abc\r\nBAD LINE\r\n");
        Path compose = ComposeFiles.write(root, COMPOSE, "services:\r\n  web:\r\n    env_file: .env.web\r\n"
                + "    environment:\r\n      - MODE=prod\r\n");
        Parsers parsers = new Parsers();
        ParseResult c = parsers.parse(new SourceFile(compose, COMPOSE, SourceFile.FileType.COMPOSE_YAML));
        Resource web = c.resources().get(0);
        assertEquals(ordered(kv("MODE", "prod"), kv("TOKEN", "abc")), web.data().get("environment"));
        assertEquals(at(COMPOSE, 5, 9), web.locate("/environment/MODE"));
        assertEquals(at("deploy/.env.web", 1, 1), web.locate("/environment/TOKEN"));
        assertEquals(List.of(new Problem("deploy/.env.web", 2, 1, Problem.Kind.PARSE_ERROR,
                "invalid line: expected KEY=VALUE")), c.problems());

        ParseResult e = parsers.parse(new SourceFile(env, "deploy/.env.web", SourceFile.FileType.DOTENV));
        assertEquals(Map.of("TOKEN", "abc"), e.resources().get(0).data());
        assertEquals(".env.web", e.resources().get(0).name());

        Path notCompose = ComposeFiles.write(root, "docker-compose.yml", "name: only\n");
        ParseResult n = parsers.parse(new SourceFile(notCompose, "docker-compose.yml",
                SourceFile.FileType.COMPOSE_YAML));
        assertEquals("not a compose file: no services", n.problems().get(0).message());
    }

    @Test
    void aServiceIsRelatedToTheServicesThatDependOnIt() throws IOException {
        ParseResult result = ComposeFiles.parse(root, COMPOSE, """
                services:
                  web:
                    image: ghcr.io/acme/web:1
                    depends_on:
                      migrate:
                        condition: service_completed_successfully
                  admin:
                    image: ghcr.io/acme/web:1
                    depends_on: [migrate, cache]
                  migrate:
                    image: ghcr.io/acme/web:1
                  cache:
                    image: redis:7
                """);
        Resource migrate = result.resources().stream().filter(r -> r.name().equals("migrate")).findFirst()
                .orElseThrow();
        assertEquals(List.of("web depends_on deploy/compose.yml:4", "admin depends_on deploy/compose.yml:9"),
                migrate.related().stream().map(r -> r.name() + " " + r.attribute() + " " + r.location().file() + ":"
                        + r.location().line()).toList());
        assertEquals(Map.of("condition", "service_completed_successfully"),
                ((Map<?, ?>) migrate.related().get(0).data().get("depends_on")).get("migrate"));
        Resource web = result.resources().stream().filter(r -> r.name().equals("web")).findFirst().orElseThrow();
        assertEquals(List.of(), web.related(), "nothing depends on web");
    }
}
