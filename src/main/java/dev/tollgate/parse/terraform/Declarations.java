package dev.tollgate.parse.terraform;

import dev.tollgate.model.Problem;
import dev.tollgate.parse.terraform.hcl.Attribute;
import dev.tollgate.parse.terraform.hcl.Block;
import dev.tollgate.parse.terraform.hcl.HclFile;
import dev.tollgate.parse.terraform.hcl.SourceRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one module directory's files declare, by name, in declaration order (the first declaration wins; override
 * files are merged in last). It depends only on the files, not on a call's inputs, so {@link ModuleFiles} builds it
 * once per directory and every call of the module shares it: a module called by a thousand roots was declared a
 * thousand times. Read-only once built.
 *
 * <p>A second declaration of the same variable, local value, output, resource or module call is invalid (Terraform
 * refuses the whole configuration); it is not read, and {@link #duplicates} says so at its line, naming where the
 * first one is. Before, the second one was silently dropped: a resource that was never judged, and nothing said why.
 */
record Declarations(Map<String, Block> variables, Map<String, Attribute> locals, Map<String, Block> outputs,
        Map<String, Block> resources, Set<String> resourceTypes, Map<String, Block> moduleCalls,
        List<Problem> duplicates) {

    static Declarations of(List<HclFile> files) {
        Map<String, Block> variables = new LinkedHashMap<>();
        Map<String, Attribute> locals = new LinkedHashMap<>();
        Map<String, Block> outputs = new LinkedHashMap<>();
        Map<String, Block> resources = new LinkedHashMap<>();
        Set<String> resourceTypes = new HashSet<>();
        Map<String, Block> moduleCalls = new LinkedHashMap<>();
        List<HclFile> overrides = new ArrayList<>();
        List<Problem> duplicates = new ArrayList<>();
        for (HclFile f : files) {
            if (isOverrideFile(f.source().fileName())) {
                overrides.add(f);
            } else {
                declare(f, variables, locals, outputs, resources, resourceTypes, moduleCalls, duplicates);
            }
        }
        for (HclFile f : overrides) {
            override(f, variables, locals, outputs, resources, moduleCalls);
        }
        return new Declarations(Collections.unmodifiableMap(variables), Collections.unmodifiableMap(locals),
                Collections.unmodifiableMap(outputs), Collections.unmodifiableMap(resources),
                Collections.unmodifiableSet(resourceTypes), Collections.unmodifiableMap(moduleCalls),
                List.copyOf(duplicates));
    }

    /** {@code override.tf}, {@code *_override.tf} (and {@code .tf.json}): merged into the other files' blocks. */
    static boolean isOverrideFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        name = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        name = name.endsWith(".tf") ? name.substring(0, name.length() - 3) : name;
        return name.equals("override") || name.endsWith("_override");
    }

    /**
     * Terraform's override files, read after all the others: an override block's arguments replace the original
     * block's arguments of the same name, and its nested blocks replace all the original's nested blocks of the same
     * type ({@code lifecycle} is merged argument by argument); an override local replaces the original local. An
     * override of something never declared is ignored (Terraform rejects it; it does not change what is evaluated).
     */
    private static void override(HclFile f, Map<String, Block> variables, Map<String, Attribute> locals,
            Map<String, Block> outputs, Map<String, Block> resources, Map<String, Block> moduleCalls) {
        for (Block b : f.body().blocks()) {
            List<String> l = b.labels();
            switch (b.type()) {
                case "locals" -> b.body().attributes().forEach(a -> locals.computeIfPresent(a.name(), (k, old) -> a));
                case "variable" -> mergeInto(variables, l.size() == 1 ? l.get(0) : null, b);
                case "output" -> mergeInto(outputs, l.size() == 1 ? l.get(0) : null, b);
                case "module" -> mergeInto(moduleCalls, l.size() == 1 ? l.get(0) : null, b);
                case "resource" -> mergeInto(resources, l.size() == 2 ? l.get(0) + "." + l.get(1) : null, b);
                default -> {
                }
            }
        }
    }

    private static void mergeInto(Map<String, Block> declared, String key, Block over) {
        if (key != null) {
            declared.computeIfPresent(key, (k, original) -> merged(original, over));
        }
    }

    private static Block merged(Block original, Block over) {
        dev.tollgate.parse.terraform.hcl.Body ob = original.body();
        dev.tollgate.parse.terraform.hcl.Body vb = over.body();
        List<Attribute> attributes = new ArrayList<>();
        for (Attribute a : ob.attributes()) {
            attributes.add(vb.attribute(a.name()).orElse(a));
        }
        for (Attribute a : vb.attributes()) {
            if (ob.attribute(a.name()).isEmpty()) {
                attributes.add(a);
            }
        }
        Set<String> overridden = new HashSet<>();
        vb.blocks().forEach(nb -> overridden.add(nb.type()));
        List<Block> blocks = new ArrayList<>();
        for (Block nb : ob.blocks()) {
            if (!overridden.contains(nb.type())) {
                blocks.add(nb);
            } else if (nb.type().equals("lifecycle") && !vb.blocks("lifecycle").isEmpty()) {
                blocks.add(merged(nb, vb.blocks("lifecycle").get(0)));
                overridden.remove("lifecycle");
            }
        }
        for (Block nb : vb.blocks()) {
            if (!nb.type().equals("lifecycle") || blocks.stream().noneMatch(x -> x.type().equals("lifecycle"))) {
                blocks.add(nb);
            }
        }
        return new Block(original.type(), original.labels(),
                new dev.tollgate.parse.terraform.hcl.Body(attributes, blocks, ob.range()), original.range(),
                original.typeRange(), original.labelRanges());
    }

    private static void declare(HclFile f, Map<String, Block> variables, Map<String, Attribute> locals,
            Map<String, Block> outputs, Map<String, Block> resources, Set<String> resourceTypes,
            Map<String, Block> moduleCalls, List<Problem> duplicates) {
        for (Block b : f.body().blocks()) {
            List<String> l = b.labels();
            switch (b.type()) {
                case "variable" -> {
                    if (l.size() == 1) {
                        first(variables, l.get(0), b, "variable \"" + l.get(0) + "\"", duplicates);
                    }
                }
                case "locals" -> b.body().attributes().forEach(a -> {
                    Attribute earlier = locals.putIfAbsent(a.name(), a);
                    if (earlier != null) {
                        duplicates.add(duplicate(a.nameRange(), "local value \"" + a.name() + "\"",
                                earlier.nameRange()));
                    }
                });
                case "output" -> {
                    if (l.size() == 1) {
                        first(outputs, l.get(0), b, "output \"" + l.get(0) + "\"", duplicates);
                    }
                }
                case "resource" -> {
                    if (l.size() == 2) {
                        first(resources, l.get(0) + "." + l.get(1), b,
                                "resource \"" + l.get(0) + "\" \"" + l.get(1) + "\"", duplicates);
                        resourceTypes.add(l.get(0));
                    }
                }
                case "module" -> {
                    if (l.size() == 1) {
                        first(moduleCalls, l.get(0), b, "module \"" + l.get(0) + "\"", duplicates);
                    }
                }
                default -> {
                }
            }
        }
    }

    /** Keeps the first declaration of {@code key}; a later one is reported and dropped. */
    private static void first(Map<String, Block> declared, String key, Block b, String what, List<Problem> duplicates) {
        Block earlier = declared.putIfAbsent(key, b);
        if (earlier != null) {
            duplicates.add(duplicate(b.typeRange(), what, earlier.typeRange()));
        }
    }

    private static Problem duplicate(SourceRange at, String what, SourceRange first) {
        return RootContext.problemAt(at, Problem.Kind.PARSE_ERROR, "duplicate " + what + ": already declared at "
                + first.source().fileName() + ":" + first.startLine() + " (Terraform rejects the configuration); "
                + "this declaration is not read");
    }
}
