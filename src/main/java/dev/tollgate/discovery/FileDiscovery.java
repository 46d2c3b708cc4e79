package dev.tollgate.discovery;

import dev.tollgate.config.Glob;
import dev.tollgate.model.ParallelSort;
import dev.tollgate.model.Problem;
import dev.tollgate.model.SourceFile;
import dev.tollgate.model.SourceFile.FileType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountedCompleter;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;

/**
 * The entry point of discovery: walks the scan roots and picks the files Tollgate reads.
 *
 * <p>Skips version-control and dependency directories ({@code .git}, {@code node_modules}, {@code .terraform}) and,
 * with a reported reason, files over the size limit, binary files and paths that cannot be walked (a symlink loop,
 * a directory without permission). Paths are shown relative to their scan root with {@code /} separators, which is
 * what SARIF needs for GitHub to place alerts.
 */
public final class FileDiscovery {

    /** Default size limit: larger than any hand-written manifest, small enough to keep memory bounded. */
    public static final long DEFAULT_MAX_FILE_SIZE = 8L * 1024 * 1024;

    private static final Set<String> SKIPPED_DIRS = Set.of(".git", ".hg", ".svn", "node_modules", ".terraform");
    private static final int SNIFF_BYTES = 8192;
    private static final int PLAN_SNIFF_BYTES = 4096;

    private final long maxFileSize;
    private final List<Glob> excludes;
    /** What a caller asks of the content of files of {@link #markedTypes}, or null; see {@link #withMarker}. */
    private final Predicate<byte[]> marker;
    private final Set<FileType> markedTypes;
    /** A file never scanned wherever it is met (a configuration named by {@code --config}); null for none. */
    private final Path leftOut;

    /**
     * True when discovery reads a file of this name as an env file ({@code .env}, {@code secrets.env}): a file that
     * names it (a kustomization's {@code envs}) need not read it a second time.
     */
    public static boolean isEnvFileName(String fileName) {
        return FileClassifier.classify(fileName).filter(t -> t == SourceFile.FileType.DOTENV).isPresent();
    }

    public FileDiscovery() {
        this(DEFAULT_MAX_FILE_SIZE, List.of());
    }

    public FileDiscovery(long maxFileSize) {
        this(maxFileSize, List.of());
    }

    /**
     * @param excludeGlobs globs over paths relative to the scan root ({@code vendor/**},
     *     {@code **}{@code /testdata/**}); a matching directory is not entered, a matching file not read
     */
    public FileDiscovery(long maxFileSize, List<String> excludeGlobs) {
        this(maxFileSize, excludeGlobs.stream().map(Glob::of).toList(), null, Set.of(), null);
    }

    private FileDiscovery(long maxFileSize, List<Glob> excludes, Predicate<byte[]> marker, Set<FileType> markedTypes,
            Path leftOut) {
        this.maxFileSize = maxFileSize;
        this.excludes = excludes;
        this.marker = marker;
        this.markedTypes = markedTypes;
        this.leftOut = leftOut;
    }

    /**
     * This discovery, also asking {@code marker} of each file's content, so that a pre-pass over some files need not
     * read every file again (the scan's pass over Kubernetes link sources). It is asked of the bytes the binary check
     * reads anyway: the first {@value #SNIFF_BYTES} bytes, all of nearly every configuration file. A file it answers
     * false for, having seen the whole file, is {@linkplain Discovery#mayBeMarked not marked}; a longer file is
     * always marked, since the rest was not seen. Files of other types than {@code types} are not marked, and their
     * bytes are not searched.
     */
    public FileDiscovery withMarker(Set<FileType> types, Predicate<byte[]> marker) {
        return new FileDiscovery(maxFileSize, excludes, marker, Set.copyOf(types), leftOut);
    }

    /**
     * This discovery, leaving {@code file} out wherever a walk meets it, without a problem: Tollgate's configuration
     * given with {@code --config} under another name than {@code .tollgate.yml}, which inside a scan root would
     * otherwise be read as a YAML file of the repository.
     */
    public FileDiscovery leavingOut(Path file) {
        return new FileDiscovery(maxFileSize, excludes, marker, markedTypes, file.toAbsolutePath().normalize());
    }

