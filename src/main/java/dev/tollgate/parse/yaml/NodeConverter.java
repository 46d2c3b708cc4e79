package dev.tollgate.parse.yaml;

import dev.tollgate.model.LocationIndex;
import dev.tollgate.model.Problem;
import dev.tollgate.model.SourceLocation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Converts one composed YAML document into plain Java values and records where every node was written.
 *
 * <p>A map entry is located at its key, a list item where the item starts (for an aliased item, where the anchored
 * value is written: the composer hands back the anchored node itself). Aliases are expanded into fresh copies, so the
 * data is a tree and every path under an alias has its own locations. One instance per document.
 */
final class NodeConverter {

    private final String file;
    private final LineMap lines;
    private final int maxDepth;
    private final ExpansionBudget budget;
    private final MappingEntries entries;
    private final List<Problem> problems = new ArrayList<>();
    /** Made for each document, sized for it: see {@link #document}. */
    private LocationIndex.Recorder locations;
    /** Nodes converted at least once; meeting one again means we are expanding an alias. */
    private final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Collections being converted; meeting one again means an anchor used inside itself. */
    private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
    private final boolean mayShareNodes;

    /**
     * @param mayShareNodes false when the tree cannot hold a node twice (its text has no alias): nothing then needs
     *     tracking for expansions or cycles, which cost an identity-map update per node, 1% of a large scan's CPU
     */
    NodeConverter(String file, LineMap lines, int maxExpandedNodes, int maxDepth, boolean mayShareNodes) {
        this.mayShareNodes = mayShareNodes;
        this.file = file;
        this.lines = lines;
        this.maxDepth = maxDepth;
        this.budget = new ExpansionBudget(maxExpandedNodes);
        this.entries = new MappingEntries(file, lines, budget, problems);
    }

    /** The document rooted at {@code root}, or null when it holds nothing (only a null scalar). */
    YamlDocument document(Node root) {
        // About one node per line in block style: sized so, the record does not grow again and again as it fills; a
        // flow collection on one line just grows it.
        int lines = root.getStartMark() == null || root.getEndMark() == null ? 0
                : root.getEndMark().getLine() - root.getStartMark().getLine() + 1;
        locations = new LocationIndex.Recorder(at(root.getStartMark()), Math.min(lines, 1 << 16));
        Object value = convert(root, LocationIndex.Recorder.ROOT, 0, false);
        if (value == null && root instanceof ScalarNode) {
            return null;
        }
        return new YamlDocument(value, locations.index(), at(root.getStartMark()));
    }

    /** Problems that did not stop the conversion: parts of the document that were left out. */
    List<Problem> problems() {
        return List.copyOf(problems);
    }

    private SourceLocation at(Mark mark) {
        return lines.at(file, mark);
    }

    /** @param at the node's number in {@link #locations}, where its children are recorded under it */
    private Object convert(Node node, int at, int depth, boolean expanding) {
        boolean expansion = expanding || mayShareNodes && !seen.add(node);
        if (expansion) {
            budget.charge(node.getStartMark());
        }
        if (depth > maxDepth) {
            // The composer limits nesting as written; aliases placed inside aliases can nest deeper than that.
            throw new YamlLimitExceeded(node.getStartMark(),
                    "YAML nested more than " + maxDepth + " levels deep once aliases are expanded");
        }
        // Located by the caller: the root and list items where they start, a map entry at its key.
        if (node instanceof ScalarNode scalar) {
            return Scalars.value(scalar);
        }
        if (mayShareNodes && !inProgress.add(node)) {
            return null; // a recursive alias (an anchor used inside itself): cut the cycle rather than loop
        }
        try {
            if (node instanceof SequenceNode seq) {
                List<Object> list = new ArrayList<>(seq.getValue().size());
                for (Node item : seq.getValue()) {
                    int child = locations.child(at, list.size(), at(item.getStartMark()));
                    list.add(convert(item, child, depth + 1, expansion));
                }
                return list;
            }
            List<MappingEntries.Entry> effective = entries.of((MappingNode) node);
            Map<String, Object> map = new LinkedHashMap<>(effective.size() * 4 / 3 + 1);
            for (MappingEntries.Entry e : effective) {
                int child = locations.child(at, e.key(), at(e.keyNode().getStartMark()));
                map.put(e.key(), convert(e.valueNode(), child, depth + 1, expansion));
            }
            return map;
        } finally {
            if (mayShareNodes) {
                inProgress.remove(node);
            }
        }
    }
}
