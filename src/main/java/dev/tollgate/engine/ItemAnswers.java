package dev.tollgate.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A condition's outcomes by the value it judged, for a condition that reads nothing but {@code item}: its answer then
 * depends on the value alone, and a policy that looks at every string of every resource ({@code select: "$..*"})
 * meets the same label, image and port values over and over. Measured on the 30 MB benchmark corpus, the credential
 * policies judged about 500,000 strings of which a small fraction were distinct.
 *
 * <p>Only scalar values are remembered (strings, numbers, booleans), at most {@link #LIMIT} of them per policy, so the
 * memory is bounded whatever the repository. Only the outcome is kept: a failure's message may read {@code meta} and
 * is built for each finding. Thread-safe; the scan judges resources in parallel.
 */
final class ItemAnswers {

    static final int LIMIT = 50_000;

    private final Map<Object, PolicyEngine.Verdict> answers = new ConcurrentHashMap<>();

    /** The answer already given for {@code item}, or null. */
    PolicyEngine.Verdict get(Object item) {
        return rememberable(item) ? answers.get(item) : null;
    }

    void put(Object item, PolicyEngine.Verdict verdict) {
        if (rememberable(item) && answers.size() < LIMIT) {
            answers.putIfAbsent(item, verdict);
        }
    }

    private static boolean rememberable(Object item) {
        return item instanceof String s && s.length() <= 1024 || item instanceof Long || item instanceof Boolean
                || item instanceof Double;
    }
}
