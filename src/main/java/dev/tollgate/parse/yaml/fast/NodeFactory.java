package dev.tollgate.parse.yaml.fast;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Builds nodes exactly as SnakeYAML's {@code Composer} does, and keeps its per-document state: anchors, the count of
 * aliases to collections, the nesting depth, and the set it uses to flag recursive aliases. One instance per document,
 * as YamlLoader uses one composer per document.
 */
final class NodeFactory {

    private final Resolver resolver;
    private final int maxAliasesForCollections;
    private final int maxDepth;
    private final Map<String, Node> anchors = new HashMap<>();
    /**
     * The composer's {@code recursiveNodes}: a parent is added when one of its children starts and removed when it
     * ends, and an alias to a node in the set (one being composed: a recursive alias) takes the node out and marks it
     * two-step. Only anchored nodes can be an alias's target, so only they are tracked: the same flags, less work.
     */
    private final Set<Node> composing = new HashSet<>();
    private int collectionAliases;
    private int depth;

    NodeFactory(Resolver resolver, int maxAliasesForCollections, int maxDepth) {
        this.resolver = resolver;
        this.maxAliasesForCollections = maxAliasesForCollections;
        this.maxDepth = maxDepth;
    }

    ScalarNode plain(String value, Mark start, Mark end) {
        return new ScalarNode(resolver.resolve(NodeId.scalar, value, true), true, value, start, end,
                DumperOptions.ScalarStyle.PLAIN);
    }

    /** A quoted or block scalar: the parser marks it not plain, so the resolver gives {@code !!str}. */
    ScalarNode styled(String value, Mark start, Mark end, DumperOptions.ScalarStyle style) {
        return new ScalarNode(resolver.resolve(NodeId.scalar, value, false), true, value, start, end, style);
    }

    MappingNode mapping(Mark start, DumperOptions.FlowStyle style, String anchor) {
        MappingNode node = new MappingNode(resolver.resolve(NodeId.mapping, null, true), true, new ArrayList<>(),
                start, null, style);
        anchor(node, anchor);
        return node;
    }

    SequenceNode sequence(Mark start, DumperOptions.FlowStyle style, String anchor) {
        SequenceNode node = new SequenceNode(resolver.resolve(NodeId.sequence, null, true), true, new ArrayList<>(),
                start, null, style);
        anchor(node, anchor);
        return node;
    }

    /** Adds a key and its value; a {@code <<} key marks the mapping merged, as the composer does. */
    static void put(MappingNode map, Node key, Node value) {
        if (Tag.MERGE.equals(key.getTag())) {
            map.setMerged(true);
        }
        map.getValue().add(new NodeTuple(key, value));
    }

    static void add(SequenceNode seq, Node item) {
        List<Node> items = seq.getValue();
        items.add(item);
    }

    void anchor(Node node, String anchor) {
        if (anchor != null) {
            node.setAnchor(anchor);
            anchors.put(anchor, node); // a later anchor of the same name replaces the earlier one, as in SnakeYAML 2
        }
    }

    /**
     * The node an alias names, with the composer's bookkeeping; not ours when it names nothing or exceeds the limit.
     */
    Node alias(String name) {
        Node node = anchors.get(name);
        if (node == null) {
            throw new NotMine("undefined alias");
        }
        if (!(node instanceof ScalarNode) && ++collectionAliases > maxAliasesForCollections) {
            throw new NotMine("too many aliases to collections");
        }
        if (composing.remove(node)) {
            node.setTwoStepsConstruction(true);
        }
        return node;
    }

    /** Before composing a child of {@code parent} (key, value or item), as {@code composeNode(parent)} begins. */
    void childStarts(Node parent) {
        if (parent.getAnchor() != null) {
            composing.add(parent);
        }
    }

    /** After a child of {@code parent}, alias or not, as {@code composeNode(parent)} ends. */
    void childEnds(Node parent) {
        if (parent.getAnchor() != null) {
            composing.remove(parent);
        }
    }

    /**
     * Entering a node that is not an alias. The composer fails past its nesting limit; we stop two levels earlier,
     * which is never a real document, rather than model the exact off-by-one.
     */
    void enter() {
        if (++depth >= maxDepth - 1) {
            throw new NotMine("nested too deeply");
        }
    }

    void leave() {
        depth--;
    }
}
