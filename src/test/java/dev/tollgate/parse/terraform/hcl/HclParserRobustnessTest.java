package dev.tollgate.parse.terraform.hcl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Random edits of the corpus files, biased towards HCL's delimiters, must each come back as a tree or as located
 * diagnostics: no exception, no internal error, no hang. (Whether each mutant agrees with HashiCorp's parser is
 * for {@code scripts/hcl-diff}; several thousand such mutants were checked that way.)
 */
class HclParserRobustnessTest {

    private static final String[] EDITS = {"{", "}", "[", "]", "(", ")", "\"", "${", "%{", "~}", "}", "\n", "<<EOT\n",
        "<<-EOT\n", "\nEOT\n", "\\", "$$", "%%", "#", "//", "/*", "*/", "=", "=>", ".", "...", "*", ":", "::", "?", ",",
        "for ", "if ", "in ", "endif", "endfor", "\r", "\t", "é", "\uD83D\uDE00", "\uD83D"};

    @Test
    void mutantsNeverBreakTheParser() throws Exception {
        List<String> sources;
        try (Stream<Path> files = Files.list(HclParserDifferentialTest.corpusDir())) {
            sources = files.filter(p -> p.toString().endsWith(".tf")).sorted().map(p -> {
                try {
                    return Files.readString(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        Random random = new Random(20261126L);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int parsed = 0;
            for (String original : sources) {
                for (int m = 0; m < 150; m++) {
                    String mutant = mutate(original, random);
                    HclFile file = HclParser.parse(mutant, "mutant.tf");
                    for (HclDiagnostic d : file.diagnostics()) {
                        assertFalse(d.message().startsWith("Internal"), d + "\n--- mutant ---\n" + mutant);
                        assertTrue(d.line() >= 1 && d.column() >= 1, d.toString());
                    }
                    parsed++;
                }
            }
            assertTrue(parsed > 1000);
        });
    }

    private static String mutate(String s, Random random) {
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits && !s.isEmpty(); i++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s = s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + random.nextInt(4)));
                case 1 -> s = s.substring(0, at) + EDITS[random.nextInt(EDITS.length)] + s.substring(at);
                case 2 -> s = s.substring(0, at) + EDITS[random.nextInt(EDITS.length)] + s.substring(at + 1);
                default -> {
                    int from = random.nextInt(s.length());
                    s = s.substring(0, at) + s.substring(from, Math.min(s.length(), from + 1 + random.nextInt(40)))
                            + s.substring(at);
                }
            }
        }
        return s;
    }
}
