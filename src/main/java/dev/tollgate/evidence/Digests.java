package dev.tollgate.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** SHA-256 digests in lowercase hex, the form {@code sha256sum} prints. */
final class Digests {

    private Digests() {
    }

    static String of(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * The digest of a set of files: SHA-256 over the lines {@code <sha256>  <path>\n} sorted by path, which is exactly
     * what {@code sha256sum} prints, so an auditor can recompute it from the listed digests with standard tools.
     */
    static String ofSet(Map<String, String> digestsByPath) {
        StringBuilder lines = new StringBuilder();
        digestsByPath.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> lines.append(e.getValue()).append("  ").append(e.getKey()).append('\n'));
        return HexFormat.of().formatHex(sha256().digest(lines.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
