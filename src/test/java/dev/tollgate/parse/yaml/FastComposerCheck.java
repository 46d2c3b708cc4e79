package dev.tollgate.parse.yaml;

import dev.tollgate.parse.yaml.fast.FastComposer;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One text through both paths: SnakeYAML as {@link YamlLoader} runs it, and the fast composer. Shared by the equality
 * tests and the corpus check.
 *
 * @param declined why the fast composer declined, or null when it answered
 * @param mismatch how its answer differs from SnakeYAML's, or null when equal (or declined)
 */
record FastComposerCheck(String declined, String mismatch) {

    static FastComposerCheck of(YamlLoader loader, String content) {
        String text = YamlLoader.withoutLineStartBoms(content);
        FastComposer fast = new FastComposer(loader.resolver(), loader.loaderOptions());
        List<Node> roots = fast.compose(text);
        if (roots == null) {
            return new FastComposerCheck(fast.declines(text), null);
        }
        SnakeYamlReference reference = SnakeYamlReference.compose(loader, text);
        if (reference.failure() != null) {
            return new FastComposerCheck(null,
                    "SnakeYAML fails (" + reference.failure() + ") where the fast path answered");
        }
        String diff = NodeTreeDiff.between(reference.roots(), roots);
        if (diff == null) {
            for (int i = 0; i < roots.size(); i++) {
                // YamlLoader blames a conversion failure on the root's end mark on the fast path, on the parser's
                // last event on SnakeYAML's: they must be the same place.
                Mark end = roots.get(i).getEndMark();
                diff = NodeTreeDiff.mark("doc" + i + " document end", reference.documentEnds().get(i), end);
                if (diff != null) {
                    break;
                }
            }
        }
        return new FastComposerCheck(null, diff);
    }

    boolean taken() {
        return declined == null;
    }
}
