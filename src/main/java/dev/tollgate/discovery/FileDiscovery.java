package dev.tollgate.discovery;

import dev.tollgate.config.Glob;
import dev.tollgate.model.Problem;
import dev.tollgate.model.SourceFile;
import dev.tollgate.model.SourceFile.FileType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

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
     * @param excludeGlobs globs over paths relative to the scan root ({@code vendor/**}, {@code **}{@code /testdata/**});
     *     a matching directory is not entered, a matching file not read
     */
    public FileDiscovery(long maxFileSize, List<String> excludeGlobs) {
        this.maxFileSize = maxFileSize;
        this.excludes = excludeGlobs.stream().map(Glob::of).toList();
    }

    private boolean excluded(String displayPath) {
        return excludes.stream().anyMatch(g -> g.matches(displayPath));
    }

    /** Walks each root (a directory or a single file); the roots must exist (the CLI checks). */
    public Discovery discover(List<Path> roots) {
        List<SourceFile> candidates = new ArrayList<>();
        List<Problem> skipped = new ArrayList<>();
        for (Path root : roots) {
            Path base = Files.isDirectory(root) ? root : root.toAbsolutePath().getParent();
            try {
                Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                        new Visitor(base, candidates, skipped));
            } catch (IOException e) {
                skipped.add(Problem.wholeFile(display(absolute(base), root), Problem.Kind.UNREADABLE,
                        "cannot walk: " + e.getMessage()));
            }
        }
        // Opening each file to look for a NUL byte cost more than the walk itself (23,013 files: about 0.25 s against
        // 0.19 s), and nothing else can start before discovery ends; in parallel it costs about half. Which files are
        // binary does not depend on the order they are looked at, and both lists are sorted below or by the report.
        boolean[] binary = new boolean[candidates.size()];
        IntStream.range(0, binary.length).parallel().forEach(i -> binary[i] = isBinary(candidates.get(i).path()));
        List<SourceFile> files = new ArrayList<>(candidates.size());
        for (int i = 0; i < binary.length; i++) {
            SourceFile f = candidates.get(i);
            if (binary[i]) {
                skipped.add(Problem.wholeFile(f.displayPath(), Problem.Kind.SKIPPED, "skipped: binary file"));
            } else {
                files.add(f);
            }
        }
        files.sort(Comparator.comparing(SourceFile::displayPath));
        return new Discovery(files, skipped);
    }

    private static Path absolute(Path base) {
        return base.toAbsolutePath().normalize();
    }

    /** {@code file} relative to {@code absoluteBase} (already absolute and normalised: it is the same for every file). */
    private static String display(Path absoluteBase, Path file) {
        Path rel = absoluteBase.relativize(file.toAbsolutePath().normalize());
        String s = rel.toString().replace('\\', '/');
        return s.isEmpty() ? file.getFileName().toString() : s;
    }

    private final class Visitor extends SimpleFileVisitor<Path> {
        private final Path base;
        private final Path absoluteBase;
        private final List<SourceFile> files;
        private final List<Problem> skipped;

        Visitor(Path base, List<SourceFile> files, List<Problem> skipped) {
            this.base = base;
            this.absoluteBase = absolute(base);
            this.files = files;
            this.skipped = skipped;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            Path name = dir.getFileName();
            if (name != null && SKIPPED_DIRS.contains(name.toString()) && !dir.equals(base)) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            // `vendor/**` matches what is inside vendor/, so test a child path to skip the whole directory.
            if (!excludes.isEmpty() && !dir.equals(base)
                    && (excluded(display(absoluteBase, dir)) || excluded(display(absoluteBase, dir) + "/x"))) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            Optional<FileType> type = FileClassifier.classify(file.getFileName().toString());
            if (type.isEmpty()) {
                return FileVisitResult.CONTINUE;
            }
            if (type.get() == FileType.TERRAFORM_PLAN && !isTerraformPlan(file)) {
                if (!isKubernetesJson(file)) {
                    return FileVisitResult.CONTINUE; // any other JSON is not ours
                }
                type = Optional.of(FileType.YAML); // JSON is YAML: the YAML reader takes it with its locations
            }
            if ((type.get() == FileType.YAML || type.get() == FileType.COMPOSE_YAML) && isHelmTemplate(file)) {
                return FileVisitResult.CONTINUE;
            }
            String shown = display(absoluteBase, file);
            if (excluded(shown)) {
                return FileVisitResult.CONTINUE;
            }
            if (attrs.isSymbolicLink()) {
                // Following links, the walker hands us the link itself only when its target cannot be reached.
                skipped.add(Problem.wholeFile(shown, Problem.Kind.UNREADABLE, "broken symbolic link"));
            } else if (!attrs.isRegularFile()) {
                // A FIFO or device named like a manifest: reading it could block or never end, so it is not opened.
                skipped.add(Problem.wholeFile(shown, Problem.Kind.SKIPPED, "skipped: not a regular file"));
            } else if (attrs.size() > maxFileSize) {
                skipped.add(Problem.wholeFile(shown, Problem.Kind.SKIPPED, "skipped: " + attrs.size()
                        + " bytes is over the " + maxFileSize + "-byte limit"));
            } else { // whether it is binary is looked at afterwards, in parallel
                files.add(new SourceFile(file, shown, type.get()));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            String reason = e instanceof FileSystemLoopException ? "symbolic link loop" : "cannot read: "
                    + e.getClass().getSimpleName();
            Optional<FileType> type = FileClassifier.classify(String.valueOf(file.getFileName()));
            boolean ours = type.isPresent() && type.get() != FileType.TERRAFORM_PLAN;
            if (ours || Files.isDirectory(file) || e instanceof FileSystemLoopException) {
                skipped.add(Problem.wholeFile(display(absoluteBase, file), Problem.Kind.UNREADABLE, reason));
            }
            return FileVisitResult.CONTINUE;
        }
    }

    /**
     * {@code terraform show -json} output: {@code format_version} and {@code planned_values} (or, when a long
     * {@code variables} section pushes that further, {@code terraform_version}) in the first kilobytes.
     */
    private static boolean isTerraformPlan(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(PLAN_SNIFF_BYTES), java.nio.charset.StandardCharsets.UTF_8);
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
            String head = new String(in.readNBytes(PLAN_SNIFF_BYTES), java.nio.charset.StandardCharsets.UTF_8).strip();
            return head.startsWith("{") && head.contains("\"apiVersion\"") && head.contains("\"kind\"");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A file under the {@code templates/} directory of a Helm chart (a directory holding {@code Chart.yaml}): Go
     * templates that only {@code helm template} turns into manifests. Not ours to read, and not broken either, so it
     * is left out without a problem; scanning the rendered output checks what the chart deploys.
     */
    private static boolean isHelmTemplate(Path file) {
        for (Path dir = file.getParent(); dir != null; dir = dir.getParent()) {
            Path name = dir.getFileName();
            if (name != null && name.toString().equals("templates") && dir.getParent() != null
                    && (Files.isRegularFile(dir.getParent().resolve("Chart.yaml"))
                            || Files.isRegularFile(dir.getParent().resolve("Chart.yml")))) {
                return true;
            }
        }
        return false;
    }

    /** A NUL byte in the first few kilobytes: no text format we read contains one. */
    private static boolean isBinary(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SNIFF_BYTES);
            for (byte b : head) {
                if (b == 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false; // the parser reports unreadable files with the reason
        }
    }
}
