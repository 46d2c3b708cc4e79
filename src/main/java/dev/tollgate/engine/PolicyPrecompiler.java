package dev.tollgate.engine;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.tollgate.policy.CatalogSnapshot;
import dev.tollgate.policy.Policy;
import dev.tollgate.policy.PolicyCatalog;
import dev.tollgate.policy.PolicyLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A build step, run by Maven in {@code prepare-package}: compiles the CEL expressions of the bundled policies and
 * writes their checked ASTs into the jar ({@link PrecompiledExpressions}), so that a scan starts without compiling.
 * Usage: {@code PolicyPrecompiler OUTPUT_FILE POLICY_DIR}.
 */
public final class PolicyPrecompiler {

    private PolicyPrecompiler() {
    }

    public static void main(String[] args) throws IOException, PolicyLoadException, CelValidationException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PolicyPrecompiler OUTPUT_FILE POLICY_DIR");
        }
        PolicyCatalog catalog = PolicyCatalog.load(List.of(new PolicyCatalog.Source(Path.of(args[1]), "policies/")));
        CelEnvironment env = new CelEnvironment(PrecompiledExpressions.none());
        Map<String, CelAbstractSyntaxTree> asts = new LinkedHashMap<>();
        for (Policy p : catalog.policies()) {
            asts.put(p.condition(), env.compileNow(p.condition()));
            if (p.messageExpression() != null) {
                asts.put(p.messageExpression(), env.compileNow(p.messageExpression()));
            }
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, PrecompiledExpressions.write(asts));
        // The parsed catalogue too, beside it: a scan then starts without parsing the policy YAML.
        Path snapshot = out.resolveSibling(Path.of(CatalogSnapshot.RESOURCE).getFileName().toString());
        Files.write(snapshot, CatalogSnapshot.write(catalog));
        System.out.println("precompiled " + asts.size() + " CEL expressions of " + catalog.policies().size()
                + " policies into " + out + ", and the parsed catalogue into " + snapshot);
    }
}
