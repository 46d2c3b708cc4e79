package dev.tollgate.parse.terraform;

import dev.tollgate.model.Problem;
import dev.tollgate.model.Unknown;
import dev.tollgate.parse.terraform.hcl.Attribute;
import dev.tollgate.parse.terraform.hcl.Block;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The instances of a {@code resource} or {@code module} block: one without {@code count}/{@code for_each}, else one
 * per index or key. When the count or the keys are known only after apply, one instance stands for all of them,
 * named {@code [*]}, with {@code count.index}/{@code each.*} unknown: its attributes are still judged where they do
 * not depend on the instance.
 */
record Expansion(Mode mode, List<Item> items) {

    enum Mode { SINGLE, COUNT, FOR_EACH, UNKNOWN }

    /**
     * One instance.
     *
     * @param key a Long index, a String key, or null (single or unknown)
     * @param suffix {@code ""}, {@code [0]}, {@code ["web"]} or {@code [*]}
     * @param names {@code count} or {@code each} as bound in the instance's body
     */
    record Item(Object key, String suffix, Map<String, Object> names) {

        Scope bind(Scope s) {
            Scope out = s;
            for (Map.Entry<String, Object> e : names.entrySet()) {
                out = out.with(e.getKey(), e.getValue());
            }
            return out;
        }
    }

    /**
     * The most instances of one {@code resource} or {@code module} block expanded one by one (see {@link #admitted}).
     */
    static final int MAX_BLOCK_INSTANCES = 10_000;

    static Expansion of(Block b, Scope scope, RootContext ctx) {
        Attribute count = b.body().attribute("count").orElse(null);
        Attribute forEach = b.body().attribute("for_each").orElse(null);
        if (count != null) {
            Object n = ctx.evaluate(count.expr(), scope);
            if (n == null || Values.isUnknown(n)) {
                return unknown("count", new Unknown(count.expr().raw()));
            }
            int c;
            try {
                c = Values.number(n).intValueExact();
            } catch (EvalException | ArithmeticException e) {
                ctx.problem(count.expr().range(), Problem.Kind.PARSE_ERROR, "count must be a whole number");
                return unknown("count", new Unknown(count.expr().raw()));
            }
            if (!admitted(c, count, ctx)) {
                return unknown("count", new Unknown(count.expr().raw()));
            }
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < c; i++) {
                items.add(new Item((long) i, "[" + i + "]", Map.of("count", Map.of("index", BigDecimal.valueOf(i)))));
            }
            return new Expansion(Mode.COUNT, items);
        }
        if (forEach != null) {
            Object v = ctx.evaluate(forEach.expr(), scope);
            if (Values.deepKeysUnknown(v)) {
                return unknown("each", new Unknown(forEach.expr().raw()));
            }
            Map<String, Object> byKey = new LinkedHashMap<>();
            if (v instanceof Map<?, ?> m) {
                new java.util.TreeMap<>(m).forEach((k, x) -> byKey.put(String.valueOf(k), x));
            } else if (v instanceof List<?> l) {
                // A set of strings (toset(...)); a plain list Terraform would reject, we read it the same way.
                for (Object x : Functions.toSet(Values.list(l), true)) {
                    if (!(x instanceof String s)) {
                        ctx.problem(forEach.expr().range(), Problem.Kind.PARSE_ERROR,
                                "for_each over a set needs strings, found " + Values.typeName(x));
                        return unknown("each", new Unknown(forEach.expr().raw()));
                    }
                    byKey.put(s, s);
                }
            } else {
                ctx.problem(forEach.expr().range(), Problem.Kind.PARSE_ERROR,
                        "for_each needs a map or a set of strings, not " + Values.typeName(v));
                return unknown("each", new Unknown(forEach.expr().raw()));
            }
            if (!admitted(byKey.size(), forEach, ctx)) {
                return unknown("each", new Unknown(forEach.expr().raw()));
            }
            List<Item> items = new ArrayList<>();
            byKey.forEach((k, x) -> {
                Map<String, Object> each = new LinkedHashMap<>();
                each.put("key", k);
                each.put("value", x);
                items.add(new Item(k, "[\"" + k.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]",
                        Map.of("each", each)));
            });
            return new Expansion(Mode.FOR_EACH, items);
        }
        ctx.admitInstances(1); // counted, never refused: one instance is what [*] would give anyway
        return new Expansion(Mode.SINGLE, List.of(new Item(null, "", Map.of())));
    }

    /**
     * Whether {@code n} instances of one block are expanded one by one. Terraform would create them all, but a scan
     * has to finish in bounded memory: past {@link #MAX_BLOCK_INSTANCES} for one block, or past the root's
     * {@link RootContext#MAX_ROOT_INSTANCES} (modules calling modules with {@code count} multiply: 4 instances per
     * level over 8 levels is 65,536 module instances, which ran a 6 GB heap out after 4 minutes), the block is judged
     * once, as {@code [*]} with {@code count.index} or {@code each} unknown, and the problem says so at the argument.
     */
    private static boolean admitted(int n, Attribute argument, RootContext ctx) {
        String why = n > MAX_BLOCK_INSTANCES ? "more than " + MAX_BLOCK_INSTANCES + " instances of one block"
                : !ctx.admitInstances(n) ? "more than " + RootContext.MAX_ROOT_INSTANCES
                        + " resource and module instances in this root" : null;
        if (why == null) {
            return true;
        }
        ctx.problem(argument.expr().range(), Problem.Kind.NOT_SCANNED, argument.name() + " gives " + n
                + " instances, " + why + ": judged once, as [*], for all of them");
        return false;
    }

    private static Expansion unknown(String name, Unknown u) {
        Map<String, Object> names = name.equals("count") ? Map.of("count", Map.of("index", u))
                : Map.of("each", Map.of("key", u, "value", u));
        return new Expansion(Mode.UNKNOWN, List.of(new Item(null, "[*]", names)));
    }
}
