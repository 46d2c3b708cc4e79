package dev.tollgate.finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable identities for evaluations. Built from the policy id, the file, the resource address and the JSON pointer
 * of the judged element — never the line — so that adding lines above a finding keeps its identity
 * (GitHub keeps the alert open instead of closing it and opening a new one).
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** In GitHub's {@code primaryLocationLineHash} shape: hex digits, a colon, an occurrence number. */
    public static String of(String policyId, String file, String resourceAddress, String pointer) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String key = policyId + "\n" + file + "\n" + resourceAddress + "\n" + pointer;
            byte[] digest = sha.digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16) + ":1";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
