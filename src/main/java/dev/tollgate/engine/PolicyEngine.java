package dev.tollgate.engine;

import com.jayway.jsonpath.InvalidPathException;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelKind;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelUnknownSet;
import dev.cel.runtime.CelVariableResolver;
import dev.tollgate.engine.closure.Variables;
import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.Fingerprints;
import dev.tollgate.finding.Outcome;
import dev.tollgate.finding.Redactor;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.policy.ExpressionOrigin;
import dev.tollgate.policy.Policy;
import dev.tollgate.policy.PolicyError;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.model.Format;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entry point of evaluation: policies compiled once, then judged against each resource.
 *
 * <p>Every matching policy yields, per selected element, a pass, a fail (a finding) or an error, so that evidence can
 * show what was checked and not only what failed. An error (say, a key the condition did not guard with
 * {@code has()}) is neither a pass nor a fail. Thread-safe: the compiled programs are immutable.
 */
public final class PolicyEngine {

    /** What a policy without {@code select} judges: the whole resource, its node looked up as any other. */
    private static final List<Selector.Selected> WHOLE_RESOURCE = List.of(new Selector.Selected("",
            Selector.UNRESOLVED));

    /** By the format they judge, each list in catalogue order: a resource is offered only its format's policies. */
    private final Map<Format, List<Offered>> policies = new EnumMap<>(Format.class);
    /**
     * The same lists by the kind they judge, made on the first resource of each kind: a resource was asked about each
     * of its format's policies (a set lookup each; 1.4% of a large scan's CPU samples), now it looks up its kind once.
     */
    private final Map<Format, Map<String, List<Offered>>> byKind = new EnumMap<>(Format.class);
    /** How many distinct selections the policies make: the size of a resource's {@link ResourceContext#selections}. */
    private final int selections;
    private final SecretKeyNames secretKeys = new SecretKeyNames();

    /** Kinds remembered per format, at most: a repository of generated CRDs must not grow the engine without end. */
    private static final int MAX_KINDS = 4096;

    /**
     * A policy as this engine offers it, with the index of its selection: policies that select the same elements
     * ({@code $..containers[*]}: six Kubernetes policies; {@code $..*}: both Terraform secret policies) share one walk
     * of a resource and one list, found by index rather than by hashing the paths for every policy and resource.
     */
    private record Offered(CompiledPolicy policy, int selection) {
    }

    /** What makes two policies' selections of one resource the same. */
    private record SelectionKey(List<String> paths, boolean scalarsOnly) {
    }

    private PolicyEngine(List<CompiledPolicy> policies) {
        Map<SelectionKey, Integer> slots = new HashMap<>();
        for (CompiledPolicy cp : policies) {
            int slot = cp.selector() == null ? -1 : slots.computeIfAbsent(
                    new SelectionKey(cp.policy().select(), cp.scalarsOnly()), k -> slots.size());
            this.policies.computeIfAbsent(cp.policy().format(), f -> new ArrayList<>()).add(new Offered(cp, slot));
        }
        this.policies.replaceAll((format, list) -> List.copyOf(list));
        this.policies.keySet().forEach(format -> byKind.put(format, new ConcurrentHashMap<>()));
        this.selections = slots.size();
    }

    /** The policies that judge {@code resource}: its format's, then its kind's, in catalogue order. */
    private List<Offered> offered(Resource resource) {
        Map<String, List<Offered>> kinds = byKind.get(resource.format());
        if (kinds == null) {
            return List.of();
        }
        String kind = resource.kind();
        List<Offered> known = kind == null ? null : kinds.get(kind); // a concurrent map holds no null key
        if (known != null) {
            return known;
        }
        List<Offered> judging = policies.get(resource.format()).stream()
                .filter(o -> o.policy().judgesKind(kind)).toList();
        if (kind != null && kinds.size() < MAX_KINDS) {
            kinds.putIfAbsent(kind, judging);
        }
        return judging;
    }

    /** Compiles every policy; all errors are collected and located in the policy files. */
    public static PolicyEngine compile(List<Policy> policies) throws PolicyLoadException {
        return compile(policies, true);
    }

