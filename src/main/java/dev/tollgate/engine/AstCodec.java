package dev.tollgate.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.UnsignedLong;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelSource;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.TypeType;
import dev.cel.common.values.NullValue;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checked CEL AST written field by field, for the build-time cache ({@link PrecompiledExpressions}). Reading the
 * same AST back through its protobuf form ({@code CheckedExpr.parseFrom}, then cel-java's converter) cost about
 * 0.6 ms per expression on a cold JVM, most of a cold start's policy compilation; this reads the fields straight into
 * cel-java's AST classes.
 *
 * <p>It covers what the bundled policies use: every expression kind but message construction, the constants but
 * bytes, timestamps and durations, the types {@code dyn}, primitives, {@code list}, {@code map}, {@code optional} and
 * {@code type}, and sources without macro calls or extensions. Like the protobuf form, it leaves out the source
 * text itself and keeps its line offsets and positions. {@link #write} throws {@link Unsupported} for anything
 * else, and the cache then keeps that expression's protobuf form, so nothing is lost, only not sped up.
 */
final class AstCodec {

    /** Something this codec does not write; the caller falls back to the protobuf form. */
    static final class Unsupported extends Exception {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    private AstCodec() {
    }

    static void write(CelAbstractSyntaxTree ast, DataOutputStream out) throws IOException, Unsupported {
        if (!ast.isChecked()) {
            throw new Unsupported("unchecked AST");
        }
        CelSource source = ast.getSource();
        // The source text is left out, as the protobuf form leaves it out: runtime errors locate by position.
        if (!source.getMacroCalls().isEmpty() || !source.getExtensions().isEmpty()) {
            throw new Unsupported("macro calls or extensions");
        }
        string(out, source.getDescription());
        out.writeInt(source.getLineOffsets().size());
        for (int offset : source.getLineOffsets()) {
            out.writeInt(offset);
        }
        out.writeInt(source.getPositionsMap().size());
        for (Map.Entry<Long, Integer> e : source.getPositionsMap().entrySet()) {
            out.writeLong(e.getKey());
            out.writeInt(e.getValue());
        }
        expr(out, ast.getExpr());
        out.writeInt(ast.getReferenceMap().size());
        for (Map.Entry<Long, CelReference> e : ast.getReferenceMap().entrySet()) {
            CelReference ref = e.getValue();
            if (ref.value().isPresent()) {
                throw new Unsupported("reference to a constant");
            }
            out.writeLong(e.getKey());
            string(out, ref.name());
            out.writeInt(ref.overloadIds().size());
            for (String id : ref.overloadIds()) {
                string(out, id);
            }
        }
        out.writeInt(ast.getTypeMap().size());
        for (Map.Entry<Long, CelType> e : ast.getTypeMap().entrySet()) {
            out.writeLong(e.getKey());
            type(out, e.getValue());
        }
    }

    static CelAbstractSyntaxTree read(DataInputStream in) throws IOException {
        CelSource.Builder source = CelSource.newBuilder().setDescription(string(in));
        int lines = in.readInt();
        for (int i = 0; i < lines; i++) {
            source.addLineOffsets(in.readInt());
        }
        int positions = in.readInt();
        Map<Long, Integer> positionMap = new LinkedHashMap<>();
        for (int i = 0; i < positions; i++) {
            positionMap.put(in.readLong(), in.readInt());
        }
        source.addPositionsMap(positionMap);
        CelExpr expr = expr(in);
        int refs = in.readInt();
        Map<Long, CelReference> references = new LinkedHashMap<>();
        for (int i = 0; i < refs; i++) {
            long id = in.readLong();
            CelReference.Builder ref = CelReference.newBuilder().setName(string(in));
            int overloads = in.readInt();
            for (int j = 0; j < overloads; j++) {
                ref.addOverloadIds(string(in));
            }
            references.put(id, ref.build());
        }
        int types = in.readInt();
        Map<Long, CelType> typeMap = new LinkedHashMap<>();
        for (int i = 0; i < types; i++) {
            typeMap.put(in.readLong(), type(in));
        }
        return CelAbstractSyntaxTree.newCheckedAst(expr, source.build(), references, typeMap);
    }

    private static final int NOT_SET = 0;
    private static final int CONSTANT = 1;
    private static final int IDENT = 2;
    private static final int SELECT = 3;
    private static final int CALL = 4;
    private static final int LIST = 5;
    private static final int MAP = 6;
    private static final int COMPREHENSION = 7;

    private static void expr(DataOutputStream out, CelExpr e) throws IOException, Unsupported {
        out.writeLong(e.id());
        switch (e.getKind()) {
            case NOT_SET -> out.writeByte(NOT_SET);
            case CONSTANT -> {
                out.writeByte(CONSTANT);
                constant(out, e.constant());
            }
            case IDENT -> {
                out.writeByte(IDENT);
                string(out, e.ident().name());
            }
            case SELECT -> {
                out.writeByte(SELECT);
                expr(out, e.select().operand());
                string(out, e.select().field());
                out.writeBoolean(e.select().testOnly());
            }
            case CALL -> {
                out.writeByte(CALL);
                out.writeBoolean(e.call().target().isPresent());
                if (e.call().target().isPresent()) {
                    expr(out, e.call().target().get());
                }
                string(out, e.call().function());
                exprs(out, e.call().args());
            }
            case LIST -> {
                out.writeByte(LIST);
                exprs(out, e.list().elements());
                out.writeInt(e.list().optionalIndices().size());
                for (int index : e.list().optionalIndices()) {
                    out.writeInt(index);
                }
            }
            case MAP -> {
                out.writeByte(MAP);
                out.writeInt(e.map().entries().size());
                for (CelExpr.CelMap.Entry entry : e.map().entries()) {
                    out.writeLong(entry.id());
                    expr(out, entry.key());
                    expr(out, entry.value());
                    out.writeBoolean(entry.optionalEntry());
                }
            }
            case COMPREHENSION -> {
                CelExpr.CelComprehension c = e.comprehension();
                out.writeByte(COMPREHENSION);
                string(out, c.iterVar());
                string(out, c.iterVar2());
                expr(out, c.iterRange());
                string(out, c.accuVar());
                expr(out, c.accuInit());
                expr(out, c.loopCondition());
                expr(out, c.loopStep());
                expr(out, c.result());
            }
            default -> throw new Unsupported("expression kind " + e.getKind());
        }
    }

    private static CelExpr expr(DataInputStream in) throws IOException {
        long id = in.readLong();
        int kind = in.readByte();
        return switch (kind) {
            case NOT_SET -> CelExpr.ofNotSet(id);
            case CONSTANT -> CelExpr.ofConstant(id, constant(in));
            case IDENT -> CelExpr.ofIdent(id, string(in));
            case SELECT -> CelExpr.ofSelect(id, expr(in), string(in), in.readBoolean());
            case CALL -> {
                java.util.Optional<CelExpr> target = in.readBoolean() ? java.util.Optional.of(expr(in))
                        : java.util.Optional.empty();
                yield CelExpr.ofCall(id, target, string(in), exprs(in));
            }
            case LIST -> {
                ImmutableList<CelExpr> elements = exprs(in);
                int n = in.readInt();
                ImmutableList.Builder<Integer> optional = ImmutableList.builderWithExpectedSize(n);
                for (int i = 0; i < n; i++) {
                    optional.add(in.readInt());
                }
                yield CelExpr.ofList(id, elements, optional.build());
            }
            case MAP -> {
                int n = in.readInt();
                ImmutableList.Builder<CelExpr.CelMap.Entry> entries = ImmutableList.builderWithExpectedSize(n);
                for (int i = 0; i < n; i++) {
                    entries.add(CelExpr.ofMapEntry(in.readLong(), expr(in), expr(in), in.readBoolean()));
                }
                yield CelExpr.ofMap(id, entries.build());
            }
            case COMPREHENSION -> CelExpr.ofComprehension(id, string(in), string(in), expr(in), string(in), expr(in),
                    expr(in), expr(in), expr(in));
            default -> throw new IOException("unknown expression kind " + kind);
        };
    }

    private static void exprs(DataOutputStream out, List<CelExpr> exprs) throws IOException, Unsupported {
        out.writeInt(exprs.size());
        for (CelExpr e : exprs) {
            expr(out, e);
        }
    }

    private static ImmutableList<CelExpr> exprs(DataInputStream in) throws IOException {
        int n = in.readInt();
        ImmutableList.Builder<CelExpr> out = ImmutableList.builderWithExpectedSize(n);
        for (int i = 0; i < n; i++) {
            out.add(expr(in));
        }
        return out.build();
    }

    private static void constant(DataOutputStream out, CelConstant c) throws IOException, Unsupported {
        switch (c.getKind()) {
            case NOT_SET -> out.writeByte(0);
            case NULL_VALUE -> out.writeByte(1);
            case BOOLEAN_VALUE -> {
                out.writeByte(2);
                out.writeBoolean(c.booleanValue());
            }
            case INT64_VALUE -> {
                out.writeByte(3);
                out.writeLong(c.int64Value());
            }
            case UINT64_VALUE -> {
                out.writeByte(4);
                out.writeLong(c.uint64Value().longValue());
            }
            case DOUBLE_VALUE -> {
                out.writeByte(5);
                out.writeLong(Double.doubleToRawLongBits(c.doubleValue()));
            }
            case STRING_VALUE -> {
                out.writeByte(6);
                string(out, c.stringValue());
            }
            default -> throw new Unsupported("constant kind " + c.getKind());
        }
    }

    private static CelConstant constant(DataInputStream in) throws IOException {
        int kind = in.readByte();
        return switch (kind) {
            case 0 -> CelConstant.ofNotSet();
            case 1 -> CelConstant.ofValue(NullValue.NULL_VALUE);
            case 2 -> CelConstant.ofValue(in.readBoolean());
            case 3 -> CelConstant.ofValue(in.readLong());
            case 4 -> CelConstant.ofValue(UnsignedLong.fromLongBits(in.readLong()));
            case 5 -> CelConstant.ofValue(Double.longBitsToDouble(in.readLong()));
            case 6 -> CelConstant.ofValue(string(in));
            default -> throw new IOException("unknown constant kind " + kind);
        };
    }

    /** Written by their index here: append only. */
    private static final List<CelType> SIMPLE_TYPES = List.of(SimpleType.DYN, SimpleType.BOOL, SimpleType.INT,
            SimpleType.UINT, SimpleType.DOUBLE, SimpleType.STRING, SimpleType.BYTES, SimpleType.NULL_TYPE,
            SimpleType.TIMESTAMP, SimpleType.DURATION, SimpleType.ANY, SimpleType.ERROR);

    private static void type(DataOutputStream out, CelType t) throws IOException, Unsupported {
        if (t instanceof SimpleType) {
            int index = SIMPLE_TYPES.indexOf(t);
            if (index < 0) {
                throw new Unsupported("type " + t.name());
            }
            out.writeByte(0);
            out.writeByte(index);
        } else if (t instanceof ListType list && list.hasElemType()) {
            out.writeByte(1);
            type(out, list.elemType());
        } else if (t instanceof MapType map) {
            out.writeByte(2);
            type(out, map.keyType());
            type(out, map.valueType());
        } else if (t instanceof OptionalType optional) {
            out.writeByte(3);
            type(out, optional.parameters().get(0));
        } else if (t instanceof TypeType type && type.parameters().size() == 1) {
            out.writeByte(4);
            type(out, type.type());
        } else {
            throw new Unsupported("type " + t);
        }
    }

    private static CelType type(DataInputStream in) throws IOException {
        int kind = in.readByte();
        return switch (kind) {
            case 0 -> SIMPLE_TYPES.get(in.readByte());
            case 1 -> ListType.create(type(in));
            case 2 -> MapType.create(type(in), type(in));
            case 3 -> OptionalType.create(type(in));
            case 4 -> TypeType.create(type(in));
            default -> throw new IOException("unknown type kind " + kind);
        };
    }

    /** Length and UTF-8 bytes: {@code writeUTF} stops at 64 KB, and a string constant may be longer. */
    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
