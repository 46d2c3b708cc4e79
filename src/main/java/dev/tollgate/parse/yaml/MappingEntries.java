package dev.tollgate.parse.yaml;

import dev.tollgate.model.Problem;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The effective entries of YAML mappings: {@code <<} merge keys applied, duplicate keys resolved, complex keys dropped.
 *
 * <p>Rules, as in the YAML 1.1 merge-key spec and SnakeYAML: keys written in the mapping win over merged ones, wherever
 * they appear; with {@code <<: [*a, *b]} a key from {@code a} wins over the same key from {@code b}; for a key
 * written twice the last one wins. Keys are compared by their text as written ({@code 80} and {@code "80"} are the
 * same key), because the result is a {@code Map<String, Object>}.
 *
 * <p>Nodes are never modified, so an anchored mapping looks the same at every alias; results are memoised per node,
 * so chains of merges cost linear time. One instance per document.
 */
final class MappingEntries {

    /** One effective entry: its key as a string and the nodes it was written with. */
    record Entry(String key, Node keyNode, Node valueNode) {
    }

    private final String file;
    private final LineMap lines;
    private final ExpansionBudget budget;
    private final List<Problem> problems;
    private final Map<MappingNode, List<Entry>> memo = new IdentityHashMap<>();
    private final Set<MappingNode> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

    /** @param problems where entries that had to be left out are reported (complex keys, bad merge values) */
    MappingEntries(String file, LineMap lines, ExpansionBudget budget, List<Problem> problems) {
        this.file = file;
        this.lines = lines;
        this.budget = budget;
        this.problems = problems;
    }

    List<Entry> of(MappingNode node) {
        List<Entry> plain = plain(node);
        if (plain != null) {
            return plain; // cheap, with no budget charged and no problem: not worth memoising
        }
        List<Entry> cached = memo.get(node);
        if (cached != null) {
            return cached;
        }
        inProgress.add(node);
        try {
            Map<String, Entry> merged = new LinkedHashMap<>();
            Map<String, Entry> explicit = new LinkedHashMap<>();
            for (NodeTuple tuple : node.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (Tag.MERGE.equals(keyNode.getTag())) {
                    mergeInto(merged, tuple.getValueNode());
                } else if (keyNode instanceof ScalarNode scalar) {
                    explicit.put(scalar.getValue(), new Entry(scalar.getValue(), keyNode, tuple.getValueNode()));
                } else {
                    report(keyNode.getStartMark(), "complex YAML mapping key (a map or list used as a key) skipped");
                }
            }
            // Explicit keys win; a key that was also merged keeps the merged key's position.
            merged.putAll(explicit);
            List<Entry> result = List.copyOf(merged.values());
            memo.put(node, result);
            return result;
        } finally {
            inProgress.remove(node);
        }
    }

    /**
     * The entries of a mapping with only scalar keys and no merge key, which is nearly every mapping, without the two
     * maps the general case needs: a key written twice keeps its first position and takes its last value, as there.
     * Null when the mapping needs the general case.
     */
    private static List<Entry> plain(MappingNode node) {
        List<NodeTuple> tuples = node.getValue();
        Entry[] out = new Entry[tuples.size()];
        int n = 0;
        Map<String, Integer> index = tuples.size() > 8 ? new HashMap<>(tuples.size() * 2) : null;
        for (NodeTuple tuple : tuples) {
            if (!(tuple.getKeyNode() instanceof ScalarNode scalar) || Tag.MERGE.equals(scalar.getTag())) {
                return null;
            }
            String key = scalar.getValue();
            Entry e = new Entry(key, scalar, tuple.getValueNode());
            int at = -1;
            if (index != null) {
                Integer i = index.putIfAbsent(key, n);
                at = i == null ? -1 : i;
            } else {
                for (int i = 0; i < n; i++) {
                    if (out[i].key().equals(key)) {
                        at = i;
                        break;
                    }
                }
            }
            if (at >= 0) {
                out[at] = e;
            } else {
                out[n++] = e;
            }
        }
        return Arrays.asList(n == out.length ? out : Arrays.copyOf(out, n));
    }

    private void mergeInto(Map<String, Entry> merged, Node value) {
        if (value instanceof MappingNode source) {
            mergeOne(merged, source);
        } else if (value instanceof SequenceNode sources) {
            for (Node item : sources.getValue()) {
                if (item instanceof MappingNode source) {
                    mergeOne(merged, source);
                } else {
                    report(item.getStartMark(), "YAML merge key '<<' lists something that is not a mapping; ignored");
                }
            }
        } else {
            report(value.getStartMark(), "YAML merge key '<<' needs a mapping or a list of mappings; ignored");
        }
    }

    private void mergeOne(Map<String, Entry> merged, MappingNode source) {
        if (inProgress.contains(source)) {
            report(source.getStartMark(), "YAML merge key '<<' refers to a mapping that contains it; ignored");
            return;
        }
        for (Entry e : of(source)) {
            budget.charge(e.keyNode().getStartMark());
            merged.putIfAbsent(e.key(), e);
        }
    }

    private void report(Mark mark, String message) {
        problems.add(Problem.at(lines.at(file, mark), Problem.Kind.PARSE_ERROR, message));
    }
}