    /**
     * @param closures whether to evaluate through closures where they cover an expression ({@code ClosureCompiler});
     *     without, everything runs on cel-java's interpreter, the reference that tests compare closures with
     */
    static PolicyEngine compile(List<Policy> policies, boolean closures) throws PolicyLoadException {
        CelEnvironment env = new CelEnvironment();
        Answers.Budget budget = new Answers.Budget();
        List<PolicyError> errors = new ArrayList<>();
        List<CompiledPolicy> compiled = new ArrayList<>();
        // Compiling is the bulk of start-up (about 1 s cold for 80 policies); the compiler is thread-safe, so use
        // every core. Results are gathered in policy order, so errors and programs do not depend on scheduling.
        record Compiled(CompiledPolicy policy, List<PolicyError> errors) {
        }
        List<Compiled> results = policies.parallelStream().map(p -> {
            List<PolicyError> own = new ArrayList<>();
            CompiledExpression condition = expression(env, p.condition(), p.origin("condition"), CelKind.BOOL,
                    closures, own);
            CompiledExpression message = p.messageExpression() == null ? null
                    : expression(env, p.messageExpression(), p.origin("messageExpression"), CelKind.STRING, closures,
                            own);
            Selector selector = null;
            if (!p.select().isEmpty()) {
                try {
                    selector = Selector.compile(p.select());
                } catch (InvalidPathException e) {
                    own.add(p.origin("select").error("invalid json-path in select: " + e.getMessage()));
                }
            }
            // Remembering answers paid off against cel-java's interpreter; against closures, building and hashing the
            // key cost more than evaluating (measured on the benchmark corpus: 15.1 s of CPU without the memos
            // against 20.6 s with, and 245 MB of RSS against 316 MB). So only what closures do not cover remembers.
            ConditionInputs inputs = condition == null || condition.hasClosure() ? null : inputs(env, p.condition());
            Answers answers = inputs == null ? null : new Answers(inputs, budget);
            return new Compiled(own.isEmpty() ? new CompiledPolicy(p, condition, message, selector, answers) : null,
                    own);
        }).toList();
        for (Compiled c : results) {
            errors.addAll(c.errors());
            if (c.policy() != null) {
                compiled.add(c.policy());
            }
        }
        if (!errors.isEmpty()) {
            throw new PolicyLoadException(errors);
        }
        return new PolicyEngine(List.copyOf(compiled));
    }

    /** What the condition's answer depends on, when that is little enough to remember answers by. */
    private static ConditionInputs inputs(CelEnvironment env, String condition) {
        try {
            return ConditionInputs.of(env.compile(condition));
        } catch (CelValidationException e) {
            return null;
        }
    }

    private static CompiledExpression expression(CelEnvironment env, String expression, ExpressionOrigin origin,
            CelKind expected, boolean closures, List<PolicyError> errors) {
        try {
            CelAbstractSyntaxTree ast = env.compile(expression);
            CelKind kind = ast.getResultType().kind();
            if (kind != expected && kind != CelKind.DYN) {
                errors.add(origin.error("expression must return " + expected.name().toLowerCase() + ", not "
                        + ast.getResultType().name()));
                return null;
            }
            return CompiledExpression.of(env, ast, closures);
        } catch (CelValidationException e) {
            for (CelIssue issue : e.getErrors()) {
                errors.add(origin.error(issue.getSourceLocation().getLine(), issue.getSourceLocation().getColumn(),
                        issue.getMessage()));
            }
            return null;
        } catch (CelEvaluationException e) {
            errors.add(origin.error("cannot build program: " + e.getMessage()));
            return null;
        }
    }

    /**
     * How much of a resource's passes to keep. A policy that selects every value of a resource ({@code $..*}) passes
     * hundreds of times per resource; a scan needs only their number, a JUnit report or the evidence export one
     * pass per policy and resource, and only tests look at each element.
     */
    public enum Passes {
        /** One pass evaluation per passing element. */
        EACH_ELEMENT,
        /** One pass evaluation per policy and resource: at the element when only one passed, else at the resource. */
        PER_RESOURCE,
        /** No pass evaluation, only the count ({@link Judgement#passes()}, counted as {@link #PER_RESOURCE} would). */
        COUNT_ONLY
    }

    /**
     * What judging one resource gave.
     *
     * @param evaluations every failure, error and unknown, and the passes the {@link Passes} mode keeps
     * @param passes how many passes there were, kept or not, counted the way the mode counts them
     */
    public record Judgement(List<Evaluation> evaluations, int passes) {
    }

