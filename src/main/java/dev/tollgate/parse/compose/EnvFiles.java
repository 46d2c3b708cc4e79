package dev.tollgate.parse.compose;

import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.model.SourceFile;
import dev.tollgate.parse.SourceText;
import dev.tollgate.parse.dotenv.DotenvFile;
import dev.tollgate.parse.dotenv.DotenvParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Loads the {@code env_file}s of one compose file, each once however many services name it. Not thread-safe: one
 * instance per compose file.
 *
 * <p>Only files inside the scan root are read. A compose file under review must not make the scanner read
 * {@code /proc/self/environ} or a CI runner's credentials into resources whose values policies may quote.
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
    private final Path root;
    private final Map<String, Outcome> byDisplayPath = new HashMap<>();
    private final Set<String> reportedMissing = new HashSet<>();

    EnvFiles(DotenvParser dotenv, SourceFile composeFile) {
        this.dotenv = dotenv;
        this.composeFile = composeFile;
        this.root = scanRoot(composeFile);
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
        Path path;
        try {
            path = composeFile.path().toAbsolutePath().normalize().resolveSibling(written).normalize();
        } catch (InvalidPathException e) {
            return new Unreadable(display, "not a valid path");
        }
        if (!path.startsWith(root)) {
            return new OutsideRoot(display);
        }
        if (!Files.exists(path)) {
            return new Missing(display);
        }
        try {
            // A symlink inside the root may still point out of it.
            if (!path.toRealPath().startsWith(root.toRealPath())) {
                return new OutsideRoot(display);
            }
            // Discovery's rules hold here too: a FIFO or device would block or never end, a huge file would fill memory.
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attrs.isRegularFile()) {
                return new Unreadable(display, "not a regular file; not read");
            }
            if (attrs.size() > FileDiscovery.DEFAULT_MAX_FILE_SIZE) {
                return new Unreadable(display, "skipped: " + attrs.size() + " bytes is over the "
                        + FileDiscovery.DEFAULT_MAX_FILE_SIZE + "-byte limit");
            }
        } catch (IOException | SecurityException e) {
            return new Unreadable(display, "cannot resolve path: " + e.getClass().getSimpleName());
        }
        SourceText.Read text = SourceText.read(new SourceFile(path, display, SourceFile.FileType.DOTENV));
        if (text.problem() != null) {
            return new Unreadable(display, text.problem().message());
        }
        return new Loaded(display, dotenv.read(text.text(), display));
    }

    /**
     * The scan root: the compose file's path with as many trailing names removed as its display path has. When the
     * two do not line up, the compose file's own directory, the narrowest safe choice.
     */
    private static Path scanRoot(SourceFile file) {
        Path path = file.path().toAbsolutePath().normalize();
        Path dir = path.getParent() != null ? path.getParent() : path;
        String[] names = file.displayPath().split("/");
        Path p = path;
        for (int i = names.length - 1; i >= 0; i--) {
            if (p == null || p.getFileName() == null || !p.getFileName().toString().equals(names[i])) {
                return dir;
            }
            p = p.getParent();
        }
        return p != null ? p : dir;
    }

    /**
     * {@code composeDisplayPath}'s directory joined with {@code written}, with {@code .} and {@code ..} resolved and
     * {@code /} separators: {@code deploy/compose.yml} + {@code ../env/web.env} gives {@code env/web.env}.
     */
    static String displayPath(String composeDisplayPath, String written) {
        String rel = written.replace('\\', '/');
        boolean absolute = rel.startsWith("/");
        int slash = composeDisplayPath.lastIndexOf('/');
        String joined = absolute || slash < 0 ? rel : composeDisplayPath.substring(0, slash + 1) + rel;
        Deque<String> parts = new ArrayDeque<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.removeLast();
            } else if (!(part.equals("..") && absolute)) {
                parts.addLast(part);
            }
        }
        return (absolute ? "/" : "") + String.join("/", parts);
    }
}
