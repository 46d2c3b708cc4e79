package dev.tollgate.parse.terraform;

import dev.tollgate.config.Glob;
import dev.tollgate.model.Problem;
import dev.tollgate.model.Unknown;
import dev.tollgate.parse.terraform.hcl.Attribute;
import dev.tollgate.parse.terraform.hcl.Block;
import dev.tollgate.parse.terraform.hcl.Expression;
import dev.tollgate.parse.terraform.hcl.HclFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One module instance being evaluated: the root module, or one instance of a {@code module} call with the caller's
 * inputs. Everything is evaluated on demand and remembered, so declaration order across files does not matter.
 */
final class ModuleEvaluation {

    /** Guards against a module that (indirectly) calls itself. */
    static final int MAX_MODULE_DEPTH = 16;
    private static final long MAX_FILE_FUNCTION_BYTES = 1024 * 1024;
    private static final Set<String> MODULE_META = Set.of("source", "version", "count", "for_each", "providers",
            "depends_on");

    private final RootContext ctx;
    private final Path dir;
    private final String prefix;
    private final String key;
    private final int depth;
    /** The call's arguments, evaluated in the caller on first use; null for the root module. */
    private final Map<String, Supplier<Tracked>> inputs;
    /** Root-module variable values from tfvars files and the command line; empty for child modules. */
    private final Map<String, Object> rootValues;

    // What the module's files declare: shared, read-only, by every call of the module (see Declarations).
    private final Map<String, Block> variables;
    private final Map<String, Attribute> locals;
    private final Map<String, Block> outputs;
    private final Map<String, Block> resources;
    private final Set<String> resourceTypes;
    private final Map<String, Block> moduleCalls;

    private final Map<String, Tracked> variableValues = new HashMap<>();
    private final Map<String, Tracked> localValues = new HashMap<>();
    private final Set<String> localsInProgress = new LinkedHashSet<>();
    private final Map<String, Tracked> outputValues = new HashMap<>();
    private final Map<String, List<Instance>> instances = new HashMap<>();
    private final Map<String, Object> resourceValues = new HashMap<>();
    private final Set<String> resourcesInProgress = new HashSet<>();
    private final Map<String, Object> moduleValues = new HashMap<>();
    private final List<ModuleEvaluation> children = new ArrayList<>();

    /** The directories of the modules whose calls lead here, the root's first: a module among them is a cycle. */
    private final List<Path> callers;

    /** The module blocks that lead here from the root, outermost first: a finding in a module names them. */
    private final List<dev.tollgate.model.SourceLocation> callSites;

    ModuleEvaluation(RootContext ctx, Path dir, List<HclFile> files, String prefix, String key, int depth,
            Map<String, Supplier<Tracked>> inputs, Map<String, Object> rootValues) {
        this(ctx, dir, files, prefix, key, depth, inputs, rootValues, List.of());
    }

    ModuleEvaluation(RootContext ctx, Path dir, List<HclFile> files, String prefix, String key, int depth,
            Map<String, Supplier<Tracked>> inputs, Map<String, Object> rootValues,
            List<dev.tollgate.model.SourceLocation> callSites) {
        this(ctx, dir, Declarations.of(files), prefix, key, depth, inputs, rootValues, callSites);
    }

    ModuleEvaluation(RootContext ctx, Path dir, Declarations declared, String prefix, String key, int depth,
            Map<String, Supplier<Tracked>> inputs, Map<String, Object> rootValues,
            List<dev.tollgate.model.SourceLocation> callSites) {
        this(ctx, dir, declared, prefix, key, depth, inputs, rootValues, callSites, List.of());
    }

    private ModuleEvaluation(RootContext ctx, Path dir, Declarations declared, String prefix, String key, int depth,
            Map<String, Supplier<Tracked>> inputs, Map<String, Object> rootValues,
            List<dev.tollgate.model.SourceLocation> callSites, List<Path> callers) {
        this.callSites = List.copyOf(callSites);
        this.callers = callers;
        this.ctx = ctx;
        this.dir = dir.toAbsolutePath().normalize();
        this.prefix = prefix;
        this.key = key;
        this.depth = depth;
        this.inputs = inputs;
        this.rootValues = rootValues;
        this.variables = declared.variables();
        this.locals = declared.locals();
        this.outputs = declared.outputs();
        this.resources = declared.resources();
        this.resourceTypes = declared.resourceTypes();
        this.moduleCalls = declared.moduleCalls();
    }

