package dev.tollgate.parse.terraform;

import dev.tollgate.model.LocationIndex;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.model.Unknown;
import dev.tollgate.parse.terraform.hcl.Attribute;
import dev.tollgate.parse.terraform.hcl.Block;
import dev.tollgate.parse.terraform.hcl.Body;
import dev.tollgate.parse.terraform.hcl.Expression;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates one resource instance's block into its values, the locations of every attribute and nested block (the
 * attribute in the resource, wherever its value came from), and the instances each attribute referred to.
 *
 * <p>Nested blocks become lists of maps, one element per block, as hcl2json gives them; {@code dynamic} blocks join
 * the same list when their {@code for_each} is known. Meta-arguments ({@code count}, {@code for_each},
 * {@code provider}, {@code depends_on}) are not data; {@code lifecycle.ignore_changes}, {@code replace_triggered_by}
 * and the {@code events}/{@code actions} of a {@code lifecycle.action_trigger} keep their references as text.
 */
final class ResourceBody {

    private static final Set<String> META = Set.of("count", "for_each", "provider", "depends_on");
    private static final Set<String> LIFECYCLE_REFERENCES = Set.of("ignore_changes", "replace_triggered_by");
    /** Terraform 1.14 actions: {@code events = [after_create]} are keywords, {@code actions} name action blocks. */
    private static final Set<String> ACTION_TRIGGER_REFERENCES = Set.of("events", "actions");

    private final RootContext ctx;
    private final Block block;
    private final String kind;
    private final String name;
    private final String address;
    private final Map<String, SourceLocation> locations = new LinkedHashMap<>();
    private final Map<String, Set<String>> refs = new LinkedHashMap<>();

    private final java.util.List<SourceLocation> callSites;

    ResourceBody(RootContext ctx, Block block, String kind, String name, String address,
            java.util.List<SourceLocation> callSites) {
        this.callSites = callSites;
        this.ctx = ctx;
        this.block = block;
        this.kind = kind;
        this.name = name;
        this.address = address;
    }

    Instance evaluate(Scope scope) {
        SourceLocation at = RootContext.location(block.typeRange());
        locations.put("", at);
        Map<String, Object> values = body(block.body(), scope, "", "", true);
        return new Instance(kind, name, address, at, values, locations, refs, callSites);
    }

    private Map<String, Object> body(Body body, Scope scope, String pointer, String path, boolean top) {
        record Item(int offset, Attribute attribute, Block block) {
        }
        List<Item> items = new ArrayList<>();
        body.attributes().forEach(a -> items.add(new Item(a.range().startOffset(), a, null)));
        body.blocks().forEach(b -> items.add(new Item(b.range().startOffset(), null, b)));
        items.sort(Comparator.comparingInt(Item::offset));
        // a nested block's unset attributes are the provider's to fill: unknown to a reader, not an error
        Map<String, Object> out = top ? new LinkedHashMap<>() : new BlockValues();
        for (Item item : items) {
            if (item.attribute() != null) {
                Attribute a = item.attribute();
                if (top && META.contains(a.name())) {
                    continue;
                }
                String p = LocationIndex.child(pointer, a.name());
                locations.put(p, RootContext.location(a.nameRange()));
                if (path.equals("lifecycle") && LIFECYCLE_REFERENCES.contains(a.name())
                        || path.equals("lifecycle.action_trigger") && ACTION_TRIGGER_REFERENCES.contains(a.name())) {
                    out.put(a.name(), a.expr() instanceof Expression.Tuple t
                            ? t.elements().stream().map(e -> (Object) e.raw()).toList() : a.expr().raw());
                    continue;
                }
                Scope s = scope.freshRefs();
                Object v = ctx.evaluate(a.expr(), s, a.name());
                out.put(a.name(), v);
                locateLiteral(a.expr(), v, p);
                if (!s.refs().isEmpty()) {
                    record(join(path, a.name()), s.refs());
                }
            } else {
                Block b = item.block();
                if (b.type().equals("dynamic") && b.labels().size() == 1) {
                    dynamic(b, scope, pointer, path, out);
                } else if (b.labels().isEmpty() || !top) {
                    list(out, b.type()).add(nested(b, b.body(), scope, pointer, path, out, b.type()));
                }
            }
        }
        return out;
    }

