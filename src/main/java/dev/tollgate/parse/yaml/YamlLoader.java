package dev.tollgate.parse.yaml;

import dev.tollgate.model.Problem;
import dev.tollgate.parse.InternalErrors;
import dev.tollgate.parse.yaml.fast.FastComposer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads every document of a YAML stream into plain Java values, recording where each key and value was written.
 *
 * <p>Why the SnakeYAML composer and not Jackson's YAML parser (which sits on top of it): measured here, Jackson returns
 * {@code *alias} as the alias's name, ignores {@code <<} merge keys, and bypasses SnakeYAML's alias and nesting
 * limits. The composer resolves aliases to the anchored node (shared, so memory stays linear) and enforces both
 * limits. Merge keys and duplicate keys are resolved by {@link MappingEntries}, not by SnakeYAML's constructor, which
 * mutates nodes and constructs key objects (so custom-tagged or recursive keys would throw from it).
 *
 * <p>An alias expands into the tree at every place it is used. Each expansion is charged against a node budget so
 * that a file of many small aliases cannot blow up either.
 *
 * <p>{@link #load} never throws: whatever goes wrong becomes a {@link Problem} naming the file and, where known, the
 * line. Documents read before the failure are kept; reading stops at the first failure, since a YAML parser cannot
 * resynchronise reliably after one.
 */
public final class YamlLoader {

    /**
     * Limits on what one file may make us do.
     *
     * @param maxAliasesForCollections aliases to maps or lists per document (enforced by the composer)
     * @param maxNestingDepth how deep collections may nest, as written and after alias expansion
     * @param maxExpandedNodes nodes per document that alias expansion (including merge keys) may add
     * @param maxCodePoints size of one document, in code points
     */
    public record Limits(int maxAliasesForCollections, int maxNestingDepth, int maxExpandedNodes, int maxCodePoints) {

        /**
         * Up to 1,000 collection aliases per document: the expansion budget is what bounds the work, and compose
         * files with an {@code x-defaults} anchor merged into each of many services legitimately use hundreds.
         * A nesting depth of 256 because CRD schemas nest {@code properties} two levels per field and real ones pass
         * 64; the converter is recursive, and 256 frames are far from a default thread stack's limit.
         */
        public static Limits defaults() {
            return new Limits(1_000, 256, 100_000, 64 * 1024 * 1024);
        }
    }

    /**
     * How many characters {@link #load} may read again, in all, after blanking separation tabs: each blanked run
     * costs a reading of the whole text (SnakeYAML cannot resume), so a large file full of them stops at this and
     * reports the next one as before, rather than taking quadratic time. A manifest of a few kilobytes may have
     * thousands.
     */
    private static final long TAB_REREAD_BUDGET = 32L * 1024 * 1024;

    private static final Pattern LINE_START_BOM = Pattern.compile("^\uFEFF", Pattern.MULTILINE);

    private final Limits limits;
    private final InternalErrors internalErrors;
    /** Off only in tests that compare the loader's output with and without the fast composer. */
    private final boolean fastPath;
    /** Read-only once built, so shared by every load and thread: building one per file was measurable. */
    private final Resolver resolver = new PlainScalarResolver();

    public YamlLoader() {
        this(Limits.defaults());
    }

    public YamlLoader(Limits limits) {
        this(limits, InternalErrors.ignore());
    }

    /** With {@code internalErrors} told of every SnakeYAML or converter bug caught while loading. */
    public YamlLoader(Limits limits, InternalErrors internalErrors) {
        this(limits, internalErrors, true);
    }

    /** With the fast composer ({@link FastComposer}) tried first, or (false, for tests) SnakeYAML alone. */
    YamlLoader(Limits limits, InternalErrors internalErrors, boolean fastPath) {
        this.limits = limits;
        this.internalErrors = internalErrors;
        this.fastPath = fastPath;
    }

    /**
     * Reads {@code content}; {@code file} is the display path put into locations and problems. Never throws for bad
     * input (a null argument is a caller's bug and throws {@link NullPointerException}).
     */
    public YamlStream load(String content, String file) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(file, "file");
        String text = withoutLineStartBoms(content);
        long reread = 0;
        while (true) {
            reread += text.length();
            Loaded loaded = loadOnce(text, file, reread <= TAB_REREAD_BUDGET);
            if (loaded.separationTab() < 0) {
                return loaded.stream();
            }
            text = blankTabsAt(text, loaded.separationTab());
        }
    }

    /**
     * One reading of {@code text}: its stream, or (stream null) the index in {@code text} of the tab that separates
     * tokens (see {@link #separationTab}) where it failed, to be blanked and the text read again.
     */
    private record Loaded(YamlStream stream, int separationTab) {
    }

    /** @param mayBlankTabs false once the budget is spent: a separation tab is then reported as SnakeYAML saw it */
    private Loaded loadOnce(String text, String file, boolean mayBlankTabs) {
        LoaderOptions options = loaderOptions();

        List<YamlDocument> documents = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        MarkTrackingParser parser = null;
        Mark fastDocumentEnd = null;
        LineMap lines = LineMap.of(text);
        // Only an alias (*name) makes two places of a tree one node; a text without '*' has none.
        boolean mayShareNodes = text.indexOf('*') >= 0;
        try {
            List<Node> roots = fastRoots(text, file, options);
            if (roots != null) {
                for (Node root : roots) {
                    // Where SnakeYAML's parser would stand while this document is converted (its document end event,
                    // which is where the root ends), so that a failure below is located as on the SnakeYAML path.
                    fastDocumentEnd = root.getEndMark();
                    convert(root, file, lines, mayShareNodes, documents, problems, text);
                }
                return new Loaded(new YamlStream(documents, problems), -1);
            }
            parser = new MarkTrackingParser(new ParserImpl(new StreamReader(text), options));
            while (true) {
                // A fresh composer for every document: SnakeYAML counts aliases for the whole stream, so one composer
                // would reject a long, legitimate multi-document file after its first hundred aliases.
                Composer composer = new Composer(parser, resolver, options);
                if (!composer.checkNode()) {
                    break;
                }
                Node node = composer.getNode();
                if (node == null) {
                    continue; // an empty document, e.g. after a trailing '---'
                }
                convert(node, file, lines, mayShareNodes, documents, problems, text);
            }
        } catch (MarkedYAMLException e) {
            int tab = mayBlankTabs ? separationTab(text, e) : -1;
            if (tab >= 0) {
                return new Loaded(null, tab);
            }
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(problemAt(file, lines, mark, describe(e) + templateHint(text)));
        } catch (YamlLimitExceeded e) {
            problems.add(problemAt(file, lines, e.mark(), e.getMessage()));
        } catch (YAMLException e) {
            // Limit violations from the composer (too many aliases, too deep) carry no mark: place them at the
            // last event the composer read, which is the offending alias or collection.
            problems.add(problemAt(file, lines, lastMark(parser, fastDocumentEnd),
                    "invalid YAML: " + firstLine(e.getMessage())));
        } catch (StackOverflowError e) {
            problems.add(problemAt(file, lines, lastMark(parser, fastDocumentEnd), "YAML nested too deeply to read"));
        } catch (OutOfMemoryError e) {
            // Everything this load allocated is unreachable once we return, so the scan can go on with other files.
            problems.add(problemAt(file, lines, lastMark(parser, fastDocumentEnd),
                    "YAML too large to read into memory"));
        } catch (RuntimeException e) {
            // A SnakeYAML or converter bug must not end the scan or show a stack trace; it is reported like bad input.
            internalErrors.caught(file, e);
            problems.add(problemAt(file, lines, lastMark(parser, fastDocumentEnd),
                    "internal error while reading YAML: " + e.getClass().getSimpleName()));
        }
        return new Loaded(new YamlStream(documents, problems), -1);
    }

    /**
     * Where SnakeYAML stopped at a tab that YAML 1.2 reads as a blank: between tokens on a line that already holds
     * one ({@code metadata:<TAB>}, {@code name:<TAB>web}, a tab before a comment, after a block scalar's {@code |} or
     * after {@code ---}), as kubectl, Helm and every YAML 1.2 reader take it. SnakeYAML reads YAML 1.1 and rejects a
     * tab wherever it looks for the next token, so a manifest with trailing tabs (argocd-example-apps has one) was
     * "invalid YAML". A tab in the indentation, or after a lone {@code -} or {@code ?} indicator (where it would set
     * the indentation of what follows), stays an error: YAML forbids it there, and kubectl rejects it too. Returns the
     * tab's index in {@code text}, or -1.
     *
     * <p>Blanking such a tab changes no value: SnakeYAML accepts a tab inside every kind of scalar, so one it stopped
     * at lay between tokens; and the text keeps its length, so every line and column stays where it was.
     */
    private static int separationTab(String text, MarkedYAMLException e) {
        Mark mark = e.getProblemMark();
        if (mark == null) {
            return -1;
        }
        int at;
        try {
            at = text.offsetByCodePoints(0, mark.getIndex()); // SnakeYAML counts code points
        } catch (IndexOutOfBoundsException outside) {
            return -1;
        }
        if (at >= text.length() || text.charAt(at) != '\t') {
            return -1;
        }
        int lineStart = at;
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n' && text.charAt(lineStart - 1) != '\r') {
            lineStart--;
        }
        String before = text.substring(lineStart, at).strip();
        if (before.isEmpty() || isBlockIndicator(before, '-') || isBlockIndicator(before, '?')) {
            return -1; // indentation, or right after an indicator that opens an indented block
        }
        return at;
    }

    /** Whether {@code before} ends with {@code indicator} standing alone ({@code -}, {@code - -}), not {@code ---}. */
    private static boolean isBlockIndicator(String before, char indicator) {
        int last = before.length() - 1;
        return before.charAt(last) == indicator && (last == 0 || Character.isWhitespace(before.charAt(last - 1)));
    }

    /** {@code text} with the run of tabs starting at {@code at} turned into spaces, one for one. */
    private static String blankTabsAt(String text, int at) {
        char[] chars = text.toCharArray();
        for (int i = at; i < chars.length && chars[i] == '\t'; i++) {
            chars[i] = ' ';
        }
        return new String(chars);
    }

    /**
     * The options SnakeYAML reads with; the fast composer takes its limits from the same object, so both paths stop
     * at the same sizes.
     */
    LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(limits.maxAliasesForCollections());
        options.setNestingDepthLimit(limits.maxNestingDepth());
        options.setCodePointLimit(limits.maxCodePoints());
        options.setAllowDuplicateKeys(true);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    /** The shared resolver, for tests that compose with SnakeYAML exactly as this class does. */
    Resolver resolver() {
        return resolver;
    }

    /**
     * The documents' roots from the fast composer, or null for SnakeYAML to read the text. A bug of the fast
     * composer (an exception, where it should have declined) is reported as one and leaves the text to SnakeYAML:
     * the fast path may only ever make reading faster, never different.
     */
    private List<Node> fastRoots(String text, String file, LoaderOptions options) {
        if (!fastPath) {
            return null;
        }
        try {
            return new FastComposer(resolver, options).compose(text);
        } catch (RuntimeException e) {
            internalErrors.caught(file, e);
            return null;
        }
    }

    /**
     * Converts one document. A problem of the converter (a map used as a key, an alias budget spent) gets the same
     * template hint as a syntax error: a Helm template whose chart's {@code Chart.yaml} is not in the scan, such as
     * {@code email: {{ .Values.email }}}, often parses as YAML with a map for a key.
     */
    private void convert(Node root, String file, LineMap lines, boolean mayShareNodes, List<YamlDocument> documents,
            List<Problem> problems, String text) {
        NodeConverter converter = new NodeConverter(file, lines, limits.maxExpandedNodes(), limits.maxNestingDepth(),
                mayShareNodes);
        YamlDocument doc = converter.document(root);
        if (doc != null) {
            documents.add(doc);
        }
        String hint = converter.problems().isEmpty() ? "" : templateHint(text);
        for (Problem p : converter.problems()) {
            problems.add(hint.isEmpty() ? p
                    : new Problem(p.file(), p.line(), p.column(), p.kind(), p.message() + hint));
        }
    }

    /**
     * SnakeYAML skips a byte-order mark only at the very start of the stream, but files joined with {@code cat} carry
     * one at the start of later documents too, where it would become part of the first key. A BOM at the start of a
     * line is invisible and meaningless, so we drop it; the columns on that line then match what editors show.
     */
    static String withoutLineStartBoms(String content) {
        if (content.indexOf('\uFEFF') < 0) {
            return content;
        }
        return LINE_START_BOM.matcher(content).replaceAll("");
    }

    private static Mark lastMark(MarkTrackingParser parser, Mark fastDocumentEnd) {
        return parser == null ? fastDocumentEnd : parser.lastMark();
    }

    private static Problem problemAt(String file, LineMap lines, Mark mark, String message) {
        if (mark == null) {
            return Problem.wholeFile(file, Problem.Kind.PARSE_ERROR, message);
        }
        return Problem.at(lines.problemAt(file, mark), Problem.Kind.PARSE_ERROR, message);
    }

    /**
     * Helm charts keep Go templates ({@code {{ .Values.x }}}, {@code {{- if ... }}}) under {@code templates/} with a
     * .yaml name; they are not YAML until rendered, and the bare syntax error would not say so.
     */
    private static String templateHint(String text) {
        return text.contains("{{") && text.contains("}}")
                ? " (the file holds {{ }} template directives: render a Helm chart with `helm template`"
                        + " and scan the output)"
                : "";
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
}
