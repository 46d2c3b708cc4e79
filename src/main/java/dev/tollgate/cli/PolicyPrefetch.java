package dev.tollgate.cli;

import dev.tollgate.engine.PolicyEngine;
import dev.tollgate.policy.BundledPolicies;
import dev.tollgate.policy.PolicyCatalog;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

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

    private static final PolicyPrefetch NONE = new PolicyPrefetch(null);

    private final FutureTask<Policies> task;

    private PolicyPrefetch(FutureTask<Policies> task) {
        this.task = task;
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
        FutureTask<Policies> task = new FutureTask<>(() -> {
            PolicyCatalog catalog = BundledPolicies.load(List.of());
            return new Policies(catalog, PolicyEngine.compile(catalog.policies()));
        });
        Thread thread = new Thread(task, "tollgate-policy-prefetch");
        thread.setDaemon(true); // an early usage error must not wait for it
        thread.start();
        return new PolicyPrefetch(task);
    }

    /** The prefetched engine when it was compiled from exactly {@code catalog}'s policies, else null. */
    PolicyEngine engineFor(PolicyCatalog catalog) {
        Policies bundled = bundled();
        return bundled != null && bundled.catalog().policies().equals(catalog.policies()) ? bundled.engine() : null;
    }

    /** The prefetched bundled catalogue, or null when there is no prefetch or it failed. */
    PolicyCatalog catalog() {
        Policies bundled = bundled();
        return bundled == null ? null : bundled.catalog();
    }

    private Policies bundled() {
        if (task == null) {
            return null;
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null; // loaded again on the calling thread, which reports whatever went wrong
        }
    }
}
