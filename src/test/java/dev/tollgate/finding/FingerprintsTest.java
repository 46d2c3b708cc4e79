package dev.tollgate.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

    /** The first 16 bytes of SHA-256 over the four parts joined by newlines, in lower-case hex, then {@code :1}. */
    private static String reference(String policyId, String file, String address, String pointer) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                (policyId + "\n" + file + "\n" + address + "\n" + pointer).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16) + ":1";
    }

    @Test
    void aFingerprintIsTheHalfSha256OfItsPartsAsGitHubShowsLineHashes() throws Exception {
        assertEquals(32 + 2, Fingerprints.of("a", "b", "c", "").length());
        String[][] cases = {
            {"TG-K8S-001", "deploy/app.yaml", "Deployment/default/web", "/spec/template/spec/containers/0"},
            {"TG-ENV-001", "café/.env", "env:café/.env", "/DB_PASSWORD"},
            {"", "", "", ""},
            {"TG-TF-001", "main.tf", "aws_s3_bucket.logs[\"😀\"]", "/tags/~1x"},
        };
        for (String[] c : cases) {
            assertEquals(reference(c[0], c[1], c[2], c[3]), Fingerprints.of(c[0], c[1], c[2], c[3]));
        }
        // Digests cloned from one never-used digest do not share state: the same parts, the same fingerprint.
        assertEquals(Fingerprints.of("x", "y", "z", "/0"), Fingerprints.of("x", "y", "z", "/0"));
    }
}
