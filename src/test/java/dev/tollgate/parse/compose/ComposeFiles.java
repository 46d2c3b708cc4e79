package dev.tollgate.parse.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.model.ParseResult;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceFile;
import dev.tollgate.parse.dotenv.DotenvParser;
import dev.tollgate.parse.yaml.YamlLoader;
import dev.tollgate.parse.yaml.YamlStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Compose files written under a test's temporary root and parsed as the scan parses them. */
final class ComposeFiles {

    private ComposeFiles() {
    }

    static Path write(Path root, String displayPath, String text) throws IOException {
        Path p = root.resolve(displayPath);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    /** Writes {@code yaml} at {@code displayPath} and parses its one document, which must be valid YAML. */
    static ParseResult parse(Path root, String displayPath, String yaml) throws IOException {
        Path p = write(root, displayPath, yaml);
        YamlStream stream = new YamlLoader().load(yaml, displayPath);
        assertEquals(List.of(), stream.problems());
        assertEquals(1, stream.documents().size());
        return new ComposeParser(new DotenvParser())
                .parse(new SourceFile(p, displayPath, SourceFile.FileType.COMPOSE_YAML), stream.documents().get(0));
    }

    static Resource service(ParseResult result, String name) {
        return result.resources().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
