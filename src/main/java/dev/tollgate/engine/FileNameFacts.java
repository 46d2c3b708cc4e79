package dev.tollgate.engine;

/**
 * What {@link EnvFileNames} says of a file's path, worked out once per path: about a third of the bundled policies
 * ask it ({@code deploy_file(meta.file)}) of every element they judge, the same path each time within a resource,
 * and splitting the name into words again every time was about 2% of a large scan's CPU. One per engine.
 */
final class FileNameFacts {

    private record Facts(boolean template, String stage, boolean deployFile) {
    }

    private final Memo<Facts> byPath = new Memo<>(path -> new Facts(EnvFileNames.isTemplate(path),
            EnvFileNames.stage(path), EnvFileNames.isDeployFile(path)), 10_000, 4_096);

    boolean isTemplate(String path) {
        return byPath.get(path).template();
    }

    String stage(String path) {
        return byPath.get(path).stage();
    }

    boolean isDeployFile(String path) {
        return byPath.get(path).deployFile();
    }
}
