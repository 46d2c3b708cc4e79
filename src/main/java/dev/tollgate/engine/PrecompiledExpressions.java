package dev.tollgate.engine;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelProtoAbstractSyntaxTree;
import dev.cel.expr.CheckedExpr;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Checked CEL ASTs of the bundled policies, compiled when the jar is built ({@link PolicyPrecompiler}) and keyed by
 * the SHA-256 of the expression text. Measured cold: compiling the bundled expressions takes about 0.6 s plus 0.3 s
 * to build the compiler; reading their checked ASTs back takes under 0.1 s ({@link AstCodec}). An expression not in the
 * cache (a user's policy, or one edited since the build) is simply compiled, so the cache can be stale or absent
 * without harm.
 */
final class PrecompiledExpressions {

    static final String RESOURCE = "/dev/tollgate/engine/precompiled-policies.bin";
    /** 2: each AST is written by {@link AstCodec} (tag 1), or as a protobuf {@code CheckedExpr} (tag 0). */
    private static final int FORMAT = 2;
    private static final int CODEC = 1;
    private static final int PROTO = 0;

    private final Map<String, byte[]> byHash;

    private PrecompiledExpressions(Map<String, byte[]> byHash) {
        this.byHash = byHash;
    }

    static PrecompiledExpressions none() {
        return new PrecompiledExpressions(Map.of());
    }

    /** The cache shipped in the jar, or none when the build did not write it (tests, a plain compile). */
    static PrecompiledExpressions bundled() {
        try (InputStream in = PrecompiledExpressions.class.getResourceAsStream(RESOURCE)) {
            return in == null ? none() : read(in);
        } catch (IOException | RuntimeException e) {
            return none(); // a damaged cache only costs compile time
        }
    }

    /** The checked AST of {@code expression}, or null when it is not cached. */
    CelAbstractSyntaxTree get(String expression) {
        byte[] bytes = byHash.get(hash(expression));
        if (bytes == null) {
            return null;
        }
        try {
            if (bytes[0] == CODEC) {
                return AstCodec.read(new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1)));
            }
            return CelProtoAbstractSyntaxTree.fromCheckedExpr(
                    CheckedExpr.parseFrom(ByteBuffer.wrap(bytes, 1, bytes.length - 1))).getAst();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static byte[] write(Map<String, CelAbstractSyntaxTree> asts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(asts.size());
            for (var e : new java.util.TreeMap<>(asts).entrySet()) {
                byte[] ast = encode(e.getValue());
                out.writeUTF(hash(e.getKey()));
                out.writeInt(ast.length);
                out.write(ast);
            }
        }
        return bytes.toByteArray();
    }

    /** The AST in {@link AstCodec}'s form when it can write it, else in its protobuf form; a tag byte says which. */
    static byte[] encode(CelAbstractSyntaxTree ast) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(CODEC);
            AstCodec.write(ast, out);
        } catch (AstCodec.Unsupported e) {
            bytes.reset();
            bytes.write(PROTO);
            CelProtoAbstractSyntaxTree.fromCelAst(ast).toCheckedExpr().writeTo(bytes);
        }
        return bytes.toByteArray();
    }

    static PrecompiledExpressions read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != FORMAT) {
            return none();
        }
        int n = in.readInt();
        Map<String, byte[]> map = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String key = in.readUTF();
            byte[] ast = new byte[in.readInt()];
            in.readFully(ast);
            map.put(key, ast);
        }
        return new PrecompiledExpressions(map);
    }

    private static String hash(String expression) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(expression.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
