package dev.tollgate.engine;

import com.jayway.jsonpath.InvalidPathException;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelKind;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelUnknownSet;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entry point of evaluation: policies compiled once, then judged against each resource.
 *
 * <p>Every matching policy yields, per selected element, a pass, a fail (a finding) or an error, so that evidence can
 * show what was checked and not only what failed. An error (say, a key the condition did not guard with
 * {@code has()}) is neither a pass nor a fail. Thread-safe: the compiled programs are immutable.
 */
public final class PolicyEngine {

    private final List<CompiledPolicy> policies;

    private PolicyEngine(List<CompiledPolicy> policies) {
        this.policies = policies;
    }

    /** Compiles every policy; all errors are collected and located in the policy files. */
    public static PolicyEngine compile(List<Policy> policies) throws PolicyLoadException {
        CelEnvironment env = new CelEnvironment();
        List<PolicyError> errors = new ArrayList<>();
        List<CompiledPolicy> compiled = new ArrayList<>();
        // Compiling is the bulk of start-up (about 1 s cold for 80 policies); the compiler is thread-safe, so use
        // every core. Results are gathered in policy order, so errors and programs do not depend on scheduling.
        record Compiled(CompiledPolicy policy, List<PolicyError> errors) {
        }
        List<Compiled> results = policies.parallelStream().map(p -> {
            List<PolicyError> own = new ArrayList<>();
            CelRuntime.Program condition = program(env, p.condition(), p.origin("condition"), CelKind.BOOL, own);
            CelRuntime.Program message = p.messageExpression() == null ? null
                    : program(env, p.messageExpression(), p.origin("messageExpression"), CelKind.STRING, own);
            Selector selector = null;
            if (!p.select().isEmpty()) {
                try {
                    selector = Selector.compile(p.select());
                } catch (InvalidPathException e) {
                    own.add(p.origin("select").error("invalid json-path in select: " + e.getMessage()));
                }
            }
            return new Compiled(own.isEmpty() ? new CompiledPolicy(p, condition, message, selector) : null, own);
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

    private static CelRuntime.Program program(CelEnvironment env, String expression, ExpressionOrigin origin,
            CelKind expected, List<PolicyError> errors) {
        try {
            CelAbstractSyntaxTree ast = env.compile(expression);
            CelKind kind = ast.getResultType().kind();
            if (kind != expected && kind != CelKind.DYN) {
                errors.add(origin.error("expression must return " + expected.name().toLowerCase() + ", not "
                        + ast.getResultType().name()));
                return null;
            }
            return env.program(ast);
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

    /** Judges {@code resource} against every policy that matches its format and kind. */
    public List<Evaluation> evaluate(Resource resource) {
        List<Evaluation> out = new ArrayList<>();
        Object data = null;
        LazyRedactor redactor = null;
        for (CompiledPolicy cp : policies) {
            if (!cp.policy().matches(resource.format(), resource.kind())) {
                continue;
            }
            if (data == null) {
                data = CelValues.of(resource.data());
                redactor = new LazyRedactor(resource);
            }
            List<String> pointers = cp.selector() == null ? List.of("") : cp.selector().select(resource.data());
            for (String pointer : pointers) {
                out.add(judge(cp, resource, data, pointer, redactor));
            }
        }
        return out;
    }

    /** Builds the resource's redactor on first use: passes carry the policy title and need none. */
    private static final class LazyRedactor {
        private final Resource resource;
        private Redactor redactor;

        LazyRedactor(Resource resource) {
            this.resource = resource;
        }

        String redact(Outcome outcome, String message) {
            if (outcome == Outcome.PASS) {
                return message;
            }
            if (redactor == null) {
                redactor = Redactor.forResource(resource);
            }
            return redactor.redact(message);
        }
    }

    private Evaluation judge(CompiledPolicy cp, Resource resource, Object data, String pointer, LazyRedactor redactor) {
        Policy p = cp.policy();
        Map<String, Object> vars = new HashMap<>();
        vars.put("resource", data);
        vars.put("item", at(data, pointer));
        vars.put("meta", meta(resource, pointer));
        vars.put("related", related(resource));
        Outcome outcome;
        String message;
        try {
            Object result = cp.condition().eval(vars);
            if (result instanceof Boolean ok) {
                outcome = ok ? Outcome.PASS : Outcome.FAIL;
                message = ok ? p.title() : failureMessage(cp, vars);
            } else if (result instanceof CelUnknownSet) {
                outcome = Outcome.UNKNOWN;
                message = p.id() + ": depends on a value known only after apply";
            } else {
                outcome = Outcome.ERROR;
                message = p.id() + ": condition returned " + typeName(result) + ", not a bool";
            }
        } catch (CelEvaluationException | RuntimeException e) {
            outcome = Outcome.ERROR;
            message = p.id() + ": condition could not be evaluated: " + firstLine(e.getMessage());
        }
        SourceLocation where = resource.locate(reportPointer(p, resource, pointer));
        if (outcome == Outcome.FAIL && !resource.callSites().isEmpty()) {
            // A finding inside a module is located in the module's file; say which call brought it there.
            SourceLocation call = resource.callSites().get(resource.callSites().size() - 1);
            message = message + " (module called at " + call.file() + ":" + call.line() + ")";
        }
        return new Evaluation(p.id(), p.severity(), outcome, where, resource.address(), resource.kind(),
                resource.name(), pointer, redactor.redact(outcome, message),
                Fingerprints.of(p.id(), where.file(), resource.address(), pointer), null, null, resource.callSites());
    }

    private static String failureMessage(CompiledPolicy cp, Map<String, Object> vars) {
        if (cp.message() != null) {
            try {
                Object m = cp.message().eval(vars);
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
            String candidate = pointer + "/" + dev.tollgate.model.LocationIndex.escape(key);
            if (resource.locations().byPointer().containsKey(candidate)) {
                return candidate;
            }
        }
        return pointer;
    }

    /** Resources referring to this one, as CEL maps; converted per evaluation only when there are any. */
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
     * What the policy sees about the resource and the selected element: besides the resource's identity, the JSON
     * pointer of the element and its key (the last pointer token, e.g. the variable name for {@code $[*]} over an env
     * file; "" for the whole resource), since a selected value alone does not say which variable it came from.
     */
    private static Map<String, Object> meta(Resource r, String pointer) {
        Map<String, Object> m = new HashMap<>();
        m.put("pointer", pointer);
        m.put("key", pointer.isEmpty() ? ""
                : pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~"));
        m.put("format", r.format().id());
        m.put("kind", r.kind());
        m.put("name", r.name());
        m.put("address", r.address());
        m.put("file", r.location().file());
        return m;
    }

    /**
     * The node at a JSON pointer within already-converted data. A Java null there means unknown (see
     * {@link CelValues}), and stays null so that the condition's answer is unknown too.
     */
    private static Object at(Object data, String pointer) {
        Object cur = data;
        if (pointer.isEmpty()) {
            return cur;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            if (cur == null) {
                return null;
            }
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (cur instanceof Map<?, ?> m && m.containsKey(token)) {
                cur = m.get(token);
            } else if (cur instanceof List<?> l && token.chars().allMatch(Character::isDigit)
                    && Integer.parseInt(token) < l.size()) {
                cur = l.get(Integer.parseInt(token));
            } else {
                return com.google.protobuf.NullValue.NULL_VALUE;
            }
        }
        return cur;
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
