package dev.tollgate.suppress;

import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.Outcome;
import dev.tollgate.finding.Suppression;
import dev.tollgate.model.Problem;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceLocation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entry point of suppression: decides which failures are accepted, from {@code tollgate:ignore} comments, the
 * Kubernetes annotation {@code tollgate.dev/ignore}, and the configuration file's rules.
 *
 * <p>A comment suppresses a finding on its own line or on the line below it; written on (or directly above) the
 * first line of a resource, it covers the whole resource. A reason is required: a directive without one suppresses
 * nothing and is reported. Past its {@code until} date a directive no longer suppresses, and the finding says so.
 * The configuration can forbid inline suppression of chosen policies; such directives are reported and ignored.
 */
public final class Suppressor {

    static final String ANNOTATION = "tollgate.dev/ignore";

    private final List<SuppressionRule> rules;
    private final Set<String> forbidInline;
    private final LocalDate today;

    public Suppressor(List<SuppressionRule> rules, Set<String> forbidInline, LocalDate today) {
        this.rules = List.copyOf(rules);
        this.forbidInline = Set.copyOf(forbidInline);
        this.today = today;
    }

    /** A suppressor with no configuration rules. */
    public static Suppressor inlineOnly(LocalDate today) {
        return new Suppressor(List.of(), Set.of(), today);
    }

    /** What applying suppressions to one file gave. */
    public record Applied(List<Evaluation> evaluations, List<Problem> problems) {
    }

    /** The directives of one file, read once; problems for malformed ones. */
    public FileDirectives read(String text, String file) {
        DirectiveParser.Parsed parsed = DirectiveParser.comments(text, file);
        return new FileDirectives(text, parsed.directives(), parsed.problems());
    }

    /**
     * Applies every suppression to the evaluations of {@code resource}.
     *
     * @param directives the comment directives of the file the resource is in
     */
    public Applied apply(Resource resource, List<Evaluation> evaluations, FileDirectives directives) {
        List<Problem> problems = new ArrayList<>();
        List<Directive> resourceLevel = new ArrayList<>(directives.coveringLine(resource.location().line()));
        resourceLevel.addAll(annotationDirectives(resource, problems));
        List<Evaluation> out = new ArrayList<>(evaluations.size());
        for (Evaluation e : evaluations) {
            out.add(e.outcome() == Outcome.FAIL ? suppress(e, resource, directives, resourceLevel, problems) : e);
        }
        return new Applied(out, problems);
    }

    private Evaluation suppress(Evaluation e, Resource resource, FileDirectives directives,
            List<Directive> resourceLevel, List<Problem> problems) {
        List<Directive> candidates = new ArrayList<>();
        if (e.location().file().equals(resource.location().file())) {
            candidates.addAll(directives.coveringLine(e.location().line()));
        }
        candidates.addAll(resourceLevel);
        String expiredNote = null;
        for (Directive d : candidates) {
            if (!d.names(e.policyId())) {
                continue;
            }
            if (forbidInline.contains(e.policyId())) {
                problems.add(Problem.at(d.where(), Problem.Kind.SUPPRESSION, "inline suppression of "
                        + e.policyId() + " is not allowed by the configuration; the finding stands"));
                continue;
            }
            if (d.reason().isEmpty()) {
                problems.add(Problem.at(d.where(), Problem.Kind.SUPPRESSION, DirectiveParser.KEYWORD + " "
                        + e.policyId() + " has no reason; a reason is required, so the finding stands"));
                continue;
            }
            if (d.until() != null && d.until().isBefore(today)) {
                expiredNote = " (suppression expired on " + d.until() + ": " + d.reason() + ")";
                continue;
            }
            Suppression.Source source = d.where().file().equals(resource.location().file())
                    && directives.isComment(d) ? Suppression.Source.COMMENT : Suppression.Source.ANNOTATION;
            return e.withSuppression(new Suppression(source, d.reason(), d.until(), d.where()));
        }
        for (SuppressionRule rule : rules) {
            if (rule.matches(e.policyId(), e.location().file(), e.resourceAddress())) {
                if (rule.until() != null && rule.until().isBefore(today)) {
                    expiredNote = " (suppression expired on " + rule.until() + ": " + rule.reason() + ")";
                    continue;
                }
                return e.withSuppression(new Suppression(Suppression.Source.CONFIG, rule.reason(), rule.until(),
                        rule.where()));
            }
        }
        return expiredNote == null ? e : e.withMessage(e.message() + expiredNote);
    }

    private static List<Directive> annotationDirectives(Resource resource, List<Problem> problems) {
        if (!(resource.data().get("metadata") instanceof Map<?, ?> metadata)
                || !(metadata.get("annotations") instanceof Map<?, ?> annotations)
                || !(annotations.get(ANNOTATION) instanceof String value)) {
            return List.of();
        }
        SourceLocation where = resource.locate("/metadata/annotations/" + ANNOTATION.replace("/", "~1"));
        DirectiveParser.Parsed parsed = DirectiveParser.annotation(value, where);
        problems.addAll(parsed.problems());
        return parsed.directives();
    }
}
