package dev.tollgate.parse.dotenv;

import dev.tollgate.model.ParseResult;
import dev.tollgate.model.SourceFile;

/** Reads env templates. (Skeleton: filled in by the dotenv work.) */
public final class DotenvParser {

    public ParseResult parse(SourceFile file, String text) {
        return ParseResult.empty();
    }
}
