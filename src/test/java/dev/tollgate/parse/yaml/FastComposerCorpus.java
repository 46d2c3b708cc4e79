package dev.tollgate.parse.yaml;

import dev.tollgate.parse.SourceText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The fast composer against SnakeYAML on every {@code .yaml}/{@code .yml} file under the given directories (corpora
 * that are not in the repository: the benchmark corpus, real-world checkouts). Prints the number of files, the share
 * the fast path takes, why it declines the others, and every mismatch; exits 1 on any mismatch. A maintenance check
 * (like the bench mains), not a unit test, because the corpora live outside the repository. Usage:
 * {@code FastComposerCorpus DIR...} with the test classes and the jar on the class path; {@code -Dshow=WORDS} lists the
 * files declined for a reason containing WORDS.
 */
public final class FastComposerCorpus {

    private FastComposerCorpus() {
    }

    public static void main(String[] args) throws IOException {
        YamlLoader loader = new YamlLoader();
        int exit = 0;
        for (String dir : args) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(Path.of(dir))) {
                files = walk.filter(Files::isRegularFile)
                        .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .sorted().toList();
            }
            int taken = 0;
            long bytes = 0;
            long takenBytes = 0;
            int mismatches = 0;
            Map<String, Integer> reasons = new TreeMap<>();
            for (Path file : files) {
                String text = read(file);
                if (text == null) {
                    reasons.merge("(not UTF-8 text)", 1, Integer::sum);
                    continue;
                }
                bytes += text.length();
                FastComposerCheck check = FastComposerCheck.of(loader, text);
                if (check.taken()) {
                    taken++;
                    takenBytes += text.length();
                } else {
                    reasons.merge(check.declined(), 1, Integer::sum);
                    if (System.getProperty("show") != null && check.declined().contains(System.getProperty("show"))) {
                        System.out.println("declined " + file + ": " + check.declined());
                    }
                }
                if (check.mismatch() != null) {
                    mismatches++;
                    System.out.println("MISMATCH " + file + ": " + check.mismatch());
                }
            }
            System.out.printf("%s: %d files, fast path took %d (%.1f%% of files, %.1f%% of chars), %d mismatches%n",
                    dir, files.size(), taken, 100.0 * taken / Math.max(1, files.size()),
                    100.0 * takenBytes / Math.max(1, bytes), mismatches);
            reasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(r -> System.out.printf("  declined %5d  %s%n", r.getValue(), r.getKey()));
            if (mismatches > 0) {
                exit = 1;
            }
        }
        System.exit(exit);
    }

    private static String read(Path file) {
        try {
            return SourceText.decode(file.toString(), Files.readAllBytes(file)).text();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
