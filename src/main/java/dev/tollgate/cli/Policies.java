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
        for (Path dir : extraDirs) {
            if (!Files.isDirectory(dir)) {
                console.err().println("tollgate: --policies " + dir + ": not a directory");
                return null;
            }
        }
        try {
            PolicyCatalog catalog = BundledPolicies.load(extraDirs);
            return new Policies(catalog, PolicyEngine.compile(catalog.policies()));
        } catch (PolicyLoadException e) {
            for (PolicyError error : e.errors()) {
                console.err().println(error);
            }
            console.err().println("tollgate: " + e.errors().size() + " policy error(s); nothing was scanned.");
            return null;
        }
    }
}
