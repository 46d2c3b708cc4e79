package dev.tollgate.parse.compose;

import dev.tollgate.model.SourceFile;
import dev.tollgate.parse.ScanTree;
import dev.tollgate.parse.SourceText;
import dev.tollgate.parse.dotenv.DotenvFile;
import dev.tollgate.parse.dotenv.DotenvParser;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Loads the {@code env_file}s of one compose file, each once however many services name it. Not thread-safe: one
 * instance per compose file.
 *
 * <p>Only files inside the scan root are read ({@link ScanTree}).
 */
final class EnvFiles {

    /** What became of one {@code env_file} path. */
    sealed interface Outcome {
        /** Where reports show the file: the compose file's directory joined with the path as written. */
        String displayPath();
    }

    record Loaded(String displayPath, DotenvFile env) implements Outcome {
    }

    record Missing(String displayPath) implements Outcome {
    }

    record OutsideRoot(String displayPath) implements Outcome {
    }

    record Unreadable(String displayPath, String reason) implements Outcome {
    }

    private final DotenvParser dotenv;
    private final SourceFile composeFile;
    private final ScanTree tree;
    private final Map<String, Outcome> byDisplayPath = new HashMap<>();
    private final Set<String> reportedMissing = new HashSet<>();

    EnvFiles(DotenvParser dotenv, SourceFile composeFile) {
        this(dotenv, composeFile, new ScanTree(composeFile));
    }

    /** @param tree the scanned tree {@code composeFile} is in, where the files it names are looked for */
    EnvFiles(DotenvParser dotenv, SourceFile composeFile, ScanTree tree) {
        this.dotenv = dotenv;
        this.composeFile = composeFile;
        this.tree = tree;
    }

    /** Loads {@code written}, a path as it appears in the compose file, relative to the compose file's directory. */
    Outcome load(String written) {
        String display = displayPath(composeFile.displayPath(), written);
        return byDisplayPath.computeIfAbsent(display, d -> read(written, d));
    }

    /**
     * True the first time a missing file is reported for this compose file. Self-hosting kits name one {@code .env},
     * created at install time, from every service: one problem at its first reference says all there is to say.
     */
    boolean firstReportOfMissing(String displayPath) {
        return reportedMissing.add(displayPath);
    }

    private Outcome read(String written, String display) {
        ScanTree.Lookup found = tree.find(composeFile.path(), composeFile.displayPath(), written);
        if (found instanceof ScanTree.Missing) {
            return new Missing(display);
        }
        if (found instanceof ScanTree.OutsideRoot) {
            return new OutsideRoot(display);
        }
        if (found instanceof ScanTree.Unreadable u) {
            return new Unreadable(display, u.reason());
        }
        Path path = ((ScanTree.Found) found).path();
        SourceText.Read text = SourceText.read(new SourceFile(path, display, SourceFile.FileType.DOTENV));
        if (text.problem() != null) {
            return new Unreadable(display, text.problem().message());
        }
        return new Loaded(display, dotenv.read(text.text(), display));
    }

    /** {@code composeDisplayPath}'s directory joined with {@code written}: see {@link ScanTree#displayPath}. */
    static String displayPath(String composeDisplayPath, String written) {
        return ScanTree.displayPath(composeDisplayPath, written);
    }
}
