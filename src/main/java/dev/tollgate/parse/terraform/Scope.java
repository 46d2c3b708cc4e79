package dev.tollgate.parse.terraform;

import dev.tollgate.parse.terraform.hcl.Expression;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an expression is evaluated: its module, the names bound around it ({@code count}, {@code each}, for-expression
 * and {@code dynamic} iterators, splat elements) and the set collecting the resource instances it reads.
 */
final class Scope {

    private final ModuleEvaluation module;
    private final Map<String, Object> names;
    private final Map<Expression.SplatItem, Object> splats;
    private final Set<String> refs;
    /** A template of templatefile: it sees only the names bound (its vars), never the module's symbols. */
    private final boolean isolated;

    private Scope(ModuleEvaluation module, Map<String, Object> names, Map<Expression.SplatItem, Object> splats,
            Set<String> refs, boolean isolated) {
        this.module = module;
        this.names = names;
        this.splats = splats;
        this.refs = refs;
        this.isolated = isolated;
    }

    static Scope of(ModuleEvaluation module) {
        return new Scope(module, Map.of(), Map.of(), new LinkedHashSet<>(), false);
    }

    /**
     * Where templatefile evaluates a template: only {@code vars} are in scope, as in Terraform. Functions still run
     * in {@code module}, so that a file() inside the template reads from the same root.
     */
    static Scope isolated(ModuleEvaluation module, Map<String, Object> vars) {
        return new Scope(module, new HashMap<>(vars), Map.of(), new LinkedHashSet<>(), true); // values may be null
    }

    boolean isolated() {
        return isolated;
    }

    ModuleEvaluation module() {
        return module;
    }

    Set<String> refs() {
        return refs;
    }

    /** The same bindings, collecting references into a fresh set. */
    Scope freshRefs() {
        return new Scope(module, names, splats, new LinkedHashSet<>(), isolated);
    }

    Scope with(String name, Object value) {
        Map<String, Object> n = new HashMap<>(names);
        n.put(name, value);
        return new Scope(module, n, splats, refs, isolated);
    }

    Scope withSplat(Expression.SplatItem item, Object value) {
        Map<Expression.SplatItem, Object> s = new java.util.IdentityHashMap<>(splats);
        s.put(item, value);
        return new Scope(module, names, s, refs, isolated);
    }

    boolean binds(String name) {
        return names.containsKey(name);
    }

    Object bound(String name) {
        return names.get(name);
    }

    Object splat(Expression.SplatItem item) {
        return splats.get(item);
    }

    void addRefs(Set<String> more) {
        refs.addAll(more);
    }
}
