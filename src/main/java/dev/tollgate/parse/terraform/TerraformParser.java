package dev.tollgate.parse.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.model.ParseResult;
import dev.tollgate.model.Problem;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceFile;
import dev.tollgate.parse.InternalErrors;
import dev.tollgate.parse.SourceText;
import dev.tollgate.parse.terraform.hcl.Attribute;
import dev.tollgate.parse.terraform.hcl.Block;
import dev.tollgate.parse.terraform.hcl.Expression;
import dev.tollgate.parse.terraform.hcl.HclFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The entry point of Terraform: evaluates module directories (all their {@code .tf} files together) into one
 * {@link Resource} per resource instance, as {@code docs/terraform.md} and the shape contract describe.
 *
 * <p>Terraform is read per directory, not per file. A directory that another scanned directory calls as a local
 * module ({@code source = "./modules/x"}) is evaluated only through its calls, once per call with that call's inputs;
 * every other directory is a root. Nothing here opens a network connection or reads outside the scanned tree
 * (except the {@code --var-file}s the user named): remote module sources are read only where {@code terraform init}
 * installed them ({@code .terraform/modules/modules.json}), data sources are unknown.
 */
public final class TerraformParser {

    /** Only for {@code modules.json}, which few scans have: built on first use, not on every scan's first .tf file. */
    private static final class Manifests {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    private final TerraformOptions options;
    private final InternalErrors internalErrors;

    public TerraformParser(TerraformOptions options) {
        this(options, InternalErrors.ignore());
    }

    /** With {@code internalErrors} told of every bug of ours caught while evaluating (the CLI's {@code --debug}). */
    public TerraformParser(TerraformOptions options, InternalErrors internalErrors) {
        this.options = options;
        this.internalErrors = internalErrors;
    }

    /**
     * What evaluating a set of directories gave.
     *
     * @param resources every resource instance, sorted by location then address
     * @param problems syntax errors, evaluation errors, modules not scanned; sorted
     * @param files every Terraform file read, display path to path (module files included)
     */
    public record Result(List<Resource> resources, List<Problem> problems, Map<String, Path> files) {

        public Result {
            resources = List.copyOf(resources);
            problems = List.copyOf(problems);
            files = Map.copyOf(files);
        }
    }

    /** A {@code terraform show -json} plan file: its planned resources, shaped as evaluated ones are. */
    public ParseResult parsePlan(String displayPath, String text) {
        return PlanJson.parse(displayPath, text);
    }

    /** Evaluates one directory as a root module, the scan base being the directory itself. */
    public Result parseDirectory(Path dir) {
        Path base = dir.toAbsolutePath().normalize();
        List<SourceFile> files = new ModuleFiles(base).tfFiles(base).stream()
                .map(p -> new SourceFile(p, base.relativize(p).toString().replace('\\', '/'),
                        SourceFile.FileType.TERRAFORM))
                .toList();
        return parse(files);
    }

    /** Evaluates the directories of the discovered {@code .tf} files; see the class comment for which are roots. */
    public Result parse(List<SourceFile> terraformFiles) {
        List<Resource> resources = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Path> read = new LinkedHashMap<>();
        parse(terraformFiles, r -> {
            synchronized (resources) {
                resources.addAll(r.resources());
                problems.addAll(r.problems());
                read.putAll(r.files());
            }
        });
        resources.sort(Comparator.comparing(Resource::location).thenComparing(Resource::address));
        return new Result(resources, problems.stream().distinct().sorted().toList(), read);
    }

