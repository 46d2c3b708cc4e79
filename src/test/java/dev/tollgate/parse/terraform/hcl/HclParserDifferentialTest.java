package dev.tollgate.parse.terraform.hcl;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Our parser against HashiCorp's, on the corpus: hcl2json's results were recorded by
 * {@code scripts/hcl-diff --record} into {@code corpus/expected/}, so no node is needed here. A valid file must
 * give the same blocks, attribute names and literal values; an invalid one must be rejected by us too.
 */
class HclParserDifferentialTest {

    @TestFactory
    Stream<DynamicTest> corpusAgreesWithHcl2json() throws Exception {
        Path corpus = corpusDir();
        Path expected = corpus.resolve("expected");
        List<Path> files;
        try (Stream<Path> list = Files.list(corpus)) {
            files = list.filter(p -> p.toString().endsWith(".tf")).sorted().toList();
        }
        assertTrue(files.size() >= 20, "corpus is missing");
        return files.stream().map(tf -> DynamicTest.dynamicTest(tf.getFileName().toString(), () -> {
            HclJsonDump.Outcome outcome = HclJsonDump.compare(tf, expected);
            switch (outcome.verdict()) {
                case AGREE, BOTH_REJECT -> {
                }
                default -> fail(outcome.verdict() + ": " + outcome.detail());
            }
        }));
    }

    static Path corpusDir() throws URISyntaxException {
        return Path.of(HclParserDifferentialTest.class.getResource("corpus").toURI());
    }
}