    private boolean isLeftOut(Path file) {
        if (leftOut == null || !file.getFileName().equals(leftOut.getFileName())) {
            return false; // the cheap test first: the walk asks this of every file
        }
        if (file.toAbsolutePath().normalize().equals(leftOut)) {
            return true;
        }
        try {
            return Files.isSameFile(file, leftOut); // reached through a symbolic link, or by another spelling
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private boolean excluded(String displayPath) {
        return excludes.stream().anyMatch(g -> g.matches(displayPath));
    }

    /**
     * Walks each root (a directory or a single file); the roots must exist (the CLI checks). A root inside another is
     * walked once, as part of the other. With one root, reports show paths relative to it; with several, relative to
     * the directory they share, so that two roots' {@code docker-compose.yml} are not shown as one file. Each file
     * still reads what it refers to only inside its own root.
     */
    public Discovery discover(List<Path> roots) {
        Queue<SourceFile> files = new ConcurrentLinkedQueue<>();
        Queue<Problem> skipped = new ConcurrentLinkedQueue<>();
        Queue<String> marked = new ConcurrentLinkedQueue<>();
        Queue<String> helmTemplates = new ConcurrentLinkedQueue<>();
        List<Path> walked = outermost(roots);
        Path shared = walked.size() == 1 ? null : sharedDirectory(walked);
        for (Path root : walked) {
            Path base = Files.isDirectory(root) ? root : root.getParent();
            ForkJoinPool.commonPool().invoke(new Walk(null, new Visitor(base, shared == null ? base : shared, files,
                    skipped, marked, helmTemplates), root, null, null));
        }
        SourceFile[] sorted = files.toArray(new SourceFile[0]);
        ParallelSort.sort(sorted, Comparator.comparing(SourceFile::displayPath));
        skipped.addAll(helmChartsNotScanned(helmTemplates));
        return new Discovery(Arrays.asList(sorted), skipped.stream().sorted().toList(),
                marker == null ? null : Set.copyOf(marked));
    }

    /** The directory reports show paths relative to, for a scan of {@code roots}: as {@link #discover} does. */
    public static Path displayBase(List<Path> roots) {
        List<Path> walked = outermost(roots);
        if (walked.size() == 1) {
            Path root = walked.get(0);
            return Files.isDirectory(root) ? root : root.getParent();
        }
        return sharedDirectory(walked);
    }

    /** The roots as absolute paths, each once, without those inside another root (which its walk covers). */
    static List<Path> outermost(List<Path> roots) {
        List<Path> absolute = roots.stream().map(FileDiscovery::absolute).distinct().toList();
        List<Path> out = new java.util.ArrayList<>();
        for (Path r : absolute) {
            boolean inside = absolute.stream().anyMatch(o -> !o.equals(r) && Files.isDirectory(o) && r.startsWith(o));
            if (!inside) {
                out.add(r);
            }
        }
        return out;
    }

    /** The deepest directory holding every root (a file root counts as its directory). */
    static Path sharedDirectory(List<Path> roots) {
        Path shared = null;
        for (Path r : roots) {
            Path dir = Files.isDirectory(r) ? r : r.getParent();
            if (shared == null) {
                shared = dir;
            }
            while (!dir.startsWith(shared)) {
                shared = shared.getParent();
            }
        }
        return shared;
    }

    /**
     * A directory above the one being walked, with its file key: a directory reached again through a symbolic link
     * is a loop. Shared by the walks of every directory below it.
     */
    private record Ancestor(Path dir, Object key, Ancestor parent) {
    }

    /**
     * The walk of one path, and of everything below it through tasks of its own: directories are walked in parallel.
     * On a cold JVM the walk of a 23,013-file tree took 0.55 s of the 1 s before any file could be parsed, nearly all
     * of it in system calls (stat, open, readdir) that two threads issue side by side. It visits as
     * {@link Files#walkFileTree} with {@link FileVisitOption#FOLLOW_LINKS} does: a path's attributes follow links (a
     * broken link's are the link's own); a directory whose key is an ancestor's is a loop; a directory is opened
     * before it is pre-visited. A {@link CountedCompleter} forks a task for each entry of a directory (a file's
     * attributes and its look for binary content are system calls too) and never waits for one, so a deep tree does
     * not nest as deep on the thread's stack.
     */
    private static final class Walk extends CountedCompleter<Void> {
        private final Visitor visitor;
        private final Path path;
        private final Ancestor ancestors;
        /** How reports show {@code path}, or null to work it out (the root). */
        private final String shown;

        Walk(Walk parent, Visitor visitor, Path path, Ancestor ancestors, String shown) {
            super(parent);
            this.visitor = visitor;
            this.path = path;
            this.ancestors = ancestors;
            this.shown = shown;
        }

        @Override
        public void compute() {
            Directory dir = visitor.visit(path, ancestors, shown);
            if (dir != null) {
                for (Path entry : dir.entries()) {
                    addToPendingCount(1);
                    // The parent's shown path and the entry's name: what display() gives, without relativizing
                    // and normalising a path per file (a sixth of discovery's CPU samples).
                    String name = String.valueOf(entry.getFileName()).replace('\\', '/');
                    new Walk(this, visitor, entry, dir.self(), dir.childPrefix() + name).fork();
                }
            }
            tryComplete();
        }
    }

    private static Path absolute(Path base) {
        return base.toAbsolutePath().normalize();
    }

    /**
     * {@code file} relative to {@code absoluteBase} (already absolute and normalised: it is the same for every file).
     */
    private static String display(Path absoluteBase, Path file) {
        Path rel = absoluteBase.relativize(file.toAbsolutePath().normalize());
        String s = rel.toString().replace('\\', '/');
        return s.isEmpty() ? file.getFileName().toString() : s;
    }

    /** What the walk does with each path; called from several threads at once. */
    private final class Visitor {
        private final Path base;
        /** What reports show paths relative to: the base, or with several roots the directory they share. */
        private final Path absoluteBase;
        /** The root files are read inside ({@link SourceFile#root}). */
        private final Path root;
        private final Queue<SourceFile> files;
        private final Queue<Problem> skipped;
        private final Queue<String> marked;
        /** For each Helm template left out, how reports show its chart's {@code Chart.yaml}. */
        private final Queue<String> helmTemplates;

        Visitor(Path base, Path displayBase, Queue<SourceFile> files, Queue<Problem> skipped, Queue<String> marked,
                Queue<String> helmTemplates) {
            this.base = base;
            this.absoluteBase = absolute(displayBase);
            this.root = absolute(base);
            this.files = files;
            this.skipped = skipped;
            this.marked = marked;
            this.helmTemplates = helmTemplates;
        }

        /**
         * Visits {@code path}: a file is taken or passed over; a directory to walk into comes back with its entries,
         * anything else as null.
         *
         * @param shown how reports show {@code path}, or null to work it out
         */
        Directory visit(Path path, Ancestor ancestors, String shown) {
            BasicFileAttributes attrs;
            try {
                attrs = attributes(path);
            } catch (IOException e) {
                failed(path, e);
                return null;
            }
            if (!attrs.isDirectory()) {
                file(path, attrs, shown);
                return null;
            }
            if (wouldLoop(path, attrs.fileKey(), ancestors)) {
                failed(path, new FileSystemLoopException(path.toString()));
                return null;
            }
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(path)) {
                // Opened before deciding to skip it, as walkFileTree does: an unreadable directory is reported even so.
                if (skipDirectory(path)) {
                    return null;
                }
                stream.forEach(entries::add);
            } catch (IOException e) {
                failed(path, e);
                return null;
            } catch (DirectoryIteratorException e) {
                // The directory broke while being read: what was listed is walked, the rest reported.
                skipped.add(Problem.wholeFile(display(absoluteBase, path), Problem.Kind.UNREADABLE,
                        "cannot walk: " + (e.getCause().getMessage() != null ? e.getCause().getMessage()
                                : e.getCause().getClass().getSimpleName())));
            }
            String childPrefix = absolute(path).equals(absoluteBase) ? ""
                    : (shown != null ? shown : display(absoluteBase, path)) + "/";
            return new Directory(new Ancestor(path, attrs.fileKey(), ancestors), entries, childPrefix);
        }

        private boolean skipDirectory(Path dir) {
            Path name = dir.getFileName();
            if (name != null && SKIPPED_DIRS.contains(name.toString()) && !dir.equals(base)) {
                return true;
            }
            // `vendor/**` matches what is inside vendor/, so test a child path to skip the whole directory.
            return !excludes.isEmpty() && !dir.equals(base)
                    && (excluded(display(absoluteBase, dir)) || excluded(display(absoluteBase, dir) + "/x"));
        }

        private void file(Path file, BasicFileAttributes attrs, String knownShown) {
            Optional<FileType> type = FileClassifier.classify(file.getFileName().toString());
            if (type.isEmpty() || isLeftOut(file)) {
                return;
            }
            if (type.get() == FileType.TERRAFORM_PLAN && !isTerraformPlan(file)) {
                if (!isKubernetesJson(file)) {
                    return; // any other JSON is not ours
                }
                type = Optional.of(FileType.YAML); // JSON is YAML: the YAML reader takes it with its locations
            }
            String shown = knownShown != null ? knownShown : display(absoluteBase, file);
            if (excluded(shown)) {
                return;
            }
            if (type.get() == FileType.YAML || type.get() == FileType.COMPOSE_YAML) {
                Path chart = helmChartOf(file);
                if (chart != null) {
                    helmTemplates.add(display(absoluteBase, chart));
                    return;
                }
            }
            if (attrs.isSymbolicLink()) {
                // Following links, attributes are the link's own only when its target cannot be reached.
                skipped.add(Problem.wholeFile(shown, Problem.Kind.UNREADABLE, "broken symbolic link"));
            } else if (!attrs.isRegularFile()) {
                // A FIFO or device named like a manifest: reading it could block or never end, so it is not opened.
                skipped.add(Problem.wholeFile(shown, Problem.Kind.SKIPPED, "skipped: not a regular file"));
            } else if (attrs.size() > maxFileSize) {
                skipped.add(Problem.wholeFile(shown, Problem.Kind.SKIPPED, "skipped: " + attrs.size()
                        + " bytes is over the " + maxFileSize + "-byte limit"));
            } else {
                byte[] head = head(file, attrs.size());
                if (isBinary(head)) {
                    skipped.add(Problem.wholeFile(shown, Problem.Kind.SKIPPED, "skipped: binary file"));
                    return;
                }
                files.add(new SourceFile(file, shown, type.get(), root));
                // The marker reads bytes as UTF-8: UTF-16 text is always marked, as a file not seen whole is.
                if (marker != null && markedTypes.contains(type.get()) && (head.length < attrs.size()
                        || ByteOrderMark.utf16(head) != null || marker.test(head))) {
                    marked.add(shown);
                }
            }
        }

        private void failed(Path file, IOException e) {
            String reason = e instanceof FileSystemLoopException ? "symbolic link loop" : "cannot read: "
                    + e.getClass().getSimpleName();
            Optional<FileType> type = FileClassifier.classify(String.valueOf(file.getFileName()));
            boolean ours = type.isPresent() && type.get() != FileType.TERRAFORM_PLAN;
            if (ours || Files.isDirectory(file) || e instanceof FileSystemLoopException) {
                skipped.add(Problem.wholeFile(display(absoluteBase, file), Problem.Kind.UNREADABLE, reason));
            }
        }
    }

    /**
     * A directory being walked: itself as its entries' ancestor, its entries, and what goes before an entry's name in
     * the path reports show ("" in the base directory).
     */
    private record Directory(Ancestor self, List<Path> entries, String childPrefix) {
    }

    /** A path's attributes, following links; a link that leads nowhere gets its own (as walkFileTree gives them). */
    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** Whether {@code dir} is one of its own ancestors, reached again through a link (as walkFileTree decides). */
    private static boolean wouldLoop(Path dir, Object key, Ancestor ancestors) {
        for (Ancestor a = ancestors; a != null; a = a.parent()) {
            if (key != null && a.key() != null) {
                if (key.equals(a.key())) {
                    return true;
                }
            } else {
                try {
                    if (Files.isSameFile(dir, a.dir())) {
                        return true;
                    }
                } catch (IOException | SecurityException e) {
                    // as walkFileTree: a directory that cannot be compared is not taken for a loop
                }
            }
        }
        return false;
    }

    /**
     * {@code terraform show -json} output: {@code format_version} and {@code planned_values} (or, when a long
     * {@code variables} section pushes that further, {@code terraform_version}) in the first kilobytes.
     */
    private static boolean isTerraformPlan(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String head = sniffed(in.readNBytes(PLAN_SNIFF_BYTES));
            return head.contains("\"format_version\"")
                    && (head.contains("\"planned_values\"") || head.contains("\"terraform_version\""));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A Kubernetes manifest written as JSON ({@code kubectl get -o json}, older examples): an object whose first
     * kilobytes name both {@code "apiVersion"} and {@code "kind"}.
     */
    private static boolean isKubernetesJson(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String head = sniffed(in.readNBytes(PLAN_SNIFF_BYTES)).strip();
            return head.startsWith("{") && head.contains("\"apiVersion\"") && head.contains("\"kind\"");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The first bytes of a JSON file as text, for a look at its keys: UTF-8, or UTF-16 after its byte-order mark
     * (PowerShell's {@code terraform show -json > plan.json} or {@code kubectl get -o json > app.json}); a leading
     * byte-order mark is dropped, since {@code strip()} keeps it and the object would not seem to start with a brace.
     */
    private static String sniffed(byte[] head) {
        Charset utf16 = ByteOrderMark.utf16(head);
        String text = utf16 != null ? new String(head, 2, (head.length - 2) & ~1, utf16)
                : new String(head, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * The {@code Chart.yaml} of the Helm chart whose {@code templates/} directory holds {@code file}, or null. Such
     * files are Go templates that only {@code helm template} turns into manifests: not ours to read, and not broken
     * either, so they are left out; {@link #helmChartsNotScanned} says so once per chart.
     */
    private static Path helmChartOf(Path file) {
        for (Path dir = file.getParent(); dir != null; dir = dir.getParent()) {
            Path name = dir.getFileName();
            if (name != null && name.toString().equals("templates") && dir.getParent() != null) {
                for (String chart : List.of("Chart.yaml", "Chart.yml")) {
                    Path chartFile = dir.getParent().resolve(chart);
                    if (Files.isRegularFile(chartFile)) {
                        return chartFile;
                    }
                }
            }
        }
        return null;
    }

    /**
     * One problem per Helm chart whose templates were left out, at its {@code Chart.yaml}: what the chart deploys was
     * not checked, and a report (or an auditor reading the evidence) must not read the silence as a pass. It is not a
     * parse error: the templates are not broken, and one line per chart, not per template, keeps it readable.
     */
    private static List<Problem> helmChartsNotScanned(Queue<String> helmTemplates) {
        Map<String, Integer> byChart = new TreeMap<>();
        helmTemplates.forEach(chart -> byChart.merge(chart, 1, Integer::sum));
        List<Problem> out = new ArrayList<>();
        byChart.forEach((chart, n) -> out.add(Problem.wholeFile(chart, Problem.Kind.NOT_SCANNED, "Helm chart: "
                + n + (n == 1 ? " template" : " templates") + " under templates/ left out (Go templates, which only"
                + " `helm template` turns into manifests); scan the rendered output to check what the chart deploys")));
        return out;
    }

    /**
     * The first {@value #SNIFF_BYTES} bytes of a file of {@code size} bytes (all of it, for nearly every configuration
     * file), read with as few system calls as the file allows: a buffer of the file's size fills in one read, where a
     * stream reads again to find the end. Empty when the file cannot be read: the parser reports it with the reason.
     */
    private static byte[] head(Path file, long size) {
        if (size == 0) {
            return new byte[0];
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, SNIFF_BYTES));
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // a regular file fills the buffer in one read; a file shrunk since its size was read ends early
            }
        } catch (IOException e) {
            return new byte[0];
        }
        return buffer.position() == buffer.capacity() ? buffer.array()
                : Arrays.copyOf(buffer.array(), buffer.position());
    }

    /** A NUL byte in the first few kilobytes: no text format we read contains one. */
    private static boolean isBinary(byte[] head) {
        if (ByteOrderMark.utf16(head) != null) {
            return false; // UTF-16 text has a NUL in every ASCII character
        }
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }
}