    /** Judges {@code resource} against every policy that matches its format and kind, one evaluation per element. */
    public List<Evaluation> evaluate(Resource resource) {
        return judge(resource, Passes.EACH_ELEMENT).evaluations();
    }

    /** Judges {@code resource} against every policy that matches its format and kind. */
    public Judgement judge(Resource resource, Passes mode) {
        List<Evaluation> out = new ArrayList<>();
        int passes = 0;
        ResourceContext context = null;
        for (Offered offered : offered(resource)) {
            CompiledPolicy cp = offered.policy();
            if (context == null) {
                context = new ResourceContext(resource, secretKeys, selections);
            }
            List<String> types = cp.policy().selectTypes();
            List<Selector.Selected> selected = cp.selector() == null ? WHOLE_RESOURCE
                    : context.selection(cp, offered.selection());
            int passed = 0;
            Selector.Selected passedAt = null;
            for (Selector.Selected entry : selected) {
                Element element = new Element(context, entry, context.item(entry.node()));
                if (!types.isEmpty() && !types.contains(typeOf(element.item()))) {
                    continue; // not judged at all: neither a pass nor a failure
                }
                Verdict verdict = decide(cp, element);
                if (verdict.outcome() != Outcome.PASS) {
                    out.add(evaluation(cp, context, entry.pointer(), verdict.outcome(), verdict.message()));
                } else if (mode == Passes.EACH_ELEMENT) {
                    out.add(evaluation(cp, context, entry.pointer(), Outcome.PASS, cp.policy().title()));
                    passes++;
                } else if (passed++ == 0) {
                    passedAt = entry;
                }
            }
            if (passed > 0) {
                passes++;
                if (mode == Passes.PER_RESOURCE) {
                    out.add(evaluation(cp, context, passed == 1 ? passedAt.pointer() : "", Outcome.PASS,
                            cp.policy().title()));
                }
            }
        }
        return new Judgement(out, passes);
    }

    /** A condition's answer for one element, before it is located and redacted. */
    record Verdict(Outcome outcome, String message) {
    }

    private static Verdict decide(CompiledPolicy cp, Element element) {
        Answers answers = cp.answers();
        List<Object> key = answers == null || !answers.active() ? null
                : answers.key(answers.readsItem() ? element.item() : null,
                        answers.readsMeta() ? element.meta() : Map.of(), element.context.data);
        if (key == null) {
            return evaluateCondition(cp, element);
        }
        Verdict known = answers.get(key);
        if (known == null) {
            known = evaluateCondition(cp, element);
            answers.put(key, known.outcome() == Outcome.FAIL ? new Verdict(Outcome.FAIL, null) : known);
            return known;
        }
        // A failure's message may name the resource (meta): built for each finding, never remembered.
        return known.outcome() == Outcome.FAIL ? new Verdict(Outcome.FAIL, failureMessage(cp, element)) : known;
    }

    private static Verdict evaluateCondition(CompiledPolicy cp, Element element) {
        Policy p = cp.policy();
        try {
            Object result = cp.condition().eval(element, Boolean.class);
            if (result instanceof Boolean ok) {
                return ok ? new Verdict(Outcome.PASS, null) : new Verdict(Outcome.FAIL, failureMessage(cp, element));
            }
            if (result instanceof CelUnknownSet) {
                return new Verdict(Outcome.UNKNOWN, p.id() + ": depends on a value known only after apply");
            }
            return new Verdict(Outcome.ERROR, p.id() + ": condition returned " + typeName(result) + ", not a bool");
        } catch (CelEvaluationException | RuntimeException e) {
            return new Verdict(Outcome.ERROR,
                    p.id() + ": condition could not be evaluated: " + firstLine(e.getMessage()));
        }
    }

    /** Locates, redacts and fingerprints one outcome: done only for what is kept, never for a counted pass. */
    private static Evaluation evaluation(CompiledPolicy cp, ResourceContext context, String pointer, Outcome outcome,
            String message) {
        Policy p = cp.policy();
        Resource resource = context.resource;
        SourceLocation where = resource.locate(reportPointer(p, resource, pointer));
        if (outcome == Outcome.FAIL && !resource.callSites().isEmpty()) {
            // A finding inside a module is located in the module's file; say which call brought it there.
            SourceLocation call = resource.callSites().get(resource.callSites().size() - 1);
            message = message + " (module called at " + call.file() + ":" + call.line() + ")";
        }
        return new Evaluation(p.id(), p.severity(), outcome, where, resource.address(), resource.kind(),
                resource.name(), pointer, context.redact(outcome, message),
                Fingerprints.of(p.id(), where.file(), resource.address(), pointer), null, null, resource.callSites());
    }

