package dev.tollgate.parse.yaml.fast;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Composes the common shapes of YAML into exactly the node trees SnakeYAML's parser and composer make of them, in one
 * pass over the text and several times faster, and declines everything else.
 *
 * <p>Why: reading YAML was a fifth of a scan's CPU, nearly all of it in SnakeYAML's general machinery (a character
 * reader with a code-point window, a token queue with simple-key bookkeeping, an event parser, a composer), spent on
 * files that use a small part of YAML. This reads that part directly.
 *
 * <p>The contract is the one of the CEL closures (docs/closures.md): answer only when certain to give SnakeYAML's
 * answer, otherwise say "not mine" before producing anything. {@link #compose} returns the same list of document roots
 * as one {@code Composer} per document over SnakeYAML's {@code ParserImpl} would, with the same node classes, tags
 * (from the same {@link Resolver}), values, scalar and flow styles, anchors, start and end marks (index, line,
 * column), and the same node shared wherever an alias points to it; or null. It never throws for bad input: anything
 * SnakeYAML would reject is not ours, so its messages and locations stay SnakeYAML's. What is read and what is
 * declined: docs/yaml-fast-path.md. Equality is tested node by node against SnakeYAML on every YAML file of the
 * repository, on generated texts, and (outside the build) on the benchmark and real-world corpora.
 *
 * <p>Immutable and thread-safe: all state of a read lives in objects made for that read.
 */
public final class FastComposer {

    private final Resolver resolver;
    private final int maxAliasesForCollections;
    private final int maxNestingDepth;
    private final int maxCodePoints;

    /** With the resolver and the limits the SnakeYAML composer would be given (read once, here). */
    public FastComposer(Resolver resolver, LoaderOptions options) {
        this.resolver = resolver;
        this.maxAliasesForCollections = options.getMaxAliasesForCollections();
        this.maxNestingDepth = options.getNestingDepthLimit();
        this.maxCodePoints = options.getCodePointLimit();
    }

    /**
     * The root node of every document of {@code text}, in order, as SnakeYAML composes them (an empty document is an
     * empty null scalar, as there); or null when the text is not one this class reads with certainty.
     */
    public List<Node> compose(String text) {
        try {
            return read(text);
        } catch (NotMine e) {
            return null;
        }
    }

    /** Why {@link #compose} declines {@code text}, or null when it does not; for statistics over corpora. */
    public String declines(String text) {
        try {
            read(text);
            return null;
        } catch (NotMine e) {
            return e.getMessage();
        }
    }

    private List<Node> read(String text) {
        // SnakeYAML limits each document's size; the whole text under the limit keeps every document under it.
        if (text.length() >= maxCodePoints) {
            throw new NotMine("larger than the code point limit");
        }
        YamlCursor in = new YamlCursor(text);
        checkCharacters(in.chars);
        List<Node> roots = new ArrayList<>();
        in.toNextToken();
        boolean first = true;
        while (!in.atEnd()) {
            // A fresh node factory per document: anchors and alias counts are per document, as with YamlLoader's
            // composer per document.
            BlockReader reader = new BlockReader(in,
                    new NodeFactory(resolver, maxAliasesForCollections, maxNestingDepth));
            if (in.atDocumentMarker('-')) {
                in.pos += 3;
                in.endOfLine();
                in.toNextToken();
                roots.add(in.atEnd() || in.atAnyDocumentMarker() ? reader.emptyRoot() : reader.root());
            } else if (first && !in.atDocumentMarker('.')) {
                roots.add(reader.root()); // an implicit document: only the first one may be
            } else {
                throw new NotMine("a document without '---' after another one");
            }
            first = false;
            while (in.atDocumentMarker('.')) {
                in.pos += 3;
                in.endOfLine();
                in.toNextToken();
            }
            if (!in.atEnd() && !in.atDocumentMarker('-')) {
                throw new NotMine("text after a document");
            }
        }
        return roots;
    }

    /**
     * Only {@code \n} line breaks and printable characters of the Basic Multilingual Plane, none of which SnakeYAML
     * reads specially: no tab (whose rules differ between indentation and content), no {@code \r}, NEL, LINE or
     * PARAGRAPH SEPARATOR (other line breaks), no byte-order mark (not counted as a column), no control character
     * (an error), no surrogate (a code-point index would differ from a char index).
     */
    private static void checkCharacters(char[] chars) {
        for (char c : chars) {
            if (c >= ' ' && c <= '~' || c == '\n') {
                continue;
            }
            if (c < 0xA0 || c >= 0xD800 && c < 0xE000 || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c > 0xFFFD) {
                throw new NotMine("a character outside the plain subset");
            }
        }
    }
}