    /** A variable or output declared {@code sensitive = true}: Terraform hides its value, and so do problems. */
    private static boolean sensitive(Block block) {
        return block.body().attribute("sensitive").map(a -> a.expr() instanceof Expression.BoolLiteral b && b.value())
                .orElse(false);
    }

    /** {@code override.tf}, {@code *_override.tf} (and {@code .tf.json}): see {@link Declarations}. */
    static boolean isOverrideFile(String path) {
        return Declarations.isOverrideFile(path);
    }

    RootContext ctx() {
        return ctx;
    }

    String prefix() {
        return prefix;
    }

    /** Evaluates everything (so every problem is found) and returns every resource instance, children's too. */
    List<Instance> evaluateAll() {
        for (String name : locals.keySet()) {
            local(name, Scope.of(this));
        }
        List<Instance> all = new ArrayList<>();
        for (String k : resources.keySet()) {
            all.addAll(instances(k));
        }
        for (String name : moduleCalls.keySet()) {
            moduleValue(name);
        }
        for (String name : outputs.keySet()) {
            output(name);
        }
        for (ModuleEvaluation child : children) {
            all.addAll(child.evaluateAll());
        }
        return all;
    }

    // ---- names at the root of an expression ----

    Object root(Expression.Variable v, Scope s) {
        return switch (v.name()) {
            case "var" -> (Namespace) (name, at, sc) -> variable(name, at, sc);
            case "local" -> (Namespace) (name, at, sc) -> {
                if (!locals.containsKey(name)) {
                    throw new EvalException("no local value \"" + name + "\" is declared", at.range());
                }
                Tracked t = local(name, sc);
                sc.addRefs(t.refs());
                return t.value();
            };
            case "module" -> (Namespace) (name, at, sc) -> {
                if (!moduleCalls.containsKey(name)) {
                    throw new EvalException("no module \"" + name + "\" is called here", at.range());
                }
                return moduleValue(name);
            };
            case "data" -> (Namespace) (type, at, sc) -> (Namespace) (name, at2, sc2) -> new Unknown(at2.raw());
            // Ephemeral resources (Terraform 1.10+) exist only while planning or applying: always unknown here.
            case "ephemeral" -> (Namespace) (type, at, sc) -> (Namespace) (name, at2, sc2) -> new Unknown(at2.raw());
            // resource.TYPE.NAME is Terraform's explicit spelling of TYPE.NAME (Azure Verified Modules write it in
            // every module's telemetry file); Terraform keeps it for resource types named like a later root symbol.
            case "resource" -> (Namespace) (type, at, sc) -> {
                if (!resourceTypes.contains(type)) {
                    throw new EvalException("no resource of type \"" + type + "\" is declared", at.range());
                }
                return (Namespace) (name, at2, sc2) -> resourceValue(type + "." + name, at2, sc2);
            };
            case "path" -> Map.of("module", pathOf(dir), "root", ".", "cwd", ".");
            // terraform.applying (1.10) is false while planning and true while applying: not knowable here.
            case "terraform" -> Map.of("workspace", "default", "applying", new Unknown("terraform.applying"));
            case "self" -> new Unknown(v.raw());
            case "count", "each" -> throw new EvalException("\"" + v.name() + "\" is only available in a block with "
                    + (v.name().equals("count") ? "count" : "for_each"), v.range());
            default -> {
                if (!resourceTypes.contains(v.name())) {
                    throw new EvalException("unknown name \"" + v.name() + "\" (no resource of this type is declared)",
                            v.range());
                }
                yield (Namespace) (name, at, sc) -> resourceValue(v.name() + "." + name, at, sc);
            }
        };
    }

    private String pathOf(Path p) {
        String rel = ctx.rootDir().relativize(p).toString().replace('\\', '/');
        return rel.isEmpty() ? "." : rel;
    }

    // ---- variables ----

