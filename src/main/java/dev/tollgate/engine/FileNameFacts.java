package dev.tollgate.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@link EnvFileNames} says of a file's path, worked out once per path: about a third of the bundled policies
 * ask it ({@code deploy_file(meta.file)}) of every element they judge, the same path each time within a resource,
 * and splitting the name into words again every time was about 2% of a large scan's CPU. One per engine; bounded.
 */
final class FileNameFacts {

    /** More paths than this and the facts start over: a bound on memory, not a size that matters for speed. */
    private static final int MAX_PATHS = 10_000;

    private record Facts(boolean template, String stage, boolean deployFile) {
    }

    private final Map<String, Facts> byPath = new ConcurrentHashMap<>();

    boolean isTemplate(String path) {
        return of(path).template();
    }

    String stage(String path) {
        return of(path).stage();
    }

    boolean isDeployFile(String path) {
        return of(path).deployFile();
    }

    private Facts of(String path) {
        Facts facts = byPath.get(path);
        if (facts == null) {
            if (byPath.size() >= MAX_PATHS) {
                byPath.clear();
            }
            facts = new Facts(EnvFileNames.isTemplate(path), EnvFileNames.stage(path), EnvFileNames.isDeployFile(path));
            byPath.put(path, facts);
        }
        return facts;
    }
}
