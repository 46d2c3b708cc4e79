package dev.tollgate.parse.yaml;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * What SnakeYAML composes from a text, exactly as {@link YamlLoader} asks it to (same options, same resolver, one
 * composer per document), for the fast composer's equality tests.
 *
 * @param roots every document's root, including empty documents' null scalars, up to a failure
 * @param documentEnds where the parser stood after each document (the mark YamlLoader would blame a failure on)
 * @param failure what SnakeYAML threw, or null
 */
record SnakeYamlReference(List<Node> roots, List<Mark> documentEnds, Throwable failure) {

    static SnakeYamlReference compose(YamlLoader loader, String text) {
        LoaderOptions options = loader.loaderOptions();
        List<Node> roots = new ArrayList<>();
        List<Mark> ends = new ArrayList<>();
        try {
            MarkTrackingParser parser = new MarkTrackingParser(new ParserImpl(new StreamReader(text), options));
            while (true) {
                Composer composer = new Composer(parser, loader.resolver(), options);
                if (!composer.checkNode()) {
                    return new SnakeYamlReference(roots, ends, null);
                }
                roots.add(composer.getNode());
                ends.add(parser.lastMark());
            }
        } catch (RuntimeException | StackOverflowError e) {
            return new SnakeYamlReference(roots, ends, e);
        }
    }
}
