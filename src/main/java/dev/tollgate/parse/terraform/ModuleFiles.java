package dev.tollgate.parse.terraform;

import dev.tollgate.model.Problem;
import dev.tollgate.parse.SourceText;
import dev.tollgate.parse.terraform.hcl.HclDiagnostic;
import dev.tollgate.parse.terraform.hcl.HclFile;
import dev.tollgate.parse.terraform.hcl.HclParser;
import dev.tollgate.parse.terraform.hcl.JsonConfigParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Reads and parses the {@code .tf} and {@code .tf.json} files of module directories, each file once per scan however
 * many roots or calls use it. Paths shown in reports are relative to the scan base with {@code /} separators.
 */
final class ModuleFiles {

    /** One parsed file, with the problems its reading or parsing gave. */
    record Parsed(Path path, String displayPath, HclFile hcl, List<Problem> problems) {
    }

    private final Path base;
    /** What shown paths are relative to: the base, or with several scan roots the directory they share. */
    private final Path displayBase;
    private final Map<Path, Parsed> cache = new ConcurrentHashMap<>();
    private final Map<Path, List<Path>> listings = new ConcurrentHashMap<>();
    private final Map<Path, Module> modules = new ConcurrentHashMap<>();

    ModuleFiles(Path base) {
        this(base, base);
    }

    /** Files are read inside {@code base} only; reports show their paths relative to {@code displayBase}. */
    ModuleFiles(Path base, Path displayBase) {
        this.base = base.toAbsolutePath().normalize();
        this.displayBase = displayBase.toAbsolutePath().normalize();
    }

    Path base() {
        return base;
    }

    /** True when {@code p} (absolute, normalised) lies inside the scanned tree. */
    boolean inside(Path p) {
        return p.toAbsolutePath().normalize().startsWith(base);
    }

    /** The file a shown path names: the inverse of {@link #display}. */
    Path pathOf(String shown) {
        return displayBase.resolve(shown).normalize();
    }

    String display(Path p) {
        String s = displayBase.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    /** The parsed {@code *.tf} files of {@code dir}, sorted by name. */
    List<Parsed> module(Path dir) {
        List<Parsed> out = new ArrayList<>();
        for (Path f : tfFiles(dir)) {
            out.add(file(f));
        }
        return out;
    }

    /** A called module directory: its files' reading and syntax problems, in file order, and what they declare. */
    record Module(List<Problem> problems, Declarations declared) {
    }

    /**
     * Module directory {@code dir} as its calls need it, built on the first call and shared by the rest: a module
     * called by a thousand roots was listed, looked up file by file and declared a thousand times.
     */
    Module calledModule(Path dir) {
        return modules.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> {
            List<HclFile> hcl = new ArrayList<>();
            List<Problem> problems = new ArrayList<>();
            for (Parsed p : module(d)) {
                hcl.add(p.hcl());
                problems.addAll(p.problems());
            }
            Declarations declared = Declarations.of(hcl);
            problems.addAll(declared.duplicates());
            return new Module(List.copyOf(problems), declared);
        });
    }

    List<Path> tfFiles(Path dir) {
        return listings.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> {
            try (Stream<Path> s = Files.list(d)) {
                return s.filter(p -> isConfiguration(p.getFileName().toString()) && Files.isRegularFile(p))
                        .sorted().toList();
            } catch (IOException | SecurityException e) {
                return List.of();
            }
        });
    }

    /**
     * The parsed files of {@code dir} that can hold a {@code module} block, read for one look and not kept: deciding
     * which directories are modules reads every directory, and keeping all those syntax trees until the end of the
     * scan held the whole repository's Terraform in memory. A module's files are parsed again, once, when a call
     * first evaluates it.
     *
     * <p>A {@code .tf} file whose text never says {@code module} has no module block (a block type is an identifier,
     * which has no escapes), so it is read but not parsed here: most files of a repository (variables, outputs,
     * resources, the modules themselves) are like that, and parsing them for this look cost as much as parsing them
     * for the evaluation. JSON syntax ({@code .tf.json}) can spell the key with escapes, so those are always parsed.
     */
    List<Parsed> moduleCallersOnce(Path dir) {
        List<Parsed> out = new ArrayList<>();
        for (Path f : tfFiles(dir)) {
            Path abs = f.toAbsolutePath().normalize();
            Parsed cached = cache.get(abs);
            if (cached != null) {
                out.add(cached);
                continue;
            }
            String shown = display(abs);
            SourceText.Read read = SourceText.read(new dev.tollgate.model.SourceFile(abs, shown,
                    dev.tollgate.model.SourceFile.FileType.TERRAFORM));
            if (read.problem() == null && (shown.endsWith(".tf.json") || read.text().contains("module"))) {
                out.add(parseText(abs, shown, read.text()));
            }
        }
        return out;
    }

    /**
     * Drops the parsed files of a root directory once it is evaluated: no scanned directory calls a root, so nothing
     * reads them again, and a large repository's syntax trees need not all stay in memory until the scan ends.
     */
    void forget(Path root) {
        for (Path f : tfFiles(root)) {
            cache.remove(f);
        }
        modules.remove(root.toAbsolutePath().normalize());
    }

    Parsed file(Path f) {
        return cache.computeIfAbsent(f.toAbsolutePath().normalize(), this::parse);
    }

    private Parsed parse(Path f) {
        String shown = display(f);
        SourceText.Read read = SourceText.read(new dev.tollgate.model.SourceFile(f, shown,
                dev.tollgate.model.SourceFile.FileType.TERRAFORM));
        if (read.problem() != null) {
            return new Parsed(f, shown, HclParser.parse("", shown), List.of(read.problem()));
        }
        return parseText(f, shown, read.text());
    }

    /** A Terraform configuration file: native syntax {@code *.tf} or JSON syntax {@code *.tf.json}. */
    static boolean isConfiguration(String fileName) {
        return fileName.endsWith(".tf") || fileName.endsWith(".tf.json");
    }

    static Parsed parseText(Path f, String shown, String text) {
        HclFile hcl = shown.endsWith(".tf.json") ? JsonConfigParser.parse(text, shown) : HclParser.parse(text, shown);
        List<Problem> problems = new ArrayList<>();
        for (HclDiagnostic d : hcl.diagnostics()) {
            problems.add(new Problem(shown, d.line(), d.column(), Problem.Kind.PARSE_ERROR, d.message()));
        }
        return new Parsed(f, shown, hcl, problems);
    }
}
