package dev.tollgate.finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Stable identities for evaluations. Built from the policy id, the file, the resource address and the JSON pointer
 * of the judged element — never the line — so that adding lines above a finding keeps its identity
 * (GitHub keeps the alert open instead of closing it and opening a new one).
 */
public final class Fingerprints {

    /**
     * A SHA-256 digest that is never updated, only cloned: {@link MessageDigest#getInstance} searches the security
     * providers on every call, which was a fifth of the cost of a fingerprint. Cloning a fresh digest copies its
     * initial state and nothing else, and since this one's state never changes, threads may clone it at once.
     */
    private static final MessageDigest UNUSED_SHA_256 = newSha256();
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** Hex digits of the digest's first half, as GitHub's line hashes have. */
    private static final int HASHED_BYTES = 16;

    private Fingerprints() {
    }

    /** In GitHub's {@code primaryLocationLineHash} shape: hex digits, a colon, an occurrence number. */
    public static String of(String policyId, String file, String resourceAddress, String pointer) {
        String key = policyId + "\n" + file + "\n" + resourceAddress + "\n" + pointer;
        byte[] digest = sha256().digest(key.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[HASHED_BYTES * 2 + 2];
        for (int i = 0; i < HASHED_BYTES; i++) {
            out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        out[HASHED_BYTES * 2] = ':';
        out[HASHED_BYTES * 2 + 1] = '1';
        return new String(out);
    }

    private static MessageDigest sha256() {
        try {
            return (MessageDigest) UNUSED_SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256(); // a provider whose digests cannot be cloned: slower, same result
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
