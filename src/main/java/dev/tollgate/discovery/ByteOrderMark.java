package dev.tollgate.discovery;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Recognises text written as UTF-16, which discovery would otherwise skip as binary for the NUL byte every ASCII
 * character has in it. Windows PowerShell's {@code >} writes UTF-16LE with a byte-order mark
 * ({@code kubectl get deploy -o yaml > app.yaml}), and so does Notepad's "Unicode"; kubectl and compose read such
 * files, so Tollgate reads them too ({@code SourceText} decodes them).
 */
public final class ByteOrderMark {

    private ByteOrderMark() {
    }

    /**
     * UTF-16LE or UTF-16BE when {@code bytes} start with that byte-order mark, else null. A UTF-32LE mark starts with
     * the UTF-16LE one ({@code FF FE 00 00}) and is not taken for it.
     */
    public static Charset utf16(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
                && !(bytes.length >= 4 && bytes[2] == 0 && bytes[3] == 0)) {
            return StandardCharsets.UTF_16LE;
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }
}