    /**
     * What every policy sees of one resource, built once per resource and only as far as some policy asks: the data
     * converted for CEL, the resources related to it, and the redactor (failure and error messages only; a pass
     * carries the policy title).
     */
    private static final class ResourceContext {
        final Resource resource;
        final Object data;
        private final SecretKeyNames secretKeys;
        /** The {@code $..key} scans of the resource's data, shared by the policies that start with the same one. */
        final SimplePath.DeepScans deepScans = new SimplePath.DeepScans();
        /** Each selection made, by its index ({@link Offered#selection}); null until the first is made. */
        private List<Selector.Selected>[] selections;
        private final int selectionCount;
        private List<Object> related;
        private Redactor redactor;

        /** Whether the data converted for CEL differs from the parsed data in more than its leaves. */
        private final boolean reshaped;

        ResourceContext(Resource resource, SecretKeyNames secretKeys, int selectionCount) {
            this.resource = resource;
            this.secretKeys = secretKeys;
            this.selectionCount = selectionCount;
            CelValues.Conversion conversion = new CelValues.Conversion();
            this.data = conversion.convert(resource.data());
            this.reshaped = conversion.reshaped;
        }

        /**
         * The CEL value of a node the selection found in the parsed data: a scalar is converted on the spot, unless
         * the conversion reshaped the data (then its place may hold another value, say the unknown of a list); else
         * {@link Selector#UNRESOLVED}, and the element is looked up by its pointer in the converted data.
         */
        Object item(Object parsedNode) {
            if (parsedNode == Selector.UNRESOLVED || reshaped || parsedNode instanceof Map
                    || parsedNode instanceof java.util.Collection || parsedNode instanceof dev.tollgate.model.Unknown) {
                return Selector.UNRESOLVED;
            }
            return CelValues.of(parsedNode);
        }

        @SuppressWarnings("unchecked")
        List<Selector.Selected> selection(CompiledPolicy cp, int index) {
            if (selections == null) {
                selections = new List[selectionCount];
            }
            List<Selector.Selected> made = selections[index];
            if (made == null) {
                made = cp.selector().selectList(resource.data(), cp.scalarsOnly(), deepScans);
                selections[index] = made;
            }
            return made;
        }

        List<Object> related() {
            if (related == null) {
                related = PolicyEngine.related(resource);
            }
            return related;
        }

        String redact(Outcome outcome, String message) {
            if (outcome == Outcome.PASS) {
                return message;
            }
            if (redactor == null) {
                redactor = Redactor.forResource(resource, secretKeys);
            }
            return redactor.redact(message);
        }
    }

    /**
     * The CEL variables for one selected element, each computed when the expression first reads it: most conditions
     * read {@code item} and a few {@code meta} fields, and building every variable for every element was measured as
     * a tenth of evaluation time. An absent value ({@link Optional#empty()}) is unknown to cel-java, exactly as a
     * Java null in a map activation is (see {@link CelValues}).
     */
    private static final class Element implements CelVariableResolver, Variables {
        private final ResourceContext context;
        private final Selector.Selected selected;
        private Object item;
        private boolean itemFound;
        private Map<String, Object> meta;

        /** @param item the element's CEL value, or {@link Selector#UNRESOLVED} to look it up by its pointer */
        Element(ResourceContext context, Selector.Selected selected, Object item) {
            this.context = context;
            this.selected = selected;
            if (item != Selector.UNRESOLVED) {
                this.item = item;
                this.itemFound = true;
            }
        }

        @Override
        public Optional<Object> find(String name) {
            return switch (name) {
                case "resource" -> Optional.ofNullable(context.data);
                case "item" -> Optional.ofNullable(item());
                case "meta" -> Optional.of(meta());
                case "related" -> Optional.of(context.related());
                default -> Optional.empty();
            };
        }

        /** The variables by their index in {@link CelEnvironment#VARIABLES}: resource, item, meta, related. */
        @Override
        public Object get(int index) {
            return switch (index) {
                case 0 -> context.data;
                case 1 -> item();
                case 2 -> meta();
                case 3 -> context.related();
                default -> throw new IllegalArgumentException("no variable " + index);
            };
        }

