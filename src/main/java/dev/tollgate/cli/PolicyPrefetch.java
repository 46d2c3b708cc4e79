package dev.tollgate.cli;

import dev.tollgate.engine.PolicyEngine;
import dev.tollgate.policy.BundledPolicies;
import dev.tollgate.policy.PolicyCatalog;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The bundled policies, loaded and compiled on a second thread from the first moment of {@code tollgate scan}, while
 * the main thread parses the command line and the configuration (on a cold JVM, picocli's set-up alone takes a
 * tenth of a second or more, and building the CEL runtime and programs about twice that).
 *
 * <p>Only a guess: {@link #engineFor} hands the engine over only when the policies the scan ends up with are exactly
 * the bundled ones (no {@code --policies}, no configuration that disables a policy or changes a severity);
 * otherwise, or when the prefetch failed, the caller loads and compiles as it always did, so the scan, its messages
 * and its reports are the same either way.
 */
final class PolicyPrefetch {

    private static final PolicyPrefetch NONE = new PolicyPrefetch(null, null);

    private final CompletableFuture<PolicyCatalog> catalog;
    private final CompletableFuture<PolicyEngine> engine;

    private PolicyPrefetch(CompletableFuture<PolicyCatalog> catalog, CompletableFuture<PolicyEngine> engine) {
        this.catalog = catalog;
        this.engine = engine;
    }

    /** No prefetch: what tests and every command but {@code scan} get. */
    static PolicyPrefetch none() {
        return NONE;
    }

    /**
     * Starts the prefetch for a {@code scan} command line; none for anything else, for help, and when
     * {@code --policies} says the bundled policies alone will not do (the work would be thrown away).
     */
    static PolicyPrefetch forCommandLine(String[] args) {
        if (args.length == 0 || !args[0].equals("scan")) {
            return NONE;
        }
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")
                    || a.startsWith("--policies")) {
                return NONE;
            }
        }
        // Two results: the catalogue is ready in a few milliseconds, and a scan whose configuration changes the
        // policies needs only it (then compiles its own set at once, not after the bundled one).
        CompletableFuture<PolicyCatalog> catalog = new CompletableFuture<>();
        CompletableFuture<PolicyEngine> engine = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                PolicyCatalog bundled = BundledPolicies.load(List.of());
                catalog.complete(bundled);
                engine.complete(PolicyEngine.compile(bundled.policies()));
            } catch (Exception | Error e) { // even out of memory: the caller loads again and reports it
                catalog.completeExceptionally(e);
                engine.completeExceptionally(e);
            }
        }, "tollgate-policy-prefetch");
        thread.setDaemon(true); // an early usage error must not wait for it
        thread.start();
        return new PolicyPrefetch(catalog, engine);
    }

    /** The prefetched engine when it was compiled from exactly {@code catalog}'s policies, else null. */
    PolicyEngine engineFor(PolicyCatalog configured) {
        PolicyCatalog bundled = catalog();
        return bundled != null && bundled.policies().equals(configured.policies()) ? result(engine) : null;
    }

    /** The prefetched bundled catalogue, or null when there is no prefetch or it failed. */
    PolicyCatalog catalog() {
        return result(catalog);
    }

    private static <T> T result(CompletableFuture<T> future) {
        if (future == null) {
            return null;
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null; // loaded again on the calling thread, which reports whatever went wrong
        }
    }
}
