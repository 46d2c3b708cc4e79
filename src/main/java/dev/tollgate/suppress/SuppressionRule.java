package dev.tollgate.suppress;

import dev.tollgate.config.Glob;
import dev.tollgate.model.SourceLocation;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A suppression from the configuration file: a policy (or {@code *}), files matching a glob, optionally one resource
 * address (glob), with a reason and an optional expiry.
 *
 * @param policy policy id or {@code *}
 * @param pathGlob glob over the file path relative to the scan root ({@code legacy/**}); null for every file
 * @param resourceGlob glob over the resource address ({@code services.redis}); null for every resource
 * @param reason why; required
 * @param until last day it applies, or null
 * @param where the entry in the configuration file
 */
public record SuppressionRule(String policy, String pathGlob, String resourceGlob, String reason, LocalDate until,
        SourceLocation where) {

    public SuppressionRule {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(where, "where");
    }

    boolean matches(String policyId, String file, String resourceAddress) {
        return (policy.equals("*") || policy.equals(policyId))
                && (pathGlob == null || Glob.of(pathGlob).matches(file))
                && (resourceGlob == null || Glob.of(resourceGlob).matches(resourceAddress.replace('/', '|')));
    }

    // Resource addresses contain '/', which a glob treats as a separator: they are compared with '/' swapped out.
}
