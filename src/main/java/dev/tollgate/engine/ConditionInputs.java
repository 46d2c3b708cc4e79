package dev.tollgate.engine;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a condition's answer can depend on, read from its checked AST: the selected {@code item}, which fields of
 * {@code meta}, which top-level fields of {@code resource}. When that is all (no {@code related}, no {@code meta} or
 * {@code resource} as a whole), the answer is a function of those values, since every Tollgate function is pure, and it
 * can be remembered ({@link Answers}).
 *
 * <p>{@code meta.file} is special: conditions read it only to ask what its name says ({@code deploy_file},
 * {@code file_stage}, {@code env_template}, which look at the last path segment alone). Where that is its only use,
 * the file's name stands in for the path, so that {@code .env.production} in two services gives one answer.
 * {@code meta.name} and {@code meta.address} are different for every resource, so a condition that reads them is not
 * worth remembering.
 *
 * @param readsItem whether the condition reads {@code item}
 * @param itemFields when not empty, the only fields of a map {@code item} the condition reads ({@code item.f},
 *     {@code has(item.f)}, {@code item.?f}; besides {@code type(item)}): a map item is then remembered by those fields
 *     alone, so that env entries {@code {name: NEXT_PUBLIC_X, value: ...}} judged by their name share one answer
 *     whatever their values. Empty when the condition reads {@code item} as a whole, or not at all
 * @param metaFields the {@code meta} fields read, sorted; {@code file} stands for the file's name when
 *     {@code fileNameOnly}
 * @param fileNameOnly whether {@code meta.file} is read only through functions of the file's name
 * @param resourceFields the top-level fields of {@code resource} read ({@code resource.type},
 *     {@code has(resource.type)}), sorted; a condition that reads {@code resource} in any other way is not remembered
 */
