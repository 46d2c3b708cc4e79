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
    private final Map<Path, Parsed> cache = new ConcurrentHashMap<>();
    private final Map<Path, List<Path>> listings = new ConcurrentHashMap<>();

    ModuleFiles(Path base) {
        this.base = base.toAbsolutePath().normalize();
    }

    Path base() {
        return base;
    }

    /** True when {@code p} (absolute, normalised) lies inside the scanned tree. */
    boolean inside(Path p) {
        return p.toAbsolutePath().normalize().startsWith(base);
    }

    String display(Path p) {
        String s = base.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
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
     * The parsed {@code *.tf} files of {@code dir}, read for one look and not kept: deciding which directories are
     * modules reads every directory, and keeping all those syntax trees until the end of the scan held the whole
     * repository's Terraform in memory. A module's files are parsed again, once, when a call first evaluates it.
     */
    List<Parsed> moduleOnce(Path dir) {
        List<Parsed> out = new ArrayList<>();
        for (Path f : tfFiles(dir)) {
            Parsed cached = cache.get(f.toAbsolutePath().normalize());
            out.add(cached != null ? cached : parse(f.toAbsolutePath().normalize()));
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
