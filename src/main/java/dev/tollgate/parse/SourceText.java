package dev.tollgate.parse;

import dev.tollgate.discovery.ByteOrderMark;
import dev.tollgate.model.Problem;
import dev.tollgate.model.SourceFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;

/**
 * Reads a file as strict UTF-8 (a leading BOM is dropped), or as UTF-16 after its byte-order mark, or says precisely
 * why it could not.
 */
public final class SourceText {

    /** The text of a file, or the problem that kept us from reading it. Exactly one is non-null. */
    public record Read(String text, Problem problem) {
    }

    private SourceText() {
    }

    public static Read read(SourceFile file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.path());
        } catch (NoSuchFileException e) {
            return failed(file, "file disappeared before it could be read");
        } catch (IOException | SecurityException e) {
            return failed(file, "cannot read file: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        } catch (OutOfMemoryError e) {
            return failed(file, "file too large to read into memory");
        }
        return decode(file.displayPath(), bytes);
    }

    /**
     * Decodes {@code bytes} as UTF-8, or as UTF-16 after a UTF-16 byte-order mark; the problem names the line of the
     * first invalid byte.
     */
    public static Read decode(String displayPath, byte[] bytes) {
        Charset utf16 = ByteOrderMark.utf16(bytes);
        if (utf16 != null) {
            return decodeUtf16(displayPath, bytes, utf16);
        }
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            offset = 3;
        }
        if (isAscii(bytes, offset)) {
            // Nearly every configuration file is ASCII: valid UTF-8 as it is, and the String constructor decodes it
            // in one compact copy, where the strict decoder goes through a CharBuffer and copies twice.
            return new Read(new String(bytes, offset, bytes.length - offset, StandardCharsets.ISO_8859_1), null);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            return new Read(decoder.decode(buffer).toString(), null);
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes, offset);
            int line = 1;
            for (int i = offset; i < bad && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            return new Read(null, new Problem(displayPath, line, 0, Problem.Kind.PARSE_ERROR,
                    "not valid UTF-8 (first invalid byte at offset " + bad + ")"));
        }
    }

    private static Read decodeUtf16(String displayPath, byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 2, bytes.length - 2);
        CharBuffer out = CharBuffer.allocate(bytes.length / 2);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError() || in.hasRemaining()) {
            int line = 1;
            for (int i = 0; i < out.length(); i++) {
                line += out.charAt(i) == '\n' ? 1 : 0;
            }
            return new Read(null, new Problem(displayPath, line, 0, Problem.Kind.PARSE_ERROR,
                    "not valid " + charset.name() + " (first invalid byte at offset " + in.position() + ")"));
        }
        return new Read(out.toString(), null);
    }

    private static boolean isAscii(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static Read failed(SourceFile file, String message) {
        return new Read(null, Problem.wholeFile(file.displayPath(), Problem.Kind.UNREADABLE, message));
    }

    private static int firstInvalidUtf8(byte[] b, int from) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // Binary search would be faster; files with bad bytes are rare and this runs once for them.
        int lo = from;
        int hi = b.length;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            try {
                decoder.reset().decode(ByteBuffer.wrap(b, from, mid - from));
                lo = mid;
            } catch (CharacterCodingException e) {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
