package dev.tollgate.engine;

import dev.tollgate.finding.Redactor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * {@link Redactor#isSecretKey}, remembered per key name for one engine. Each finding's resource gets a redactor, which
 * asks this of every key the resource holds; the same names ({@code name}, {@code image}, {@code DB_HOST}) come back
 * in every resource. At most {@link #LIMIT} names are kept, so memory is bounded whatever the repository.
 * Thread-safe: resources are judged in parallel.
 */
final class SecretKeyNames implements Predicate<String> {

    static final int LIMIT = 20_000;

    private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

    @Override
    public boolean test(String key) {
        Boolean known = answers.get(key);
        if (known != null) {
            return known;
        }
        boolean secret = Redactor.isSecretKey(key);
        if (answers.size() < LIMIT && key.length() <= 256) {
            answers.put(key, secret);
        }
        return secret;
    }
}
