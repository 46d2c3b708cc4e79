package dev.tollgate.parse.yaml;

import dev.tollgate.model.LocationIndex;
import dev.tollgate.model.Problem;
import dev.tollgate.model.SourceLocation;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads every document of a YAML stream into plain Java values, recording where each key and value was written.
 *
 * <p>Why the SnakeYAML composer and not Jackson's YAML parser (which sits on top of it): measured here, Jackson returns
 * {@code *alias} as the alias's name, ignores {@code <<} merge keys, and bypasses SnakeYAML's alias and nesting
 * limits. The composer resolves aliases to the anchored node (shared, so memory stays linear), flattens merge keys
 * through {@link SafeConstructor}, and enforces both limits, rejecting a billion-laughs file in about 0.1 s.
 *
 * <p>An alias expands into the tree at every place it is used. Each expansion is charged against a node budget so
 * that a file of many small aliases cannot blow up either.
 */
public final class YamlLoader {

    /** Limits on what one file may make us do. */
    public record Limits(int maxAliasesForCollections, int maxNestingDepth, int maxExpandedNodes, int maxCodePoints) {
        public static Limits defaults() {
            return new Limits(100, 64, 1_000_000, 64 * 1024 * 1024);
        }
    }

    private final Limits limits;

    public YamlLoader() {
        this(Limits.defaults());
    }

    public YamlLoader(Limits limits) {
        this.limits = limits;
    }

    /** Reads {@code content}; {@code file} is the display path put into locations and problems. */
    public YamlStream load(String content, String file) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(limits.maxAliasesForCollections());
        options.setNestingDepthLimit(limits.maxNestingDepth());
        options.setCodePointLimit(limits.maxCodePoints());
        options.setAllowDuplicateKeys(true);
        MergeFlattener flattener = new MergeFlattener(options);
        Yaml yaml = new Yaml(flattener, new Representer(new DumperOptions()), new DumperOptions(), options);

        List<YamlDocument> documents = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try {
            for (Node node : yaml.composeAll(new StringReader(content))) {
                if (node == null) {
                    continue; // an empty document, e.g. after a trailing '---'
                }
                Builder builder = new Builder(file, flattener, limits.maxExpandedNodes());
                Object root = builder.convert(node, "", 0);
                if (root == null && node instanceof ScalarNode) {
                    continue;
                }
                documents.add(new YamlDocument(root, new LocationIndex(builder.locations), builder.at(node.getStartMark())));
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(problemAt(file, mark, describe(e)));
        } catch (BudgetExceeded e) {
            problems.add(problemAt(file, e.mark, e.getMessage()));
        } catch (YAMLException e) {
            problems.add(Problem.wholeFile(file, Problem.Kind.PARSE_ERROR, "invalid YAML: " + firstLine(e.getMessage())));
        } catch (StackOverflowError e) {
            problems.add(Problem.wholeFile(file, Problem.Kind.PARSE_ERROR, "YAML nested too deeply to read"));
        }
        return new YamlStream(documents, problems);
    }

    private static Problem problemAt(String file, Mark mark, String message) {
        if (mark == null) {
            return Problem.wholeFile(file, Problem.Kind.PARSE_ERROR, message);
        }
        return new Problem(file, mark.getLine() + 1, mark.getColumn() + 1, Problem.Kind.PARSE_ERROR, message);
    }

    private static String describe(MarkedYAMLException e) {
        StringBuilder sb = new StringBuilder("invalid YAML: ");
        if (e.getContext() != null) {
            sb.append(e.getContext()).append(", ");
        }
        sb.append(e.getProblem() == null ? "syntax error" : e.getProblem());
        return sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Exposes SnakeYAML's merge-key flattening, which is protected. */
    private static final class MergeFlattener extends SafeConstructor {
        MergeFlattener(LoaderOptions options) {
            super(options);
        }

        void flatten(MappingNode node) {
            flattenMapping(node);
        }
    }

    private static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Mark mark;

        BudgetExceeded(Mark mark, int budget) {
            super("YAML alias expansion exceeds " + budget + " nodes; refusing to expand (possible alias bomb)");
            this.mark = mark;
        }
    }

    /** Converts one document; not thread-safe, one per document. */
    private static final class Builder {
        private final String file;
        private final MergeFlattener flattener;
        private final Map<String, SourceLocation> locations = new HashMap<>();
        private final Map<Node, Object> converted = new IdentityHashMap<>();
        private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();
        private final int budget;
        private int nodes;

        Builder(String file, MergeFlattener flattener, int budget) {
            this.file = file;
            this.flattener = flattener;
            this.budget = budget;
        }

        SourceLocation at(Mark mark) {
            return new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
        }

        Object convert(Node node, String pointer, int depth) {
            if (++nodes > budget) {
                throw new BudgetExceeded(node.getStartMark(), budget);
            }
            locations.putIfAbsent(pointer, at(node.getStartMark()));
            if (node instanceof ScalarNode scalar) {
                return Scalars.value(scalar);
            }
            if (inProgress.containsKey(node)) {
                // A recursive alias (an anchor used inside itself): cut the cycle rather than loop.
                return null;
            }
            Object cached = converted.get(node);
            inProgress.put(node, Boolean.TRUE);
            try {
                Object value;
                if (node instanceof SequenceNode seq) {
                    List<Object> list = new ArrayList<>(seq.getValue().size());
                    int i = 0;
                    for (Node item : seq.getValue()) {
                        list.add(convert(item, LocationIndex.child(pointer, i++), depth + 1));
                    }
                    value = list;
                } else {
                    MappingNode map = (MappingNode) node;
                    if (cached == null) {
                        flattener.flatten(map);
                    }
                    Map<String, Object> out = new LinkedHashMap<>();
                    for (NodeTuple tuple : map.getValue()) {
                        Node keyNode = tuple.getKeyNode();
                        String key = keyNode instanceof ScalarNode k ? k.getValue() : "<complex key>";
                        if (keyNode.getTag().equals(Tag.MERGE)) {
                            continue;
                        }
                        String childPointer = LocationIndex.child(pointer, key);
                        // Later duplicates win, as in most YAML loaders; the key's own line is what we report.
                        locations.put(childPointer, at(keyNode.getStartMark()));
                        out.put(key, convert(tuple.getValueNode(), childPointer, depth + 1));
                    }
                    value = out;
                }
                converted.putIfAbsent(node, value);
                return value;
            } finally {
                inProgress.remove(node);
            }
        }
    }
}
