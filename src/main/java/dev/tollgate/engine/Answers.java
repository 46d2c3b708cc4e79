package dev.tollgate.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A condition's outcomes by the values it read, for a condition whose answer depends on nothing but the selected
 * {@code item}, a few {@code meta} fields and a few top-level fields of {@code resource} ({@link ConditionInputs}).
 * Policies judge the same values over and over: the same env entry ({@code {name: DB_HOST, value: postgres}}) in every
 * Deployment of a repository, the same label, image and port strings in every resource, the same variable in
 * {@code .env.production} of every service.
 *
 * <p>Only small inputs are remembered (at most {@link #MAX_NODES} values in all, strings of at most 1,024
 * characters), at most {@link #LIMIT} answers per policy and {@link Budget#TOTAL} per engine, so the memory is
 * bounded whatever the repository. A policy whose inputs rarely repeat (fewer than one lookup in
 * {@link #WORTHWHILE} found an answer after {@link #TRIAL} lookups: the Terraform secret policy reads each value's
 * pointer and resource type) stops remembering and gives its share back, so that it neither pays for keys that
 * never match nor starves the policies judged later. A map is remembered with its entries in order, since a
 * condition may iterate over it. Only the outcome is kept: a failure's message may read more of {@code meta} and is
 * built for each finding. Thread-safe; the scan judges resources in parallel.
 */
final class Answers {

    /** At most this many answers per policy, so that one policy cannot take the whole {@link Budget}. */
    static final int LIMIT = 20_000;
    static final int MAX_NODES = 16;
    /** Lookups before a policy's hit rate is judged. */
    static final int TRIAL = 5_000;
    /** A policy keeps remembering while at least one lookup in this many finds an answer. */
    static final int WORTHWHILE = 10;

    /**
     * The answers all policies of one engine may remember together: about 200 bytes each with their keys, so the
     * memory stays bounded whatever the repository and however many policies remember. At most {@link #TOTAL}
     * (about 50 MB), and no more than one answer per 2 KB of the heap's limit, so that a scan run with a small heap
     * ({@code -Xmx256m}) keeps its room for parsing: on the benchmark corpus at {@code -Xmx256m}, the full budget
     * made the scan take about a quarter more CPU than at the default heap (33.7 s against 27.1 s), and this bound
     * brought it back (25.9 s).
     */
    static final class Budget {
        static final int TOTAL = 250_000;
        private final AtomicInteger left;

        Budget() {
            this((int) Math.min(TOTAL, Runtime.getRuntime().maxMemory() / 2048));
        }

        Budget(int total) {
            left = new AtomicInteger(total);
        }

        boolean take() {
            return left.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        }

        void giveBack(int n) {
            left.addAndGet(n);
        }
    }

    /** A map in a memo key: its entries in order, as key, value, key, value... */
    private record OrderedMap(List<Object> entries) {
    }

    private final ConditionInputs inputs;
    private final Budget budget;
    private final Map<List<Object>, PolicyEngine.Verdict> answers = new ConcurrentHashMap<>();
    private final LongAdder lookups = new LongAdder();
    private final LongAdder hits = new LongAdder();
    private volatile boolean gaveUp;

    Answers(ConditionInputs inputs, Budget budget) {
        this.inputs = inputs;
        this.budget = budget;
    }

    /** Whether answers are still remembered: false once the inputs proved too seldom repeated. */
    boolean active() {
        return !gaveUp;
    }

    /**
     * The memo key of one element, or null when what it reads is too large to remember.
     *
     * @param meta the element's meta, or an empty map when the condition reads none ({@link #readsMeta})
     * @param resource the resource's data as CEL sees it
     */
    List<Object> key(Object item, Map<String, Object> meta, Object resource) {
        List<Object> values = inputs.values(item, meta, resource);
        int[] budget = {MAX_NODES};
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            Object key = keyOf(value, budget);
            if (key == null && value != null) {
                return null;
            }
            values.set(i, key);
        }
        return values;
    }

    /** Whether the condition reads {@code item}, so that {@link #key} needs it. */
    boolean readsItem() {
        return inputs.readsItem();
    }

    /** Whether the condition reads any {@code meta} field, so that {@link #key} needs the element's meta. */
    boolean readsMeta() {
        return !inputs.metaFields().isEmpty();
    }

    /** The answer already given for {@code key}, or null. */
    PolicyEngine.Verdict get(List<Object> key) {
        lookups.increment();
        PolicyEngine.Verdict known = answers.get(key);
        if (known != null) {
            hits.increment();
        }
        return known;
    }

    void put(List<Object> key, PolicyEngine.Verdict verdict) {
        if (gaveUp) {
            return;
        }
        long tried = lookups.sum();
        if (tried >= TRIAL && hits.sum() * WORTHWHILE < tried) {
            gaveUp = true;
            int held = answers.size();
            answers.clear();
            budget.giveBack(held);
            return;
        }
        if (answers.size() < LIMIT && budget.take() && answers.putIfAbsent(key, verdict) != null) {
            budget.giveBack(1); // another thread remembered the same answer first
        }
    }

    /**
     * {@code value} as a memo key (lists as lists, maps as ordered entries, an item's fields as their keys), or null
     * when it is too large.
     */
    private static Object keyOf(Object value, int[] budget) {
        if (--budget[0] < 0) {
            return null;
        }
        if (value instanceof String s) {
            return s.length() <= 1024 ? s : null;
        }
        if (value instanceof Map<?, ?> map) {
            List<Object> entries = new ArrayList<>(map.size() * 2);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object v = keyOf(e.getValue(), budget);
                if (v == null && e.getValue() != null) {
                    return null;
                }
                entries.add(e.getKey());
                entries.add(v);
            }
            return new OrderedMap(entries);
        }
        if (value instanceof List<?> list) {
            return keysOf(list, budget);
        }
        if (value instanceof ConditionInputs.ItemFields fields) {
            List<Object> values = keysOf(fields.values(), budget);
            return values == null ? null : new ConditionInputs.ItemFields(values);
        }
        return value; // numbers, booleans, CEL's null value; null (unknown) is its own key
    }

    private static List<Object> keysOf(List<?> list, int[] budget) {
        List<Object> elements = new ArrayList<>(list.size());
        for (Object element : list) {
            Object v = keyOf(element, budget);
            if (v == null && element != null) {
                return null;
            }
            elements.add(v);
        }
        return elements;
    }
}
