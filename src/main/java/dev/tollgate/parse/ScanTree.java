package dev.tollgate.parse;

import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.model.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the files a scanned file names (a compose file's {@code env_file} and {@code extends.file}, a kustomization's
 * {@code envs}) inside the scanned tree, and only there. A file under review must not make the scanner read
 * {@code /proc/self/environ} or a CI runner's credentials into resources whose values policies may quote; nor may a
 * FIFO block the scan or a huge file fill memory. Thread-safe; its only state is the real path of its root, resolved on
 * first need and shared through {@link RealRoots} with the other trees of a scan.
 */
public final class ScanTree {

    /** What became of one path a compose file names. */
    public sealed interface Lookup {
        /** Where reports show the file: the naming file's directory joined with the path as written. */
        String displayPath();
    }

    /** A regular file inside the scan root, small enough to read. */
    public record Found(String displayPath, Path path) implements Lookup {
    }

    public record Missing(String displayPath) implements Lookup {
    }

    public record OutsideRoot(String displayPath) implements Lookup {
    }

    public record Unreadable(String displayPath, String reason) implements Lookup {
    }

    /**
     * The real paths (symbolic links resolved) of scan roots, shared by the trees of one scan: resolving the root's on
     * every lookup was a {@code realpath} (a system call per path component) per file a compose file names, on top
     * of the named file's own. Bounded: a scan has a few roots; past {@link #LIMIT} they are resolved each time.
     */
    public static final class RealRoots {
        private static final int LIMIT = 64;
        private final Map<Path, Path> known = new ConcurrentHashMap<>();

        Path of(Path root) throws IOException {
            Path real = known.get(root);
            if (real == null) {
                real = root.toRealPath();
                if (known.size() < LIMIT) {
                    known.put(root, real);
                }
            }
            return real;
        }
    }

    private final Path root;
    private final RealRoots realRoots;

    /** The tree {@code scanned} was found in: its path with as many trailing names removed as its display path has. */
    public ScanTree(SourceFile scanned) {
        this(scanned, new RealRoots());
    }

    /** As {@link #ScanTree(SourceFile)}, resolving its root through {@code realRoots}. */
    public ScanTree(SourceFile scanned, RealRoots realRoots) {
        this.root = scanRoot(scanned);
        this.realRoots = realRoots;
    }

    /**
     * The file {@code written} names, relative to {@code from} (the file that names it, whose display path is
     * {@code fromDisplay}).
     */
    public Lookup find(Path from, String fromDisplay, String written) {
        String display = displayPath(fromDisplay, written);
        Path path;
        try {
            path = from.toAbsolutePath().normalize().resolveSibling(written).normalize();
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
            if (!path.toRealPath().startsWith(realRoots.of(root))) {
                return new OutsideRoot(display);
            }
            // Discovery's rules hold here too: a FIFO or device would block or never end, a huge file would fill
            // memory.
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
        return new Found(display, path);
    }

    /**
     * The scan root: the one discovery found the file under, else the compose file's path with as many trailing
     * names removed as its display path has. When the two do not line up, the compose file's own directory, the
     * narrowest safe choice.
     */
    private static Path scanRoot(SourceFile file) {
        if (file.root() != null) {
            return file.root();
        }
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
     * {@code fromDisplayPath}'s directory joined with {@code written}, with {@code .} and {@code ..} resolved and
     * {@code /} separators: {@code deploy/compose.yml} + {@code ../env/web.env} gives {@code env/web.env}.
     */
    public static String displayPath(String fromDisplayPath, String written) {
        String rel = written.replace('\\', '/');
        boolean absolute = rel.startsWith("/");
        int slash = fromDisplayPath.lastIndexOf('/');
        String joined = absolute || slash < 0 ? rel : fromDisplayPath.substring(0, slash + 1) + rel;
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