record ConditionInputs(boolean readsItem, List<String> itemFields, List<String> metaFields, boolean fileNameOnly,
        List<String> resourceFields) {

    /** The value of a resource or item field that is not there, in a memo key (null there means unknown). */
    enum Absent { FIELD }

    /**
     * A map item in a memo key, by the fields the condition reads ({@link #itemFields}), in that order. Its own type,
     * so that it can never equal the key of an item that is itself a list.
     */
    record ItemFields(List<Object> values) {
    }

    /** Functions of a path that look at its file name only ({@link EnvFileNames}). */
    private static final Set<String> FILE_NAME_FUNCTIONS = Set.of("deploy_file", "file_stage", "env_template");
    /** The meta fields whose values repeat across resources: worth a memo key. */
    private static final Set<String> REPEATING_META = Set.of("key", "kind", "format", "pointer", "file");

    /**
     * The inputs of the condition, or null when its answer may depend on more than item, repeating meta fields and
     * top-level resource fields.
     */
    static ConditionInputs of(CelAbstractSyntaxTree ast) {
        Walk walk = new Walk(ast.getReferenceMap());
        walk.visit(ast.getExpr(), null, null);
        if (walk.other) {
            return null;
        }
        if (!REPEATING_META.containsAll(walk.metaFields)) {
            return null;
        }
        boolean fileNameOnly = walk.metaFields.contains("file") && !walk.fileAsPath;
        List<String> itemFields = walk.wholeItem ? List.of() : List.copyOf(walk.itemFields);
        return new ConditionInputs(walk.readsItem, itemFields, List.copyOf(walk.metaFields), fileNameOnly,
                List.copyOf(walk.resourceFields));
    }

    /**
     * The values of the inputs for one element, item first when read: the memo key, compared by value and in order.
     * A resource field's value is given as is ({@link Absent#FIELD} when the field is not there); {@link Answers}
     * decides whether the whole is small enough to remember.
     */
    List<Object> values(Object item, Map<String, Object> meta, Object resource) {
        List<Object> key = new ArrayList<>(1 + metaFields.size() + resourceFields.size());
        if (readsItem) {
            key.add(itemFields.isEmpty() || !(item instanceof Map<?, ?> map) ? item : fields(map));
        }
        for (String field : metaFields) {
            Object value = meta.get(field);
            key.add(field.equals("file") && fileNameOnly && value instanceof String path ? fileName(path) : value);
        }
        for (String field : resourceFields) {
            key.add(resource instanceof Map<?, ?> m && m.containsKey(field) ? m.get(field) : Absent.FIELD);
        }
        return key;
    }

    private ItemFields fields(Map<?, ?> item) {
        List<Object> values = new ArrayList<>(itemFields.size());
        for (String field : itemFields) {
            Object value = item.get(field);
            values.add(value != null || item.containsKey(field) ? value : Absent.FIELD);
        }
        return new ItemFields(values);
    }

    /** The last path segment, as {@link EnvFileNames} reads it. */
    static String fileName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    /** One pass over the AST, with the parent and grandparent of each node to see how {@code meta} is used. */
    private static final class Walk {
        private final Map<Long, CelReference> references;
        private final Set<String> metaFields = new TreeSet<>();
        private final Set<String> resourceFields = new TreeSet<>();
        private final Set<String> itemFields = new TreeSet<>();
        private boolean readsItem;
        private boolean wholeItem;
        private boolean fileAsPath;
        private boolean other;

        Walk(Map<Long, CelReference> references) {
            this.references = references;
        }

        void visit(CelExpr e, CelExpr parent, CelExpr grandparent) {
            switch (e.getKind()) {
                case IDENT -> ident(e, parent, grandparent);
                case SELECT -> visit(e.select().operand(), e, parent);
                case CALL -> {
                    e.call().target().ifPresent(t -> visit(t, e, parent));
                    e.call().args().forEach(a -> visit(a, e, parent));
                }
                case LIST -> e.list().elements().forEach(x -> visit(x, e, parent));
                case MAP -> e.map().entries().forEach(x -> {
                    visit(x.key(), e, parent);
                    visit(x.value(), e, parent);
                });
                case STRUCT -> e.struct().entries().forEach(x -> visit(x.value(), e, parent));
                case COMPREHENSION -> {
                    var c = e.comprehension();
                    for (CelExpr x : List.of(c.iterRange(), c.accuInit(), c.loopCondition(), c.loopStep(),
                            c.result())) {
                        visit(x, e, parent);
                    }
                }
                default -> {
                    // constants read nothing
                }
            }
        }

        private void ident(CelExpr e, CelExpr parent, CelExpr grandparent) {
            CelReference ref = references.get(e.id());
            if (ref == null || !ref.overloadIds().isEmpty()) {
                return; // a comprehension or cel.bind variable, or a function name
            }
            switch (ref.name()) {
                case "item" -> item(parent);
                case "meta" -> meta(parent, grandparent);
                case "resource" -> resource(parent);
                case "related" -> other = true;
                default -> {
                    // A type name such as `map` in `type(item) == map`: a constant. CelEnvironment declares no other
                    // variable; ConditionInputsTest fails if one is added without being handled here.
                }
            }
        }

        /**
         * {@code item.f}, {@code has(item.f)}, {@code item.?f} or {@code type(item)}: a field, or the type (which the
         * memo key of a map item keeps by its own class); anything else reads the item as a whole.
         */
        private void item(CelExpr parent) {
            readsItem = true;
            String field = fieldOf(parent);
            if (field != null) {
                itemFields.add(field);
            } else if (!(parent != null && parent.getKind() == CelExpr.ExprKind.Kind.CALL
                    && parent.call().function().equals("type") && parent.call().target().isEmpty()
                    && parent.call().args().size() == 1)) {
                wholeItem = true;
            }
        }

        /** The field that {@code parent} selects of its operand: {@code x.f}, {@code has(x.f)} or {@code x.?f}. */
        private static String fieldOf(CelExpr parent) {
            if (parent != null && parent.getKind() == CelExpr.ExprKind.Kind.SELECT) {
                return parent.select().field();
            }
            if (parent != null && parent.getKind() == CelExpr.ExprKind.Kind.CALL
                    && parent.call().function().equals("_?._") && parent.call().args().size() == 2
                    && parent.call().args().get(1).getKind() == CelExpr.ExprKind.Kind.CONSTANT
                    && parent.call().args().get(1).constant().getKind() == CelConstant.Kind.STRING_VALUE) {
                return parent.call().args().get(1).constant().stringValue();
            }
            return null;
        }

        /** {@code resource.f} or {@code has(resource.f)}: field f; anything else reads the resource as a whole. */
        private void resource(CelExpr parent) {
            if (parent != null && parent.getKind() == CelExpr.ExprKind.Kind.SELECT) {
                resourceFields.add(parent.select().field());
            } else {
                other = true;
            }
        }

        /** {@code meta.f}, {@code has(meta.f)} or {@code meta.?f}: field f; anything else reads meta as a whole. */
        private void meta(CelExpr parent, CelExpr grandparent) {
            String field = fieldOf(parent);
            if (field == null) {
                other = true;
                return;
            }
            metaFields.add(field);
            if (field.equals("file") && !isFileNameCall(parent, grandparent)) {
                fileAsPath = true;
            }
        }

        private static boolean isFileNameCall(CelExpr select, CelExpr call) {
            return select.getKind() == CelExpr.ExprKind.Kind.SELECT && !select.select().testOnly() && call != null
                    && call.getKind() == CelExpr.ExprKind.Kind.CALL && call.call().target().isEmpty()
                    && FILE_NAME_FUNCTIONS.contains(call.call().function()) && call.call().args().size() == 1;
        }
    }
}
