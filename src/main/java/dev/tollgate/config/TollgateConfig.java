package dev.tollgate.config;

import dev.tollgate.policy.Severity;
import dev.tollgate.suppress.SuppressionRule;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project's {@code .tollgate.yml}: what a team decides once instead of on every command line. Command-line
 * flags win over it.
 *
 * @param source where it was read from ({@code null} when there is no file)
 * @param failOn the {@code fail-on} threshold, or null when unset ({@code none} is represented by
 *     {@link #failOnNone})
 * @param failOnNone true when {@code fail-on: none}
 * @param enable when non-empty, only these policies run
 * @param disable policies that never run
 * @param severities severity overrides by policy id
 * @param policyDirs extra policy directories, relative to the configuration file's directory
 * @param exclude globs of paths (relative to the scan root) never scanned
 * @param varFiles Terraform variable files
 * @param vars Terraform variables
 * @param forbidInline policies whose findings may not be suppressed inline (comments, annotations)
 * @param suppressions suppression rules for paths and resources
 */
public record TollgateConfig(
        String source,
        Severity failOn,
        boolean failOnNone,
        Set<String> enable,
        Set<String> disable,
        Map<String, Severity> severities,
        List<String> policyDirs,
        List<String> exclude,
        List<String> varFiles,
        Map<String, String> vars,
        Set<String> forbidInline,
        List<SuppressionRule> suppressions) {

    public TollgateConfig {
        enable = Set.copyOf(enable);
        disable = Set.copyOf(disable);
        severities = Map.copyOf(severities);
        policyDirs = List.copyOf(policyDirs);
        exclude = List.copyOf(exclude);
        varFiles = List.copyOf(varFiles);
        vars = Map.copyOf(vars);
        forbidInline = Set.copyOf(forbidInline);
        suppressions = List.copyOf(suppressions);
    }

    /** No configuration file: every default. */
    public static TollgateConfig none() {
        return new TollgateConfig(null, null, false, Set.of(), Set.of(), Map.of(), List.of(), List.of(), List.of(),
                Map.of(), Set.of(), List.of());
    }
}
