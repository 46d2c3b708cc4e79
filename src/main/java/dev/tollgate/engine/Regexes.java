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
    /** Texts up to this long have their answers remembered: keys and short values, which repeat across a repository. */
    private static final int REMEMBERED_TEXT = 64;
    /** Answers remembered per pattern, past which they start over: bounds memory, whatever the repository. */
    private static final int REMEMBERED_ANSWERS = 4_096;

    /** A compiled pattern and its answers for short texts: a policy matches each variable name, and names repeat. */
    private record Compiled(Pattern pattern, Map<String, Boolean> answers) {
    }

    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();
    private final CelOptions options;

    Regexes(CelOptions options) {
        this.options = options;
    }

    /** What cel-java's {@code RuntimeHelpers.matches} answers, with the same options honoured. */
    boolean matches(String text, String regex) {
        Compiled c = compiled.get(regex);
        if (c == null) {
            Pattern p = Pattern.compile(regex);
            int max = options.maxRegexProgramSize();
            if (max >= 0 && p.programSize() > max) {
                throw new IllegalArgumentException(String.format(
                        "Regex pattern exceeds allowed program size. Allowed: %d, Provided: %d", max, p.programSize()));
            }
            c = new Compiled(p, new ConcurrentHashMap<>());
            if (compiled.size() < LIMIT) {
                Compiled first = compiled.putIfAbsent(regex, c);
                c = first != null ? first : c;
            }
        }
        if (text.length() > REMEMBERED_TEXT) {
            return match(c.pattern(), text);
        }
        Boolean known = c.answers().get(text);
        if (known == null) {
            known = match(c.pattern(), text);
            if (c.answers().size() >= REMEMBERED_ANSWERS) {
                c.answers().clear();
            }
            c.answers().put(text, known);
        }
        return known;
    }

    private boolean match(Pattern p, String text) {
        return options.enableRegexPartialMatch() ? p.matcher(text).find() : p.matcher(text).matches();
    }
}