    private Object variable(String name, Expression at, Scope s) {
        Block decl = variables.get(name);
        if (decl == null) {
            throw new EvalException("no variable \"" + name + "\" is declared", at.range());
        }
        Tracked t = variableValues.get(name);
        if (t == null) {
            t = variableValue(name, decl);
            variableValues.put(name, t);
        }
        s.addRefs(t.refs());
        return t.value();
    }

    private Tracked variableValue(String name, Block decl) {
        Expression type = decl.body().attribute("type").map(Attribute::expr).orElse(null);
        if (inputs != null && inputs.containsKey(name)) {
            Tracked in = inputs.get(name).get();
            return new Tracked(convert(in.value(), type, decl), in.refs());
        }
        if (inputs == null && rootValues.containsKey(name)) {
            Object v = rootValues.get(name);
            if (v instanceof CommandLineValue c) {
                v = c.parse(type, this);
            }
            return new Tracked(convert(v, type, decl), Set.of());
        }
        Attribute def = decl.body().attribute("default").orElse(null);
        if (def != null) {
            return new Tracked(convert(ctx.evaluate(def.expr(), Scope.of(this), name, sensitive(decl)), type, decl),
                    Set.of());
        }
        return new Tracked(new Unknown("var." + name), Set.of());
    }

    /**
     * Applies a primitive {@code type} constraint ({@code number}, {@code bool}, {@code string}), or the
     * {@code optional(...)} attribute defaults of a structural one.
     */
    private Object convert(Object v, Expression type, Block decl) {
        if (v != null && !Values.isUnknown(v) && OptionalAttributes.hasOptional(type)) {
            return new OptionalAttributes(e -> ctx.evaluate(e, Scope.of(constants(ctx)))).apply(v, type);
        }
        if (v == null || Values.isUnknown(v) || !(type instanceof Expression.Variable t)) {
            return v;
        }
        try {
            return switch (t.name()) {
                case "number" -> Values.number(v);
                case "bool" -> Values.bool(v);
                case "string" -> Values.string(v);
                default -> v;
            };
        } catch (EvalException e) {
            ctx.problem(decl.typeRange(), Problem.Kind.PARSE_ERROR, "variable \"" + decl.labels().get(0)
                    + "\": " + e.getMessage());
            return new Unknown("var." + decl.labels().get(0));
        }
    }

    /** A {@code --var} value: a string for primitive types, an HCL expression for collection types (as Terraform). */
    record CommandLineValue(String text) {

        Object parse(Expression type, ModuleEvaluation m) {
            boolean primitive = type == null || type instanceof Expression.Variable;
            if (primitive) {
                return text;
            }
            ModuleFiles.Parsed p = ModuleFiles.parseText(Path.of("--var"), "--var", "v = " + text);
            if (!p.problems().isEmpty() || p.hcl().body().attributes().isEmpty()) {
                m.ctx.addProblems(p.problems());
                return new Unknown(text);
            }
            return m.ctx.evaluate(p.hcl().body().attributes().get(0).expr(), Scope.of(constants(m.ctx)));
        }
    }

    /** A module with nothing declared: what tfvars values are evaluated in (they may not refer to anything). */
    static ModuleEvaluation constants(RootContext ctx) {
        return new ModuleEvaluation(ctx, ctx.rootDir(), List.of(), "", "", 0, null, Map.of());
    }

    // ---- locals ----

    private Tracked local(String name, Scope caller) {
        Tracked t = localValues.get(name);
        if (t != null) {
            return t;
        }
        Attribute a = locals.get(name);
        if (localsInProgress.contains(name)) {
            List<String> cycle = new ArrayList<>(localsInProgress);
            cycle = cycle.subList(cycle.indexOf(name), cycle.size());
            ctx.problem(a.nameRange(), Problem.Kind.PARSE_ERROR, "local." + name + " depends on itself (local."
                    + String.join(" -> local.", cycle) + " -> local." + name + "); its value is unknown");
            return new Tracked(new Unknown("local." + name), Set.of());
        }
        localsInProgress.add(name);
        Scope s = Scope.of(this);
        Object v = ctx.evaluate(a.expr(), s, name);
        localsInProgress.remove(name);
        t = new Tracked(v, s.refs());
        localValues.put(name, t);
        return t;
    }

