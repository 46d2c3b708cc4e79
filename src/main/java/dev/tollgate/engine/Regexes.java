package dev.tollgate.engine;

import com.google.re2j.Pattern;
import dev.cel.common.CelOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CEL's {@code matches}, with each regular expression compiled once. cel-java compiles the pattern on every call
 * (RE2J), which made {@code matches} the costliest call of the policies that judge every value of a resource (profiled
 * on the benchmark corpus: {@code Pattern.compile} under nearly every evaluation of TG-TF-SECRET-001). Same engine
 * (RE2J), same syntax and results; only the compiled patterns are kept, at most {@link #LIMIT} of them, since a policy
 * could build a pattern from data.
 */
final class Regexes {

    static final int LIMIT = 1_000;

    private final Map<String, Pattern> compiled = new ConcurrentHashMap<>();
    private final CelOptions options;

    Regexes(CelOptions options) {
        this.options = options;
    }

    /** What cel-java's {@code RuntimeHelpers.matches} answers, with the same options honoured. */
    boolean matches(String text, String regex) {
        Pattern p = compiled.get(regex);
        if (p == null) {
            p = Pattern.compile(regex);
            int max = options.maxRegexProgramSize();
            if (max >= 0 && p.programSize() > max) {
                throw new IllegalArgumentException(String.format(
                        "Regex pattern exceeds allowed program size. Allowed: %d, Provided: %d", max, p.programSize()));
            }
            if (compiled.size() < LIMIT) {
                compiled.putIfAbsent(regex, p);
            }
        }
        return options.enableRegexPartialMatch() ? p.matcher(text).find() : p.matcher(text).matches();
    }
}
