package dev.tollgate.parse.dotenv;

import dev.tollgate.model.Format;
import dev.tollgate.model.LocationIndex;
import dev.tollgate.model.ParseResult;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceFile;
import dev.tollgate.model.SourceLocation;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads env files ({@code .env}, {@code *.env}, compose's {@code env_file}) with the syntax docker compose and
 * python-dotenv share: {@code #} comments, blank lines, {@code export KEY=...}, blanks around {@code =}, single, double
 * and backtick quotes (only double quotes have escapes), quoted values over several lines, and {@code ${VAR}}
 * references kept as written: nothing is expanded, since the values a scan sees are templates, not a running
 * environment. Stateless and thread-safe.
 */
public final class DotenvParser {

    /** Every assignment and problem of {@code text}; {@code displayPath} goes into their locations. Never throws. */
    public DotenvFile read(String text, String displayPath) {
        return new DotenvReader(text, displayPath).read();
    }

    /**
     * One {@code env} resource for the whole file: its data maps each key to its winning value (the last assignment;
     * {@code null} for a bare {@code KEY}), located at the winning assignment's key.
     */
    public ParseResult parse(SourceFile file, String text) {
        String path = file.displayPath();
        DotenvFile env = read(text, path);
        SourceLocation start = SourceLocation.startOf(path);
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, SourceLocation> locations = new HashMap<>();
        locations.put("", start);
        for (DotenvEntry e : env.winners().values()) {
            data.put(e.key(), e.value());
            locations.put(LocationIndex.child("", e.key()), e.keyLocation());
        }
        Resource resource = new Resource(Format.DOTENV, "env", fileName(path), path, start,
                Collections.unmodifiableMap(data), new LocationIndex(locations));
        return new ParseResult(List.of(resource), env.problems());
    }

    private static String fileName(String displayPath) {
        int slash = displayPath.lastIndexOf('/');
        return slash < 0 ? displayPath : displayPath.substring(slash + 1);
    }
}