    // ---- outputs ----

    Tracked output(String name) {
        Tracked t = outputValues.get(name);
        if (t == null) {
            Block b = outputs.get(name);
            Attribute value = b == null ? null : b.body().attribute("value").orElse(null);
            if (value == null) {
                return new Tracked(new Unknown("output." + name), Set.of());
            }
            Scope s = Scope.of(this);
            t = new Tracked(ctx.evaluate(value.expr(), s, name, sensitive(b)), s.refs());
            outputValues.put(name, t);
        }
        return t;
    }

    boolean hasOutput(String name) {
        return outputs.containsKey(name);
    }

    // ---- resources ----

    private Object resourceValue(String resourceKey, Expression at, Scope scope) {
        if (!resources.containsKey(resourceKey)) {
            throw new EvalException("no resource " + resourceKey + " is declared", at.range());
        }
        if (resourcesInProgress.contains(resourceKey)) {
            return new Unknown(at.raw()); // a reference cycle: Terraform rejects it; we just cannot know
        }
        List<Instance> all = instances(resourceKey);
        Object value = resourceValues.get(resourceKey);
        if (value instanceof Unknown) {
            // Unknown count/for_each: whichever instance is meant, it is one of those the [*] instance stands for,
            // so the reader is related to it (a public access block of a counted bucket still protects it).
            Set<String> addresses = new LinkedHashSet<>();
            all.forEach(i -> addresses.add(i.address()));
            scope.addRefs(addresses);
        }
        return value;
    }

    List<Instance> instances(String resourceKey) {
        List<Instance> done = instances.get(resourceKey);
        if (done != null) {
            return done;
        }
        resourcesInProgress.add(resourceKey);
        Block b = resources.get(resourceKey);
        Expansion expansion = Expansion.of(b, Scope.of(this), ctx);
        List<Instance> out = new ArrayList<>();
        Map<String, Object> byKey = new LinkedHashMap<>();
        List<Object> byIndex = new ArrayList<>();
        for (Expansion.Item item : expansion.items()) {
            String name = b.labels().get(1) + item.suffix();
            Instance inst = new ResourceBody(ctx, b, b.labels().get(0), name, prefix + b.labels().get(0) + "." + name,
                    callSites).evaluate(item.bind(Scope.of(this)));
            out.add(inst);
            if (item.key() instanceof String k) {
                byKey.put(k, new InstanceRef(inst));
            } else {
                byIndex.add(new InstanceRef(inst));
            }
        }
        instances.put(resourceKey, out);
        resourcesInProgress.remove(resourceKey);
        resourceValues.put(resourceKey, switch (expansion.mode()) {
            case SINGLE -> new InstanceRef(out.get(0));
            case COUNT -> byIndex;
            case FOR_EACH -> byKey;
            case UNKNOWN -> new Unknown(b.labels().get(0) + "." + b.labels().get(1));
        });
        return out;
    }

    // ---- module calls ----

    private Object moduleValue(String name) {
        if (moduleValues.containsKey(name)) {
            return moduleValues.get(name);
        }
        moduleValues.put(name, new Unknown("module." + name)); // while evaluating: a self-reference is unknown
        Object v = callModule(name, moduleCalls.get(name));
        moduleValues.put(name, v);
        return v;
    }