        Object item() {
            if (!itemFound) {
                Object[] tokens = selected.tokens();
                item = tokens != null ? at(context.data, tokens) : at(context.data, selected.pointer());
                itemFound = true;
            }
            return item;
        }

        private Map<String, Object> meta() {
            if (meta == null) {
                meta = new ElementMeta(context.resource, selected);
            }
            return meta;
        }
    }

    private static String failureMessage(CompiledPolicy cp, Element element) {
        if (cp.message() != null) {
            try {
                Object m = cp.message().eval(element, String.class);
                if (m instanceof String s && !s.isBlank()) {
                    return s;
                }
            } catch (CelEvaluationException | RuntimeException e) {
                // Fall back to the static message: a broken message must not hide the finding.
            }
        }
        return cp.policy().message();
    }

    /** The pointer to locate a finding at: the first {@code reportAt} key the element has, else the element. */
    private static String reportPointer(Policy p, Resource resource, String pointer) {
        for (String key : p.reportAt()) {
            String candidate = dev.tollgate.model.LocationIndex.child(pointer, key);
            if (resource.locations().contains(candidate)) {
                return candidate;
            }
        }
        return pointer;
    }

    /** Resources referring to this one, as CEL maps; converted once per resource, only when a policy reads them. */
    private static List<Object> related(Resource r) {
        if (r.related().isEmpty()) {
            return List.of();
        }
        List<Object> out = new ArrayList<>();
        for (var rel : r.related()) {
            Map<String, Object> m = new HashMap<>();
            m.put("kind", rel.kind());
            m.put("name", rel.name() == null ? "" : rel.name());
            m.put("address", rel.address());
            m.put("attribute", rel.attribute() == null ? "" : rel.attribute());
            m.put("data", CelValues.of(rel.data()));
            out.add(m);
        }
        return out;
    }

    /**
     * The node at a JSON pointer within already-converted data. A Java null there means unknown (see
     * {@link CelValues}), and stays null so that the condition's answer is unknown too.
     */
    private static Object at(Object data, String pointer) {
        Object cur = data;
        int from = 1;
        while (from <= pointer.length()) {
            if (cur == null) {
                return null;
            }
            int slash = pointer.indexOf('/', from);
            int to = slash < 0 ? pointer.length() : slash;
            cur = child(cur, dev.tollgate.model.LocationIndex.unescape(pointer.substring(from, to)));
            from = to + 1;
        }
        return cur;
    }

    /**
     * As {@link #at(Object, String)} with the pointer's tokens as the selection walk found them: the same lookups,
     * without writing the pointer and parsing it back (that was 2-3% of a large scan's CPU samples).
     */
    private static Object at(Object data, Object[] tokens) {
        Object cur = data;
        for (Object t : tokens) {
            if (cur == null) {
                return null;
            }
            cur = child(cur, t instanceof String key ? key : String.valueOf(t));
        }
        return cur;
    }

    /**
     * A map's value or a list's item under {@code token}; a CEL null when there is none (and so below it too, since a
     * null has no children).
     */
    private static Object child(Object node, String token) {
        if (node instanceof Map<?, ?> m) {
            Object value = m.get(token); // one lookup; a second only for a key held with a Java null (unknown)
            return value != null || m.containsKey(token) ? value : com.google.protobuf.NullValue.NULL_VALUE;
        }
        if (node instanceof List<?> l && isIndex(token) && Integer.parseInt(token) < l.size()) {
            return l.get(Integer.parseInt(token));
        }
        return com.google.protobuf.NullValue.NULL_VALUE;
    }

    private static boolean isIndex(String token) {
        if (token.isEmpty() || token.length() > 9) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The {@link Policy#SELECT_TYPES} name of a CEL value; "unknown" for a value known only after apply. */
    private static String typeOf(Object celValue) {
        if (celValue == null) {
            return "unknown";
        }
        if (celValue instanceof String) {
            return "string";
        }
        if (celValue instanceof Long || celValue instanceof Double) {
            return "number";
        }
        if (celValue instanceof Boolean) {
            return "bool";
        }
        if (celValue instanceof Map) {
            return "map";
        }
        if (celValue instanceof List) {
            return "list";
        }
        return celValue == com.google.protobuf.NullValue.NULL_VALUE ? "null" : "other";
    }

    private static String typeName(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