    /**
     * Evaluates the directories of the discovered {@code .tf} files, handing each root's result (its modules'
     * resources included) to {@code eachRoot} as soon as it is done, from several threads at once. A scan judges and
     * drops each root's resources there, so memory is bounded by the largest root rather than by the repository.
     * The order of calls is not defined; a module called by several roots is in each of their results.
     */
    public void parse(List<SourceFile> terraformFiles, Consumer<Result> eachRoot) {
        // Grouped in hash maps, then sorted once per directory: a tree map per file compared long paths again and
        // again (thousands of files, hundreds of directories).
        Map<Tree, Map<Path, List<SourceFile>>> grouped = new HashMap<>();
        for (SourceFile f : terraformFiles) {
            Path abs = f.path().toAbsolutePath().normalize();
            Path shownFrom = baseOf(abs, f.displayPath());
            grouped.computeIfAbsent(new Tree(f.root() != null ? f.root() : shownFrom, shownFrom),
                            k -> new HashMap<>())
                    .computeIfAbsent(abs.getParent(), k -> new ArrayList<>()).add(f);
        }
        List<Tree> trees = new ArrayList<>(grouped.keySet());
        trees.sort(Comparator.comparing(Tree::root).thenComparing(Tree::shownFrom));
        for (Tree tree : trees) {
            ModuleFiles files = new ModuleFiles(tree.root(), tree.shownFrom());
            Set<Path> dirs = new TreeMap<>(grouped.get(tree)).keySet();
            Set<Path> called = calledDirectories(files, dirs);
            Set<Path> loaded = ConcurrentHashMap.newKeySet();
            List<Path> roots = dirs.stream().filter(d -> !called.contains(d)).toList();
            roots.parallelStream().forEach(d -> {
                Result r = evaluateRoot(files, d, loaded);
                files.forget(d);
                eachRoot.accept(r);
            });
            // Directories that only call each other in a cycle were reached by no root: evaluate them on their own.
            List<Path> missed = dirs.stream().filter(d -> !loaded.contains(d)).toList();
            missed.parallelStream().forEach(d -> eachRoot.accept(evaluateRoot(files, d, loaded)));
        }
    }

    /** A scan root and what its files' shown paths are relative to (the same but for a scan of several roots). */
    private record Tree(Path root, Path shownFrom) {
    }

    private static Path baseOf(Path abs, String display) {
        Path base = abs;
        for (String part : display.split("/")) {
            if (!part.isEmpty() && base.getParent() != null) {
                base = base.getParent();
            }
        }
        return base;
    }

    /** Directories a scanned directory calls with a local source: these are modules, not roots. */
    private static Set<Path> calledDirectories(ModuleFiles files, Set<Path> dirs) {
        Set<Path> called = ConcurrentHashMap.newKeySet();
        dirs.parallelStream().forEach(dir -> {
            for (ModuleFiles.Parsed p : files.moduleCallersOnce(dir)) {
                for (Block b : p.hcl().body().blocks("module")) {
                    String source = b.body().attribute("source").map(Attribute::expr)
                            .filter(x -> x instanceof Expression.Template t && t.isLiteral())
                            .map(x -> ((Expression.Template) x).literalValue()).orElse("");
                    if (source.startsWith("./") || source.startsWith("../")) {
                        Path target = dir.resolve(source).normalize();
                        if (!target.equals(dir)) {
                            called.add(target);
                        }
                    }
                }
            }
        });
        return called;
    }

    private Result evaluateRoot(ModuleFiles files, Path dir, Set<Path> loaded) {
        RootContext ctx = new RootContext(files, dir, installedModules(files, dir), internalErrors);
        List<HclFile> hcl = new ArrayList<>();
        Map<String, Path> read = new LinkedHashMap<>();
        for (ModuleFiles.Parsed p : files.module(dir)) {
            hcl.add(p.hcl());
            ctx.addProblems(p.problems());
            read.put(p.displayPath(), p.path());
        }
        loaded.add(dir);
        Map<String, Object> rootValues = rootVariableValues(ctx, dir);
        Declarations declared = Declarations.of(hcl);
        ctx.addProblems(declared.duplicates());
        ModuleEvaluation root = new ModuleEvaluation(ctx, dir, declared, "", "", 0, null, rootValues, List.of());
        List<Instance> instances;
        try {
            instances = root.evaluateAll();
        } catch (RuntimeException | StackOverflowError e) {
            // A bug of ours costs this root, reported where it is, never the scan.
            internalErrors.caught(files.display(dir), e);
            ctx.problems().add(Problem.wholeFile(files.display(dir), Problem.Kind.PARSE_ERROR,
                    "internal error evaluating this Terraform directory: " + e.getClass().getSimpleName()));
            instances = List.of();
        }
        String lastFile = null; // instances come file by file: resolve each file's path once, not per instance
        for (Instance i : instances) {
            if (i.location().file().equals(lastFile)) {
                continue;
            }
            lastFile = i.location().file();
            Path file = files.pathOf(lastFile);
            read.putIfAbsent(lastFile, file);
            Path parent = file.getParent();
            if (parent != null) {
                loaded.add(parent);
            }
        }
        for (String shown : List.copyOf(read.keySet())) {
            Path parent = read.get(shown).getParent();
            if (parent != null) {
                loaded.add(parent);
            }
        }
        return new Result(RelatedResources.build(instances), ctx.problems(), read);
    }

