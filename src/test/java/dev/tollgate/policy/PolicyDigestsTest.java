package dev.tollgate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue records the SHA-256 of every file it was built from, for audit evidence. */
class PolicyDigestsTest {

    private static final Path POLICIES = Path.of("policies");

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void everyPolicyFileAndTheChecklistHaveTheirBytesDigest() throws Exception {
        PolicyCatalog catalog = PolicyCatalog.load(List.of(new PolicyCatalog.Source(POLICIES, "policies/")));
        Set<String> expected = new TreeSet<>();
        expected.add("policies/checklist.yaml");
        catalog.policies().forEach(p -> expected.add(p.source()));
        assertEquals(expected, catalog.digests().keySet());
        for (String display : expected) {
            Path file = POLICIES.resolve(display.substring("policies/".length()));
            assertEquals(sha256(file), catalog.digests().get(display), display);
        }
    }

    @Test
    void aReplacedBundledPolicyIsNotListedItsReplacementIs(@TempDir Path extra) throws Exception {
        Policy bundled = PolicyCatalog.load(List.of(new PolicyCatalog.Source(POLICIES, "policies/"))).policies().get(0);
        Path original = POLICIES.resolve(bundled.source().substring("policies/".length()));
        Path replacement = extra.resolve(original.getFileName());
        Files.writeString(replacement, Files.readString(original, StandardCharsets.UTF_8) + "# local change\n",
                StandardCharsets.UTF_8);

        PolicyCatalog catalog = PolicyCatalog.load(List.of(new PolicyCatalog.Source(POLICIES, "policies/"),
                new PolicyCatalog.Source(extra, "extra/")));

        assertFalse(catalog.digests().containsKey(bundled.source()), catalog.digests().toString());
        String shown = "extra/" + replacement.getFileName();
        assertEquals(sha256(replacement), catalog.digests().get(shown));
        assertTrue(catalog.policies().stream().anyMatch(p -> p.source().equals(shown)));
    }
}
