package dev.tollgate.parse.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.model.Format;
import dev.tollgate.model.ParseResult;
import dev.tollgate.model.Problem;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceFile;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.parse.Parsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A secretGenerator's env files become env resources, read once, inside the scanned tree only. */
class KustomizeEnvFilesTest {

    @TempDir
    Path root;

    private ParseResult parse(String displayPath, String text) throws IOException {
        Path p = root.resolve(displayPath);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return new Parsers().parse(new SourceFile(p, displayPath, SourceFile.FileType.YAML));
    }

    @Test
    void envFilesNotNamedLikeEnvFilesAreReadAsEnvResources_locatedInThemselves() throws IOException {
        Files.createDirectories(root.resolve("k8s/config"));
        Files.writeString(root.resolve("k8s/config/db.properties"), "DB_USER=acme\nDB_PASSWORD=Tq7Lm2Xv9Rp4Wk8Zc3Nb\n");
        Files.writeString(root.resolve("k8s/secrets.env"), "TOKEN=abc\n");
        ParseResult r = parse("k8s/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                secretGenerator:
                  - name: db
                    envs:
                      - config/db.properties
                      - secrets.env
                  - name: again
                    env: config/db.properties
                """);
        assertEquals(List.of(), r.problems());
        // secrets.env is an env file by name: discovery reads it, so it is not read a second time here.
        assertEquals(List.of("Kustomization", "env"), r.resources().stream().map(Resource::kind).toList());
        Resource env = r.resources().get(1);
        assertEquals(Format.DOTENV, env.format());
        assertEquals(Map.of("DB_USER", "acme", "DB_PASSWORD", "Tq7Lm2Xv9Rp4Wk8Zc3Nb"), env.data());
        assertEquals(new SourceLocation("k8s/config/db.properties", 2, 1), env.locate("/DB_PASSWORD"));
    }

    @Test
    void missingAndOutsideFilesAreProblemsAtTheirReference() throws IOException {
        Files.writeString(root.getParent().resolve("outside-" + root.getFileName() + ".properties"), "LEAK=1\n");
        ParseResult r = parse("kustomization.yaml", """
                secretGenerator:
                  - name: db
                    envs:
                      - nowhere.properties
                      - ../outside-%s.properties
                """.formatted(root.getFileName()));
        assertEquals(1, r.resources().size(), "the Kustomization only: nothing outside the tree was read");
        assertEquals(List.of(
                new Problem("kustomization.yaml", 4, 9, Problem.Kind.UNREADABLE,
                        "secretGenerator env file nowhere.properties not found: "
                                + "the values it would set are not checked"),
                new Problem("kustomization.yaml", 5, 9, Problem.Kind.SKIPPED, "secretGenerator env file ../outside-"
                        + root.getFileName() + ".properties is outside the scanned directory; not read")),
                r.problems());
        assertTrue(r.resources().stream().noneMatch(x -> x.data().containsKey("LEAK")));
    }
}
