package dev.tollgate.parse.dotenv;

import dev.tollgate.model.Problem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an env file says: every assignment in file order (duplicates included, so both lines of a redefined key are
 * known) and the lines that could not be understood.
 *
 * @param displayPath the path put into every location and problem
 * @param entries every assignment, in file order
 * @param problems the lines that were skipped, in file order
 */
public record DotenvFile(String displayPath, List<DotenvEntry> entries, List<Problem> problems) {

    public DotenvFile {
        Objects.requireNonNull(displayPath, "displayPath");
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    /**
     * The assignment that wins for each key: the last one, as compose and python-dotenv decide. Keys are in the order
     * of their first appearance.
     */
    public Map<String, DotenvEntry> winners() {
        Map<String, DotenvEntry> out = new LinkedHashMap<>();
        for (DotenvEntry e : entries) {
            out.put(e.key(), e);
        }
        return Collections.unmodifiableMap(out);
    }

    /** Key to winning value (possibly null, see {@link DotenvEntry#value()}), keys in order of first appearance. */
    public Map<String, String> variables() {
        Map<String, String> out = new LinkedHashMap<>();
        for (DotenvEntry e : entries) {
            out.put(e.key(), e.value());
        }
        return Collections.unmodifiableMap(out);
    }
}