    private Object callModule(String name, Block call) {
        Unknown unknown = new Unknown("module." + name);
        Attribute sourceAttr = call.body().attribute("source").orElse(null);
        if (sourceAttr == null || !(sourceAttr.expr() instanceof Expression.Template t) || !t.isLiteral()) {
            ctx.problem(call.typeRange(), Problem.Kind.NOT_SCANNED, "module \"" + name
                    + "\" has no literal source; it is not scanned");
            return unknown;
        }
        String source = t.literalValue();
        String childKey = key.isEmpty() ? name : key + "." + name;
        Path childDir;
        if (source.startsWith("./") || source.startsWith("../") || source.equals(".") || source.equals("..")) {
            childDir = dir.resolve(source).normalize();
            if (!ctx.files().inside(childDir)) {
                ctx.problem(sourceAttr.expr().range(), Problem.Kind.NOT_SCANNED, "module source " + source
                        + " is outside the scanned tree; it is not scanned");
                return unknown;
            }
            if (!Files.isDirectory(childDir)) {
                ctx.problem(sourceAttr.expr().range(), Problem.Kind.NOT_SCANNED, "module source " + source
                        + " is not a directory; it is not scanned");
                return unknown;
            }
        } else {
            childDir = ctx.installed(childKey);
            if (childDir == null || !ctx.files().inside(childDir) || !Files.isDirectory(childDir)) {
                ctx.problem(call.typeRange(), Problem.Kind.NOT_SCANNED, "module source " + source
                        + " not resolved (run terraform init to scan it)");
                return unknown;
            }
        }
        if (childDir.toAbsolutePath().normalize().equals(dir)
                || callers.contains(childDir.toAbsolutePath().normalize())) {
            // Terraform rejects a module that calls itself, directly or through others; without this check each
            // level would be evaluated again, with its findings, down to MAX_MODULE_DEPTH.
            ctx.problem(call.typeRange(), Problem.Kind.NOT_SCANNED, "module \"" + name + "\" calls " + source
                    + ", a module already on its call chain (a cycle, which Terraform rejects); it is not scanned");
            return unknown;
        }
        if (depth + 1 > MAX_MODULE_DEPTH) {
            ctx.problem(call.typeRange(), Problem.Kind.NOT_SCANNED, "module \"" + name + "\" is nested more than "
                    + MAX_MODULE_DEPTH + " deep (does it call itself?); it is not scanned");
            return unknown;
        }
        ModuleFiles.Module module = ctx.files().calledModule(childDir);
        ctx.addProblems(module.problems());
        Expansion expansion = Expansion.of(call, Scope.of(this), ctx);
        Map<String, Object> byKey = new LinkedHashMap<>();
        List<Object> byIndex = new ArrayList<>();
        for (Expansion.Item item : expansion.items()) {
            Scope callScope = item.bind(Scope.of(this));
            Map<String, Supplier<Tracked>> args = new LinkedHashMap<>();
            for (Attribute a : call.body().attributes()) {
                if (!MODULE_META.contains(a.name())) {
                    args.put(a.name(), memo(() -> {
                        Scope s = callScope.freshRefs();
                        return new Tracked(ctx.evaluate(a.expr(), s, a.name()), s.refs());
                    }));
                }
            }
            List<dev.tollgate.model.SourceLocation> childCalls = new ArrayList<>(callSites);
            childCalls.add(RootContext.location(call.typeRange()));
            List<Path> childCallers = new ArrayList<>(callers);
            childCallers.add(dir);
            ModuleEvaluation child = new ModuleEvaluation(ctx, childDir, module.declared(),
                    prefix + "module." + name + item.suffix() + ".", childKey, depth + 1, args, Map.of(), childCalls,
                    List.copyOf(childCallers));
            children.add(child);
            ModuleOutputs outs = new ModuleOutputs(name, child);
            if (item.key() instanceof String k) {
                byKey.put(k, outs);
            } else {
                byIndex.add(outs);
            }
        }
        return switch (expansion.mode()) {
            case SINGLE -> byIndex.get(0);
            case COUNT -> byIndex;
            case FOR_EACH -> byKey;
            case UNKNOWN -> unknown;
        };
    }

    private static Supplier<Tracked> memo(Supplier<Tracked> s) {
        return new Supplier<>() {
            private Tracked value;

            @Override
            public Tracked get() {
                if (value == null) {
                    value = s.get();
                }
                return value;
            }
        };
    }

    /** {@code module.x}: its outputs, each evaluated in the module on first use. */
    record ModuleOutputs(String name, ModuleEvaluation module) implements Namespace {

        @Override
        public Object attr(String output, Expression at, Scope scope) {
            if (!module.hasOutput(output)) {
                throw new EvalException("module \"" + name + "\" has no output \"" + output + "\"", at.range());
            }
            Tracked t = module.output(output);
            scope.addRefs(t.refs());
            return t.value();
        }
    }

    // ---- file functions: only inside the scanned tree, never anything else ----

