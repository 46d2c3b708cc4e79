package dev.tollgate.parse.compose;

import dev.tollgate.model.ParseResult;
import dev.tollgate.model.SourceFile;
import dev.tollgate.parse.dotenv.DotenvParser;
import dev.tollgate.parse.yaml.YamlDocument;
import java.util.Map;

/** Turns a compose file into one resource per service. (Skeleton: filled in by the compose work.) */
public final class ComposeParser {

    private final DotenvParser dotenv;

    public ComposeParser(DotenvParser dotenv) {
        this.dotenv = dotenv;
    }

    /** A YAML document whose top-level {@code services} is a map of maps. */
    public static boolean looksLikeCompose(YamlDocument doc) {
        if (!(doc.root() instanceof Map<?, ?> root) || !(root.get("services") instanceof Map<?, ?> services)) {
            return false;
        }
        return !services.isEmpty() && services.values().stream().allMatch(v -> v instanceof Map<?, ?>);
    }

    public ParseResult parse(SourceFile file, YamlDocument doc) {
        return ParseResult.empty();
    }
}
