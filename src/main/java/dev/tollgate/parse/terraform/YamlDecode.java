package dev.tollgate.parse.terraform;

import dev.tollgate.model.Unknown;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Terraform's yamldecode: one YAML document as evaluation values, by the YAML 1.2 core schema Terraform documents
 * ({@code yes} and {@code on} are strings, {@code 0o17} and {@code 0x1F} numbers, timestamps strings). SnakeYAML
 * composes the nodes, anchors and aliases included; its constructor is not used, since it applies YAML 1.1's
 * schema. Platform repositories feed {@code for_each} from YAML this way (Cloud Foundation Fabric's factories:
 * {@code yamldecode(file("data/subnets/a.yaml"))}), so without it their resources were unknown.
 */
final class YamlDecode {

    /**
     * Nodes one call may turn into values: aliases can make a small text a very large value. As many as the YAML
     * reader lets aliases expand to in a manifest; a YAML factory file of a real repository holds a few thousand.
     */
    static final int MAX_NODES = 100_000;
    /** Nesting past this is taken for a cycle (an alias inside its own anchor), which Terraform refuses too. */
    private static final int MAX_DEPTH = 200;

    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern TRUE = Pattern.compile("true|True|TRUE");
    private static final Pattern FALSE = Pattern.compile("false|False|FALSE");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern SPECIAL_FLOAT = Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    /** A timestamp already in RFC 3339, which Terraform gives back as it is. */
    private static final Pattern RFC3339 = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[-+][0-9]{2}:[0-9]{2})");
    /** Any other YAML timestamp (a date alone, a space for the T): Terraform rewrites it, so its value is unknown. */
    private static final Pattern TIMESTAMP = Pattern.compile(
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ]|[ \\t]+)?([0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]*)?"
                    + "([ \\t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?");

    /** The tag of a plain scalar written without one, resolved below by the core schema. */
    private static final Tag UNTAGGED_PLAIN = new Tag("tag:tollgate.dev,2026:untagged-plain");

    /**
     * Marks plain scalars written without a tag, so that an explicit {@code !!str 0o17} stays a string: SnakeYAML's
     * resolver would give both the same YAML 1.1 tag, and its nodes do not say whether the tag was written. The merge
     * key {@code <<} keeps its tag, which merging looks for.
     */
    private static final class PlainMarker extends Resolver {
        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            Tag tag = super.resolve(kind, value, implicit);
            return kind == NodeId.scalar && implicit && !tag.equals(Tag.MERGE) ? UNTAGGED_PLAIN : tag;
        }
    }

    private final String raw;
    private int nodesLeft = MAX_NODES;

    private YamlDecode(String raw) {
        this.raw = raw;
    }

    /** The value of {@code text}, one YAML document; {@code raw} names the call in unknown values it holds. */
    static Object decode(String text, String raw) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(1_000);
        options.setCodePointLimit(Evaluator.MAX_STRING_CHARS);
        List<Node> documents = new ArrayList<>();
        try {
            Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                    new DumperOptions(), options, new PlainMarker());
            for (Node n : yaml.composeAll(new StringReader(text))) {
                documents.add(n);
                if (documents.size() > 1) {
                    throw new EvalException("yamldecode: the text holds more than one YAML document");
                }
            }
        } catch (YAMLException e) {
            throw new EvalException("yamldecode: invalid YAML: " + firstLine(e.getMessage()));
        }
        return documents.isEmpty() ? null : new YamlDecode(raw).value(documents.get(0), 0);
    }

    private Object value(Node node, int depth) {
        if (depth > MAX_DEPTH) {
            throw new EvalException("yamldecode: nested over " + MAX_DEPTH
                    + " levels, or an alias inside its own anchor");
        }
        if (--nodesLeft < 0) {
            throw new EvalException("yamldecode: the value has over " + MAX_NODES + " elements (aliases repeat them)");
        }
        if (node instanceof ScalarNode s) {
            return scalar(s);
        }
        if (node instanceof SequenceNode seq) {
            List<Object> out = new ArrayList<>(seq.getValue().size());
            for (Node n : seq.getValue()) {
                out.add(value(n, depth + 1));
            }
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        putAll((MappingNode) node, out, depth);
        return out;
    }

    /** A mapping's pairs, merge keys ({@code <<: *base}) first so that the mapping's own keys win. */
    private void putAll(MappingNode mapping, Map<String, Object> out, int depth) {
        List<NodeTuple> own = new ArrayList<>();
        for (NodeTuple t : mapping.getValue()) {
            if (t.getKeyNode().getTag().equals(Tag.MERGE)) {
                Node merged = t.getValueNode();
                List<Node> sources = merged instanceof SequenceNode seq ? seq.getValue() : List.of(merged);
                for (Node source : sources) {
                    if (!(source instanceof MappingNode m)) {
                        throw new EvalException("yamldecode: a merge key (<<) needs a mapping or a list of them");
                    }
                    Map<String, Object> base = new LinkedHashMap<>();
                    putAll(m, base, depth + 1);
                    base.forEach(out::putIfAbsent);
                }
            } else {
                own.add(t);
            }
        }
        java.util.Set<String> written = new java.util.HashSet<>();
        for (NodeTuple t : own) {
            Object key = t.getKeyNode() instanceof ScalarNode k ? scalar(k) : null;
            if (key == null || key instanceof Unknown) {
                throw new EvalException("yamldecode: a mapping key must be a string, number or bool");
            }
            String name = Values.string(key);
            if (!written.add(name)) {
                throw new EvalException("yamldecode: the key \"" + Values.abbreviate(name) + "\" appears twice");
            }
            out.put(name, value(t.getValueNode(), depth + 1));
        }
    }

    /**
     * A scalar by the YAML 1.2 core schema: SnakeYAML would tag plain scalars by YAML 1.1's (yes is a bool there), so
     * an untagged plain scalar is resolved here from its text. One tagged {@code !!str} is a string; other tags are
     * read from the text too.
     */
    private Object scalar(ScalarNode s) {
        String text = s.getValue();
        if (s.getTag().equals(Tag.BINARY)) {
            return text.replaceAll("\\s", ""); // Terraform gives binary as its base64 text
        }
        if (s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN || s.getTag().equals(Tag.STR)) {
            return text; // quoted, literal, folded or tagged !!str: a string, whatever it reads like
        }
        if (NULL.matcher(text).matches()) {
            return null;
        }
        if (TRUE.matcher(text).matches()) {
            return Boolean.TRUE;
        }
        if (FALSE.matcher(text).matches()) {
            return Boolean.FALSE;
        }
        if (DECIMAL.matcher(text).matches() || FLOAT.matcher(text).matches()) {
            return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
        }
        if (OCTAL.matcher(text).matches()) {
            return new BigDecimal(new BigInteger(text.substring(2), 8));
        }
        if (HEX.matcher(text).matches()) {
            return new BigDecimal(new BigInteger(text.substring(2), 16));
        }
        if (SPECIAL_FLOAT.matcher(text).matches()) {
            return new Unknown(raw); // infinity and NaN: no value a policy could compare
        }
        if (RFC3339.matcher(text).matches()) {
            return text;
        }
        if (TIMESTAMP.matcher(text).matches()) {
            return new Unknown(raw); // Terraform rewrites other timestamps in RFC 3339
        }
        return text;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
