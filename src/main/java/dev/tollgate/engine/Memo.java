package dev.tollgate.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The answers of a pure function of a string, remembered: for helpers that several policies ask of the same value
 * (what a file name says, a URL's parts). Bounded, whatever the repository: at most {@code maxEntries} answers (then
 * they start over), and only for arguments up to {@code maxLength} characters. Thread-safe; one per engine.
 */
final class Memo<V> {

    private final Function<String, V> function;
    private final int maxEntries;
    private final int maxLength;
    private final Map<String, V> known = new ConcurrentHashMap<>();

    Memo(Function<String, V> function, int maxEntries, int maxLength) {
        this.function = function;
        this.maxEntries = maxEntries;
        this.maxLength = maxLength;
    }

    V get(String argument) {
        if (argument.length() > maxLength) {
            return function.apply(argument);
        }
        V answer = known.get(argument);
        if (answer == null) {
            answer = function.apply(argument);
            if (known.size() >= maxEntries) {
                known.clear();
            }
            known.put(argument, answer);
        }
        return answer;
    }
}
