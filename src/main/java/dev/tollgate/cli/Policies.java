package dev.tollgate.cli;

import dev.tollgate.engine.PolicyEngine;
import dev.tollgate.policy.BundledPolicies;
import dev.tollgate.policy.PolicyCatalog;
import dev.tollgate.policy.PolicyError;
import dev.tollgate.policy.PolicyLoadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads and compiles the policies for a command, or prints why it could not. */
record Policies(PolicyCatalog catalog, PolicyEngine engine) {

    /** The loaded policies, or null after printing every error to {@code console.err()}. */
    static Policies load(List<Path> extraDirs, Console console) {
        return load(extraDirs, dev.tollgate.config.TollgateConfig.none(), console);
    }

    /** As {@link #load(List, Console)}, then the configuration's enable/disable lists and severity overrides. */
    static Policies load(List<Path> extraDirs, dev.tollgate.config.TollgateConfig config, Console console) {
        return load(extraDirs, config, console, PolicyPrefetch.none());
    }

    /** As {@link #load(List, dev.tollgate.config.TollgateConfig, Console)}, using what {@code prefetch} has ready. */
    static Policies load(List<Path> extraDirs, dev.tollgate.config.TollgateConfig config, Console console,
            PolicyPrefetch prefetch) {
        for (Path dir : extraDirs) {
            if (!Files.isDirectory(dir)) {
                console.err().println("tollgate: --policies " + dir + ": not a directory");
                return null;
            }
        }
        try {
            PolicyCatalog bundled = extraDirs.isEmpty() ? prefetch.catalog() : null;
            PolicyCatalog catalog = configure(bundled != null ? bundled : BundledPolicies.load(extraDirs),
                    config, console);
            if (catalog == null) {
                return null;
            }
            PolicyEngine prefetched = prefetch.engineFor(catalog);
            return new Policies(catalog, prefetched != null ? prefetched : PolicyEngine.compile(catalog.policies()));
        } catch (PolicyLoadException e) {
            for (PolicyError error : e.errors()) {
                console.err().println(error);
            }
            console.err().println("tollgate: " + e.errors().size() + " policy error(s); nothing was scanned.");
            return null;
        }
    }

    private static PolicyCatalog configure(PolicyCatalog catalog, dev.tollgate.config.TollgateConfig config,
            Console console) {
        java.util.Set<String> known = new java.util.HashSet<>();
        catalog.policies().forEach(p -> known.add(p.id()));
        List<String> unknown = new java.util.ArrayList<>();
        java.util.stream.Stream.of(config.enable(), config.disable(), config.severities().keySet(),
                config.forbidInline())
                .flatMap(java.util.Set::stream).filter(id -> !id.equals("*") && !known.contains(id)).sorted()
                .forEach(unknown::add);
        if (!unknown.isEmpty()) {
            console.err().println(config.source() + ": unknown policy id(s): " + String.join(", ", unknown)
                    + " (tollgate policies lists them)");
            return null;
        }
        List<dev.tollgate.policy.Policy> kept = catalog.policies().stream()
                .filter(p -> config.enable().isEmpty() || config.enable().contains(p.id()))
                .filter(p -> !config.disable().contains(p.id()))
                .map(p -> config.severities().containsKey(p.id()) ? p.withSeverity(config.severities().get(p.id())) : p)
                .toList();
        // Digests describe the files the policies in use came from: drop those of disabled policies.
        java.util.Map<String, String> digests = new java.util.TreeMap<>(catalog.digests());
        catalog.policies().stream().filter(p -> !kept.stream().anyMatch(k -> k.id().equals(p.id())))
                .forEach(p -> digests.remove(p.source()));
        return new PolicyCatalog(kept, catalog.checklist(), digests);
    }
}