    Object file(String function, Expression.FunctionCall f, List<Object> args) {
        if (function.equals("fileset")) {
            return fileSet(f, args);
        }
        boolean template = function.equals("templatefile");
        if (args.size() != (template ? 2 : 1)) {
            throw new EvalException(function + ": wrong number of arguments", f.range());
        }
        if (Values.deepUnknown(args.get(0))) {
            return new Unknown(f.raw());
        }
        String name = Values.string(args.get(0));
        Path p;
        try {
            Path given = Path.of(name);
            if (given.isAbsolute()) {
                return new Unknown(f.raw());
            }
            p = ctx.rootDir().resolve(given).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return new Unknown(f.raw());
        }
        if (!ctx.files().inside(p)) {
            return new Unknown(f.raw());
        }
        try {
            if (!p.toRealPath().startsWith(ctx.files().base().toRealPath())) {
                return new Unknown(f.raw()); // a symlink out of the tree
            }
            if (function.equals("fileexists")) {
                return Files.isRegularFile(p);
            }
            if (!Files.isRegularFile(p) || Files.size(p) > MAX_FILE_FUNCTION_BYTES) {
                return new Unknown(f.raw());
            }
            if (template) {
                return ctx.template(p, name);
            }
            byte[] bytes = Files.readAllBytes(p);
            return function.equals("filebase64") ? Base64.getEncoder().encodeToString(bytes)
                    : new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return function.equals("fileexists") ? (Object) Boolean.FALSE : new Unknown(f.raw());
        }
    }

    /** Files {@code fileset} lists at most: a factory directory of a real repository holds tens. */
    static final int MAX_FILESET_FILES = 10_000;

    /**
     * Terraform's fileset(path, pattern): the files under {@code path} whose path relative to it matches the glob
     * ({@code *}, {@code **}, {@code ?}, {@code {a,b}}, {@code [abc]}), sorted, "/"-separated. Like file(), only inside
     * the scanned tree and never through a link out of it; anything else is unknown. A missing directory gives none.
     * The glob is matched by {@link Glob}, in time linear in the path: the JDK's matcher backtracks, and a repeated
     * {@code **}{@code /} in a committed {@code .tf} file could hold the scan as it did the configuration's globs.
     */
    private Object fileSet(Expression.FunctionCall f, List<Object> args) {
        if (args.size() != 2) {
            throw new EvalException("fileset: wrong number of arguments", f.range());
        }
        if (Values.deepUnknown(args.get(0)) || Values.deepUnknown(args.get(1))) {
            return new Unknown(f.raw());
        }
        String pattern = Values.string(args.get(1));
        Path dir;
        Glob matcher;
        Glob topLevel;
        try {
            Path given = Path.of(Values.string(args.get(0)));
            if (given.isAbsolute()) {
                return new Unknown(f.raw());
            }
            dir = ctx.rootDir().resolve(given).normalize();
            matcher = Glob.of(pattern);
            // "**/" matches no directory at all too, as in Terraform's glob
            topLevel = pattern.startsWith("**/") ? Glob.of(pattern.substring(3)) : null;
        } catch (IllegalArgumentException e) { // an invalid path or glob (InvalidPathException is one)
            return new Unknown(f.raw());
        }
        if (!ctx.files().inside(dir)) {
            return new Unknown(f.raw());
        }
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        try {
            Path realBase = ctx.files().base().toRealPath();
            if (!dir.toRealPath().startsWith(realBase)) {
                return new Unknown(f.raw()); // a symlink out of the tree
            }
            try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    if (!Files.isRegularFile(p)) {
                        continue;
                    }
                    String rel = dir.relativize(p).toString().replace('\\', '/');
                    if (matcher.matches(rel) || (topLevel != null && topLevel.matches(rel))) {
                        if (found.size() == MAX_FILESET_FILES) {
                            throw new EvalException("fileset: over " + MAX_FILESET_FILES + " files match", f.range());
                        }
                        found.add(rel);
                    }
                }
            }
        } catch (IOException | java.io.UncheckedIOException | SecurityException e) {
            return new Unknown(f.raw());
        }
        found.sort(null);
        return new ArrayList<Object>(found);
    }
}
