package dev.tollgate.report.json;

import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.Outcome;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.finding.ScannedFile;
import dev.tollgate.model.Problem;
import dev.tollgate.policy.Policy;
import dev.tollgate.policy.Severity;
import dev.tollgate.report.ParallelArray;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON report's document, field for field as documented in {@code docs/json-schema.md}. Records serialize in
 * component order, so the order here is the order on the wire. Every key is always present (null when a value is
 * unknown) so consumers never need to test for a missing key. Changing a name or a meaning here is a breaking change:
 * bump {@link #SCHEMA_VERSION} and the document.
 */
public record JsonReport(
        int schemaVersion,
        Tool tool,
        Summary summary,
        List<Finding> findings,
        List<SuppressedFinding> suppressed,
        List<PolicyError> errors,
        List<PolicyError> unknown,
        Baseline baseline,
        List<ProblemEntry> problems,
        List<FileEntry> files) {

    public static final int SCHEMA_VERSION = 1;
    static final String TOOL_NAME = "Tollgate";

    public record Tool(String name, String version) {
    }

    public record Summary(int files, int resources, long findings, BySeverity bySeverity, long passes,
            long suppressed, long unknown, long errors, int problems) {
    }

    /** A failing evaluation accepted by a suppression: not a finding, listed with why. */
    public record SuppressedFinding(Finding finding, SuppressionEntry suppression) {
    }

    /** {@code source}: comment, annotation or config; {@code until}: ISO date or null. */
    public record SuppressionEntry(String source, String reason, String until, String file, int line) {
    }

    /** What comparing with {@code --baseline} gave; null in the document when there was no baseline. */
    public record Baseline(String file, int matched, List<BaselineEntry> fixed) {
    }

    public record BaselineEntry(String fingerprint, String policy, String file, String resource, String pointer) {
    }

    public record BySeverity(long critical, long high, long medium, long low) {
    }

    public record Finding(
            String policy,
            String title,
            String severity,
            List<String> checklist,
            String file,
            int line,
            int column,
            Resource resource,
            String pointer,
            String message,
            String fingerprint,
            List<Place> calledFrom) {
    }

    public record Resource(String address, String kind, String name) {
    }

    /** A place in a file: for Terraform module call sites, outermost first. */
    public record Place(String file, int line) {
    }

    /** A policy that could not be evaluated on a resource (outcome ERROR): neither a pass nor a finding. */
    public record PolicyError(
            String policy, String file, int line, int column, Resource resource, String pointer, String message) {
    }

    public record ProblemEntry(String file, int line, int column, String kind, String message) {
    }

    public record FileEntry(String path, String format, int resources) {
    }

    /**
     * The document for {@code report}; every list in a fixed order, so the same report gives the same bytes. Its
     * findings are a {@link ParallelArray}: each record is made when it is read (written), not held.
     */
    public static JsonReport of(ScanReport report) {
        List<Evaluation> evaluations = Evaluation.inReportOrder(report.evaluations());
        Map<String, Policy> policies = report.policiesById();
        Lists lists = new Lists(policies);
        for (Evaluation e : evaluations) {
            lists.add(e);
        }
        List<Evaluation> findings = lists.findings;
        List<SuppressedFinding> suppressed = lists.suppressed;
        List<PolicyError> errors = lists.errors;
        List<Evaluation> unknown = lists.unknown;
        Baseline baseline = report.baseline() == null ? null : new Baseline(report.baseline().file(),
                report.baseline().matched(), report.baseline().fixed().stream()
                        .map(b -> new BaselineEntry(b.fingerprint(), b.policy(), b.file(), b.resource(), b.pointer()))
                        .toList());
        List<ProblemEntry> problems = report.problems().stream().sorted()
                .map(p -> new ProblemEntry(p.file(), p.line(), p.column(), lower(p.kind()), p.message()))
                .toList();
        // The other long lists (a large repository has tens of thousands of files, and thousands of values known only
        // after apply) are written in parallel too, and their entries made as they are written.
        List<ScannedFile> files = report.files().stream().sorted(Comparator.comparing(ScannedFile::path)).toList();
        Summary summary = new Summary(
                files.size(),
                files.stream().mapToInt(ScannedFile::resources).sum(),
                findings.size(),
                new BySeverity(lists.count(Severity.CRITICAL), lists.count(Severity.HIGH),
                        lists.count(Severity.MEDIUM), lists.count(Severity.LOW)),
                report.count(Outcome.PASS),
                suppressed.size(),
                unknown.size(),
                errors.size(),
                problems.size());
        return new JsonReport(SCHEMA_VERSION, new Tool(TOOL_NAME, report.toolVersion()), summary,
                ParallelArray.of(findings, e -> finding(e, policies.get(e.policyId()))), List.copyOf(suppressed),
                List.copyOf(errors), ParallelArray.of(unknown, JsonReport::policyError), baseline, problems,
                ParallelArray.of(files, f -> new FileEntry(f.path(), f.format(), f.resources())));
    }

    /**
     * One pass sorts every evaluation into its list (a finding, a suppressed failure, an error or an unknown are
     * mutually exclusive) and counts findings by severity, as report.findingsBySeverity() would count them. Findings
     * are the long list: their records are made as they are written, in parallel (ParallelArray).
     *
     * <p>A method called per evaluation rather than the body of one loop: the loop runs once a scan, so the JVM would
     * interpret it for tens of thousands of evaluations before compiling it, while a method called that often is
     * compiled within a few hundred calls.
     */
    private static final class Lists {
        final Map<String, Policy> policies;
        final List<Evaluation> findings = new ArrayList<>();
        final List<SuppressedFinding> suppressed = new ArrayList<>();
        final List<PolicyError> errors = new ArrayList<>();
        final List<Evaluation> unknown = new ArrayList<>();
        private final long[] bySeverity = new long[Severity.values().length];

        Lists(Map<String, Policy> policies) {
            this.policies = policies;
        }

        void add(Evaluation e) {
            if (e.isFinding()) {
                policy(policies, e.policyId()); // an unknown policy fails here, not halfway through writing
                findings.add(e);
                bySeverity[e.severity().ordinal()]++;
            } else if (e.isSuppressed()) {
                suppressed.add(new SuppressedFinding(finding(e, policy(policies, e.policyId())), new SuppressionEntry(
                        lower(e.suppression().source()), e.suppression().reason(),
                        e.suppression().until() == null ? null : e.suppression().until().toString(),
                        e.suppression().where().file(), e.suppression().where().line())));
            } else if (e.outcome() == Outcome.ERROR) {
                errors.add(policyError(e));
            } else if (e.outcome() == Outcome.UNKNOWN) {
                unknown.add(e);
            }
        }

        long count(Severity severity) {
            return bySeverity[severity.ordinal()];
        }
    }

    private static Finding finding(Evaluation e, Policy policy) {
        return new Finding(e.policyId(), policy.title(), e.severity().id(), policy.checklist(),
                e.location().file(), e.location().line(), e.location().column(),
                resource(e), e.pointer(), e.message(), e.fingerprint(),
                e.callSites().stream().map(c -> new Place(c.file(), c.line())).toList());
    }

    /** As {@link ScanReport#policy}, from the report's policies by id. */
    private static Policy policy(Map<String, Policy> policies, String id) {
        Policy p = policies.get(id);
        if (p == null) {
            throw new IllegalArgumentException("no policy " + id);
        }
        return p;
    }

    private static PolicyError policyError(Evaluation e) {
        return new PolicyError(e.policyId(), e.location().file(), e.location().line(), e.location().column(),
                resource(e), e.pointer(), e.message());
    }

    private static Resource resource(Evaluation e) {
        return new Resource(e.resourceAddress(), e.resourceKind(), e.resourceName());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
