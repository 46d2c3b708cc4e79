package dev.tollgate.parse.yaml;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's YAML 1.1 resolver, answering {@code str} at once for a plain scalar that no implicit type can match.
 *
 * <p>Why: SnakeYAML picks candidate types by a scalar's first character, then also tries the resolvers it files under
 * "any first character": "empty is null" ({@code ^$}) and, because its first characters include {@code \0}, the null
 * pattern ({@code ~}, {@code null}, {@code Null}, {@code NULL} or one space). For every scalar of up to ten characters
 * that allocates regex matchers, and profiled on the benchmark corpus the resolver was about a tenth of all parsing.
 * A scalar whose first character starts no implicit type and is not a space can match neither of those two, so it is a
 * string: this answers {@code Tag.STR} for it, as the resolver would, and asks the resolver for everything else.
 *
 * <p>The shortcut is taken from the resolver's own table when it is built, and is off (every call goes to SnakeYAML)
 * if the table files any pattern other than those two under "any first character". PlainScalarResolverTest compares
 * both resolvers on written and random values. Thread-safe (its only state after construction is a concurrent memo
 * of answers), so one instance serves every thread.
 */
final class PlainScalarResolver extends Resolver {

    /**
     * First characters for which SnakeYAML has candidate types, as a table by character (all are ASCII); null when the
     * shortcut is off. A table, not a {@code Set<Character>}: it is asked of every plain scalar, and boxing and probing
     * the set was 1.2% of a large scan's CPU samples.
     */
    private final boolean[] typedFirstChars;
    /**
     * Patterns SnakeYAML registered for any first character (first characters null or holding \0), recorded as the
     * superclass constructor registers them (hence not final and not initialised here: it is assigned before this
     * class's initialisers would run).
     */
    private List<String> anyFirstPatterns;
    /** Tags of implicit plain scalars already resolved; bounded, and only for short texts. */
    private final Map<String, Tag> remembered = new ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED = 4096;
    private static final int MAX_REMEMBERED_LENGTH = 32;
    private static final int ASCII = 128;

    PlainScalarResolver() {
        super();
        boolean onlyEmpty = anyFirstPatterns == null || anyFirstPatterns.stream()
                .allMatch(p -> Resolver.EMPTY.pattern().equals(p) || Resolver.NULL.pattern().equals(p));
        Set<Character> firsts = new HashSet<>(yamlImplicitResolvers.keySet());
        firsts.remove(null);
        if (onlyEmpty && firsts.stream().allMatch(c -> c < ASCII)) {
            typedFirstChars = new boolean[ASCII];
            firsts.forEach(c -> typedFirstChars[c] = true);
        } else {
            typedFirstChars = null;
        }
    }

    @Override
    public void addImplicitResolver(Tag tag, Pattern regexp, String first) {
        record(regexp, first);
        super.addImplicitResolver(tag, regexp, first);
    }

    @Override
    public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
        record(regexp, first);
        super.addImplicitResolver(tag, regexp, first, limit);
    }

    private void record(Pattern regexp, String first) {
        if (first == null || first.indexOf('\0') >= 0) { // SnakeYAML files \0 under "any first character"
            if (anyFirstPatterns == null) {
                anyFirstPatterns = new ArrayList<>();
            }
            anyFirstPatterns.add(regexp == null ? null : regexp.pattern());
        }
    }

    /** Whether the shortcut is on (SnakeYAML's table is as this class expects). */
    boolean shortcutOn() {
        return typedFirstChars != null;
    }

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
        if (kind != NodeId.scalar || !implicit) {
            return super.resolve(kind, value, implicit);
        }
        if (typedFirstChars != null && !value.isEmpty() && value.charAt(0) != ' '
                && (value.charAt(0) >= ASCII || !typedFirstChars[value.charAt(0)])) {
            return Tag.STR;
        }
        if (value.length() > MAX_REMEMBERED_LENGTH) {
            return super.resolve(kind, value, implicit);
        }
        // The same keys (name, namespace, ports) and short values (true, 80, null) come back in every file, and each
        // that starts like a typed value runs several regexes: 2-3% of a large scan's CPU once SnakeYAML's scanner
        // was gone. The answer depends on the text alone, so it is remembered, within bounds.
        Tag tag = remembered.get(value);
        if (tag == null) {
            tag = super.resolve(kind, value, true);
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(value, tag);
        }
        return tag;
    }
}
