package dev.tollgate.parse.yaml;

import dev.tollgate.parse.yaml.fast.FastComposer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Composing only (no conversion, no file reading): SnakeYAML as {@link YamlLoader} runs it against the fast composer,
 * over every YAML file under the given directories held in memory, several rounds each, alternating. A maintenance
 * measurement run as a main (docs/yaml-fast-path.md), never a timed unit test. Usage: {@code YamlComposeBench ROUNDS
 * DIR...}; prints milliseconds per round for each.
 */
public final class YamlComposeBench {

    private YamlComposeBench() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = Integer.parseInt(args[0]);
        List<String> texts = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            try (Stream<Path> walk = Files.walk(Path.of(args[i]))) {
                for (Path p : walk.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                        .toList()) {
                    texts.add(YamlLoader.withoutLineStartBoms(Files.readString(p)));
                }
            }
        }
        YamlLoader loader = new YamlLoader();
        FastComposer fast = new FastComposer(loader.resolver(), loader.loaderOptions());
        long chars = texts.stream().mapToLong(String::length).sum();
        System.out.printf("%d files, %.1f MB%n", texts.size(), chars / 1e6);
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            long nodes = 0;
            for (String t : texts) {
                nodes += SnakeYamlReference.compose(loader, t).roots().size();
            }
            long t1 = System.nanoTime();
            long taken = 0;
            for (String t : texts) {
                List<?> roots = fast.compose(t);
                if (roots != null) {
                    taken += roots.size();
                }
            }
            long t2 = System.nanoTime();
            System.out.printf("round %d: SnakeYAML %d ms (%d documents), fast %d ms (%d documents)%n", r,
                    (t1 - t0) / 1_000_000, nodes, (t2 - t1) / 1_000_000, taken);
        }
    }
}
