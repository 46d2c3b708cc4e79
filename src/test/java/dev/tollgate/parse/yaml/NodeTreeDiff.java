package dev.tollgate.parse.yaml;

import java.lang.reflect.Field;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Compares two composed node graphs field by field: node class, tag, the resolved flag, anchor, two-step flag, type,
 * start and end marks (name, index, line, column), scalar value and style, flow style, the merged flag, children in
 * order, and sharing (a node reached twice in one graph, through an alias, must be reached twice at the same places in
 * the other). Not compared: comment lists (SnakeYAML reads with comments off and Tollgate never looks at them) and a
 * mark's snippet buffer (only used to print SnakeYAML's own error messages).
 */
final class NodeTreeDiff {

    private static final Field RESOLVED;

    static {
        try {
            RESOLVED = Node.class.getDeclaredField("resolved");
            RESOLVED.setAccessible(true);
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Map<Node, Node> expectedToActual = new IdentityHashMap<>();
    private final Map<Node, Node> actualToExpected = new IdentityHashMap<>();

    private NodeTreeDiff() {
    }

    /** The first difference between the two lists of document roots, or null when they are equal. */
    static String between(List<Node> expected, List<Node> actual) {
        if (expected.size() != actual.size()) {
            return "documents: " + expected.size() + " expected, " + actual.size() + " actual";
        }
        for (int i = 0; i < expected.size(); i++) {
            // Anchors are per document, so sharing is checked per document too.
            String diff = new NodeTreeDiff().node(expected.get(i), actual.get(i), "doc" + i);
            if (diff != null) {
                return diff;
            }
        }
        return null;
    }

    private String node(Node e, Node a, String path) {
        Node pairedWithE = expectedToActual.get(e);
        Node pairedWithA = actualToExpected.get(a);
        if (pairedWithE != null || pairedWithA != null) {
            return pairedWithE == a && pairedWithA == e ? null : path + ": shared differently (alias)";
        }
        expectedToActual.put(e, a);
        actualToExpected.put(a, e);
        String diff = first(path,
                field("class", e.getClass(), a.getClass()),
                field("tag", e.getTag(), a.getTag()),
                field("resolved", resolved(e), resolved(a)),
                field("anchor", e.getAnchor(), a.getAnchor()),
                field("twoSteps", e.isTwoStepsConstruction(), a.isTwoStepsConstruction()),
                field("type", e.getType(), a.getType()),
                mark("start", e.getStartMark(), a.getStartMark()),
                mark("end", e.getEndMark(), a.getEndMark()));
        if (diff != null) {
            return diff;
        }
        if (e instanceof ScalarNode se) {
            ScalarNode sa = (ScalarNode) a;
            return first(path, field("value", se.getValue(), sa.getValue()),
                    field("style", se.getScalarStyle(), sa.getScalarStyle()));
        }
        diff = first(path, field("flowStyle", ((CollectionNode<?>) e).getFlowStyle(),
                ((CollectionNode<?>) a).getFlowStyle()));
        if (diff != null) {
            return diff;
        }
        if (e instanceof SequenceNode seq) {
            List<Node> ei = seq.getValue();
            List<Node> ai = ((SequenceNode) a).getValue();
            if (ei.size() != ai.size()) {
                return path + ": items " + ei.size() + " expected, " + ai.size() + " actual";
            }
            for (int i = 0; i < ei.size(); i++) {
                diff = node(ei.get(i), ai.get(i), path + "[" + i + "]");
                if (diff != null) {
                    return diff;
                }
            }
            return null;
        }
        MappingNode em = (MappingNode) e;
        MappingNode am = (MappingNode) a;
        diff = first(path, field("merged", em.isMerged(), am.isMerged()));
        if (diff != null) {
            return diff;
        }
        List<NodeTuple> et = em.getValue();
        List<NodeTuple> at = am.getValue();
        if (et.size() != at.size()) {
            return path + ": entries " + et.size() + " expected, " + at.size() + " actual";
        }
        for (int i = 0; i < et.size(); i++) {
            diff = node(et.get(i).getKeyNode(), at.get(i).getKeyNode(), path + ".key" + i);
            if (diff == null) {
                diff = node(et.get(i).getValueNode(), at.get(i).getValueNode(), path + ".value" + i);
            }
            if (diff != null) {
                return diff;
            }
        }
        return null;
    }

    private static String first(String path, String... diffs) {
        for (String d : diffs) {
            if (d != null) {
                return path + ": " + d;
            }
        }
        return null;
    }

    private static String field(String name, Object expected, Object actual) {
        return Objects.equals(expected, actual) ? null : name + " " + expected + " expected, " + actual + " actual";
    }

    static String mark(String name, Mark e, Mark a) {
        if (e == null || a == null) {
            return e == a ? null : name + " mark " + show(e) + " expected, " + show(a) + " actual";
        }
        boolean same = e.getName().equals(a.getName()) && e.getIndex() == a.getIndex() && e.getLine() == a.getLine()
                && e.getColumn() == a.getColumn();
        return same ? null : name + " mark " + show(e) + " expected, " + show(a) + " actual";
    }

    private static String show(Mark m) {
        return m == null ? "null" : m.getName() + "@" + m.getIndex() + "(" + m.getLine() + ":" + m.getColumn() + ")";
    }

    private static boolean resolved(Node n) {
        try {
            return RESOLVED.getBoolean(n);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