    private Map<String, Object> nested(Block header, Body body, Scope scope, String pointer, String path,
            Map<String, Object> out, String type) {
        List<Object> list = list(out, type);
        String p = LocationIndex.child(LocationIndex.child(pointer, type), list.size());
        locations.put(p, RootContext.location(header.typeRange()));
        return body(body, scope, p, join(path, type), false);
    }

    private void dynamic(Block b, Scope scope, String pointer, String path, Map<String, Object> out) {
        String type = b.labels().get(0);
        Attribute forEach = b.body().attribute("for_each").orElse(null);
        Block content = b.body().blocks("content").stream().findFirst().orElse(null);
        if (forEach == null || content == null) {
            return;
        }
        Scope s = scope.freshRefs();
        Object coll = ctx.evaluate(forEach.expr(), s);
        record(join(path, type), s.refs());
        if (Values.isUnknown(coll) || coll == null) {
            // How many blocks there will be is known only after apply.
            locations.putIfAbsent(LocationIndex.child(pointer, type), RootContext.location(b.typeRange()));
            out.put(type, coll == null ? list(out, type) : new Unknown(forEach.expr().raw()));
            return;
        }
        String iterator = b.body().attribute("iterator").map(a -> a.expr() instanceof Expression.Variable v
                ? v.name() : type).orElse(type);
        List<Map.Entry<Object, Object>> entries;
        try {
            entries = Evaluator.entries(coll);
        } catch (EvalException e) {
            ctx.problem(forEach.expr().range(), dev.tollgate.model.Problem.Kind.PARSE_ERROR,
                    "dynamic \"" + type + "\": " + e.getMessage());
            return;
        }
        String why = entries.size() > Expansion.MAX_BLOCK_INSTANCES
                ? "more than " + Expansion.MAX_BLOCK_INSTANCES + " of one dynamic block"
                : !ctx.admitDynamicBlocks(entries.size())
                        ? "more than " + RootContext.MAX_ROOT_DYNAMIC_BLOCKS + " dynamic blocks in this root" : null;
        if (why != null) {
            // Expanding them one by one would take the scan's memory; judged as when for_each is known after apply.
            ctx.problem(forEach.expr().range(), dev.tollgate.model.Problem.Kind.NOT_SCANNED, "dynamic \"" + type
                    + "\": for_each gives " + entries.size() + " blocks, " + why + ": judged as unknown");
            locations.putIfAbsent(LocationIndex.child(pointer, type), RootContext.location(b.typeRange()));
            out.put(type, new Unknown(forEach.expr().raw()));
            return;
        }
        for (Map.Entry<Object, Object> en : entries) {
            Map<String, Object> it = new LinkedHashMap<>();
            it.put("key", coll instanceof List && isSet(forEach) ? en.getValue() : en.getKey());
            it.put("value", en.getValue());
            Map<String, Object> element = nested(content, content.body(), scope.with(iterator, it), pointer, path,
                    out, type);
            list(out, type).add(element);
        }
    }

    private static boolean isSet(Attribute forEach) {
        return forEach.expr() instanceof Expression.FunctionCall f && f.name().equals("toset");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> out, String type) {
        Object existing = out.get(type);
        if (existing instanceof List<?> l) {
            return (List<Object>) l;
        }
        List<Object> l = new ArrayList<>();
        out.put(type, l);
        return l;
    }

    /** Where the keys of a literal object and the elements of a literal list inside an attribute were written. */
    private void locateLiteral(Expression e, Object v, String pointer) {
        if (e instanceof Expression.ObjectCons o && v instanceof Map<?, ?> m) {
            for (Expression.ObjectItem item : o.items()) {
                String k = item.keyword();
                if (k == null && item.key() instanceof Expression.Template t && t.isLiteral()) {
                    k = t.literalValue();
                }
                if (k != null && m.containsKey(k)) {
                    String p = LocationIndex.child(pointer, k);
                    locations.put(p, RootContext.location(item.key().range()));
                    locateLiteral(item.value(), m.get(k), p);
                }
            }
        } else if (e instanceof Expression.Tuple t && v instanceof List<?> l && l.size() == t.elements().size()) {
            for (int i = 0; i < l.size(); i++) {
                String p = LocationIndex.child(pointer, i);
                locations.put(p, RootContext.location(t.elements().get(i).range()));
                locateLiteral(t.elements().get(i), l.get(i), p);
            }
        }
    }

    private void record(String attribute, Set<String> found) {
        if (!found.isEmpty()) {
            refs.computeIfAbsent(attribute, k -> new LinkedHashSet<>()).addAll(found);
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