    /** {@code .terraform/modules/modules.json}: where {@code terraform init} put each module, by key. */
    private static Map<String, Path> installedModules(ModuleFiles files, Path dir) {
        Path manifest = dir.resolve(".terraform").resolve("modules").resolve("modules.json");
        if (!Files.isRegularFile(manifest)) {
            return Map.of();
        }
        Map<String, Path> out = new LinkedHashMap<>();
        try {
            JsonNode modules = Manifests.JSON.readTree(manifest.toFile()).path("Modules");
            for (JsonNode m : modules) {
                String key = m.path("Key").asText("");
                String d = m.path("Dir").asText("");
                if (!key.isEmpty() && !d.isEmpty()) {
                    Path p = dir.resolve(d).normalize();
                    if (files.inside(p)) {
                        out.put(key, p);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of(); // an unreadable manifest: remote modules are reported as not resolved
        }
        return out;
    }

    /**
     * Root variable values, later sources winning, in Terraform's order: {@code terraform.tfvars},
     * {@code terraform.tfvars.json}, {@code *.auto.tfvars} and {@code *.auto.tfvars.json} in name order, each
     * {@code --var-file}, each {@code --var}. A file whose name ends in {@code .json} is read as JSON, as Terraform
     * reads it.
     */
    private Map<String, Object> rootVariableValues(RootContext ctx, Path dir) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Path> varFiles = new ArrayList<>();
        for (String name : List.of("terraform.tfvars", "terraform.tfvars.json")) {
            Path tfvars = dir.resolve(name);
            if (Files.isRegularFile(tfvars)) {
                varFiles.add(tfvars);
            }
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> (p.getFileName().toString().endsWith(".auto.tfvars")
                            || p.getFileName().toString().endsWith(".auto.tfvars.json")) && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).forEach(varFiles::add);
        } catch (IOException | SecurityException e) {
            // no listing, no auto.tfvars: the directory itself was listed already
        }
        varFiles.addAll(options.varFiles());
        ModuleEvaluation constants = ModuleEvaluation.constants(ctx);
        for (Path f : varFiles) {
            Path abs = f.toAbsolutePath().normalize();
            String shown = ctx.files().inside(abs) ? ctx.files().display(abs) : f.toString().replace('\\', '/');
            SourceText.Read text = SourceText.read(new SourceFile(abs, shown, SourceFile.FileType.TERRAFORM));
            if (text.problem() != null) {
                ctx.problems().add(text.problem());
                continue;
            }
            if (abs.getFileName().toString().endsWith(".json")) {
                jsonVariables(ctx, shown, text.text(), values);
                continue;
            }
            ModuleFiles.Parsed parsed = ModuleFiles.parseText(abs, shown, text.text());
            ctx.addProblems(parsed.problems());
            for (Attribute a : parsed.hcl().body().attributes()) {
                values.put(a.name(), ctx.evaluate(a.expr(), Scope.of(constants), a.name()));
            }
        }
        options.vars().forEach((name, value) -> values.put(name, new ModuleEvaluation.CommandLineValue(value)));
        return values;
    }

    /** A {@code *.tfvars.json} file: one JSON object, each property a variable's value. */
    private static void jsonVariables(RootContext ctx, String shown, String text, Map<String, Object> values) {
        try {
            if (Json.decodeDocument(text) instanceof Map<?, ?> object) {
                object.forEach((name, value) -> values.put(String.valueOf(name), value));
            } else {
                ctx.problems().add(new Problem(shown, 1, 1, Problem.Kind.PARSE_ERROR,
                        "a variables file in JSON must hold one object of variable names to values"));
            }
        } catch (Json.Invalid e) {
            ctx.problems().add(new Problem(shown, e.line(), e.column(), Problem.Kind.PARSE_ERROR,
                    "a variables file in JSON: " + e.getMessage()));
        }
    }
}
