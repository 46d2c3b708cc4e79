package dev.tollgate.report.sarif;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.LogicalLocation;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.ReportingDescriptorReference;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.RunAutomationDetails;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import dev.tollgate.finding.BaselineState;
import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.Outcome;
import dev.tollgate.finding.Suppression;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.model.Problem;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.policy.ChecklistItem;
import dev.tollgate.policy.Policy;
import dev.tollgate.report.ParallelArray;
import dev.tollgate.report.UriReference;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the SARIF log for one scan report: one run, one rule per policy (sorted by id), one result per finding, and
 * the problems (files not understood, policy errors) as tool execution notifications. Nothing machine- or time-specific
 * goes in (no timestamps, no absolute paths, no working directory), so the same report always gives the same log.
 */
final class SarifLogBuilder {

    static final URI SCHEMA = URI.create("https://json.schemastore.org/sarif-2.1.0.json");
    static final URI INFORMATION_URI = URI.create("https://github.com/tollgate-dev/tollgate");
    static final String TOOL_NAME = "Tollgate";
    /**
     * GitHub's alert identity includes the category, everything before the last {@code /}. A fixed category keeps
     * alerts matched across runs; the trailing slash leaves the run id empty, as GitHub's docs recommend.
     */
    static final String AUTOMATION_ID = "tollgate/";

    private SarifLogBuilder() {
    }

    /** Results per run above which GitHub rejects the whole upload (its documented SARIF limits). */
    static final int GITHUB_MAX_RESULTS = 25_000;

    static SarifSchema210 build(ScanReport report) {
        return build(report, false, false);
    }

    /**
     * The log, with one result per failure (suppressed ones only when {@code includeSuppressed}) and, when
     * {@code includePasses}, one {@code kind: pass} result (level {@code none}, as SARIF requires of any kind but
     * fail) per passing evaluation: audit evidence shows what was checked and held, not only what broke.
     *
     * @param includeSuppressed whether suppressed findings become results carrying {@code suppressions}; off by
     *     default because GitHub ignores {@code suppressions} and would show them as open alerts
     */
    static SarifSchema210 build(ScanReport report, boolean includeSuppressed, boolean includePasses) {
        return build(report, includeSuppressed, includePasses, "");
    }

    /**
     * As {@link #build(ScanReport, boolean, boolean)}, each artifact URI starting with {@code directory}: GitHub
     * resolves a URI from the repository root and ignores {@code uriBaseId} (codeql-action#2215), while reports show
     * paths relative to the scan root, so a scan of {@code infra} from the repository root must say
     * {@code infra/main.tf}.
     */
    static SarifSchema210 build(ScanReport report, boolean includeSuppressed, boolean includePasses,
            String directory) {
        List<Policy> policies = report.policies().stream().sorted(Comparator.comparing(Policy::id)).toList();
        Map<String, Integer> ruleIndex = new HashMap<>();
        // A Set in the model: insertion order is rule order, which is what ruleIndex points into.
        Set<ReportingDescriptor> rules = new LinkedHashSet<>();
        RuleDescriptors descriptors = new RuleDescriptors(checklistById(report.checklist()));
        for (Policy policy : policies) {
            ruleIndex.put(policy.id(), rules.size());
            rules.add(descriptors.describe(policy));
        }

        // With a baseline, known findings stay results (marked unchanged): dropping them would close their alerts.
        List<Evaluation> shown = new ArrayList<>();
        report.evaluations().stream().filter(e -> isFailureResult(e, includeSuppressed)).forEach(shown::add);
        if (includePasses) {
            report.evaluations().stream().filter(e -> e.outcome() == Outcome.PASS).forEach(shown::add);
        }
        // Failures alone, picked in order from a report in order, are in order; passes appended after them are not.
        if (includePasses || !Evaluation.isInReportOrder(report.evaluations())) {
            shown = Evaluation.inReportOrder(shown);
        }
        // GitHub rejects a whole upload whose run holds more results than it accepts. Audit evidence (with passes)
        // is a record to keep, not to upload, so it is never cut.
        int leftOut = includePasses ? 0 : Math.max(0, shown.size() - GITHUB_MAX_RESULTS);
        if (leftOut > 0) {
            shown = mostSevere(shown, GITHUB_MAX_RESULTS);
        }
        for (Evaluation e : shown) {
            ruleIndex(ruleIndex, e); // a result of an unknown policy fails here, not halfway through writing
        }
        // The long list: each result (a dozen objects) is made as it is written, in parallel (ParallelArray).
        List<Result> results = ParallelArray.of(shown, e -> result(e, ruleIndex(ruleIndex, e), report, directory));

        ToolComponent driver = new ToolComponent()
                .withName(TOOL_NAME)
                .withSemanticVersion(report.toolVersion())
                .withInformationUri(INFORMATION_URI)
                .withRules(rules);

        Run run = new Run()
                .withTool(new Tool().withDriver(driver))
                .withAutomationDetails(new RunAutomationDetails().withId(AUTOMATION_ID))
                // Our columns come from the YAML parser, which counts Unicode code points.
                .withColumnKind(Run.ColumnKind.UNICODE_CODE_POINTS)
                .withResults(results)
                .withInvocations(List.of(invocation(report.problems(), unknowns(report, directory), leftOut,
                        directory)));

        return new SarifSchema210()
                .with$schema(SCHEMA)
                .withVersion(SarifSchema210.Version._2_1_0)
                .withRuns(List.of(run));
    }

    private static Map<String, ChecklistItem> checklistById(List<ChecklistItem> items) {
        Map<String, ChecklistItem> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(item.id(), item));
        return byId;
    }

    private static int ruleIndex(Map<String, Integer> ruleIndex, Evaluation finding) {
        Integer index = ruleIndex.get(finding.policyId());
        if (index == null) {
            throw new IllegalArgumentException(
                    "finding of policy " + finding.policyId() + " which is not in the report");
        }
        return index;
    }

    private static Result result(Evaluation finding, int index, ScanReport report, String directory) {
        // GitHub rejects an empty message.text; the policy title is the best generic stand-in.
        String message = finding.message().isBlank() ? report.policy(finding.policyId()).title() : finding.message();
        SourceLocation at = finding.location();
        Location location = location(directory, at.file(), at.line(), at.column())
                .withLogicalLocations(new LinkedHashSet<>(List.of(resource(finding))));
        PartialFingerprints fingerprints = new PartialFingerprints();
        fingerprints.setAdditionalProperty("primaryLocationLineHash", finding.fingerprint());
        boolean pass = finding.outcome() == Outcome.PASS;
        Result result = new Result()
                .withRuleId(finding.policyId())
                .withRuleIndex(index)
                .withKind(pass ? Result.Kind.PASS : Result.Kind.FAIL)
                // Always explicit: a medium finding under any rule must read as a warning (see SarifJson).
                .withLevel(pass ? Result.Level.NONE : SarifSeverity.of(finding.severity()).resultLevel())
                .withMessage(new Message().withText(message))
                .withLocations(List.of(location))
                .withPartialFingerprints(fingerprints);
        if (!finding.callSites().isEmpty()) {
            // The module blocks that instantiate the resource: GitHub links them from the alert.
            Set<Location> calls = new LinkedHashSet<>();
            int id = 0;
            for (var call : finding.callSites()) {
                Location l = location(directory, call.file(), call.line(), call.column()).withId(id++);
                l.setMessage(new Message().withText("module call"));
                calls.add(l);
            }
            result.setRelatedLocations(calls);
        }
        if (finding.baseline() != null) {
            result.setBaselineState(finding.baseline() == BaselineState.NEW
                    ? Result.BaselineState.NEW : Result.BaselineState.UNCHANGED);
        }
        if (finding.suppression() != null) {
            Suppression s = finding.suppression();
            result.setSuppressions(new LinkedHashSet<>(List.of(new com.contrastsecurity.sarif.Suppression()
                    .withKind(s.inSource() ? com.contrastsecurity.sarif.Suppression.Kind.IN_SOURCE
                            : com.contrastsecurity.sarif.Suppression.Kind.EXTERNAL)
                    .withStatus(com.contrastsecurity.sarif.Suppression.Status.ACCEPTED)
                    .withJustification(s.reason() + (s.until() == null ? "" : " (until " + s.until() + ")"))
                    .withLocation(location(directory, s.where().file(), s.where().line(), s.where().column())))));
        }
        if (!finding.pointer().isEmpty()) {
            PropertyBag properties = new PropertyBag();
            properties.setAdditionalProperty("pointer", finding.pointer());
            result.setProperties(properties);
        }
        return result;
    }

    /** The resource as a logical location: its address is what survives edits, its name what people recognise. */
    private static LogicalLocation resource(Evaluation finding) {
        LogicalLocation resource = new LogicalLocation()
                .withFullyQualifiedName(finding.resourceAddress())
                .withKind("resource");
        String name = finding.resourceName() == null || finding.resourceName().isBlank()
                ? finding.resourceAddress() : finding.resourceName();
        resource.setName(name);
        if (finding.resourceKind() != null && !finding.resourceKind().isBlank()) {
            PropertyBag properties = new PropertyBag();
            properties.setAdditionalProperty("resourceKind", finding.resourceKind());
            resource.setProperties(properties);
        }
        return resource;
    }

    /** A location in {@code file}; {@code line} 0 means the whole file, which gets no region. */
    private static Location location(String directory, String file, int line, int column) {
        PhysicalLocation physical = new PhysicalLocation().withArtifactLocation(new ArtifactLocation()
                .withUri(UriReference.of(directory.isEmpty() ? file : directory + "/" + file)));
        if (line > 0) {
            Region region = new Region().withStartLine(line);
            if (column > 0) {
                region.setStartColumn(column);
            }
            physical.setRegion(region);
        }
        return new Location().withPhysicalLocation(physical);
    }

    /**
     * Evaluations whose answer depends on values known only after apply: shown as note-level notifications, which
     * GitHub does not turn into alerts, so they are counted and visible without being false alarms.
     */
    private static List<Notification> unknowns(ScanReport report, String directory) {
        List<Notification> out = new ArrayList<>();
        report.evaluations().stream().filter(e -> e.outcome() == Outcome.UNKNOWN).sorted(Evaluation.REPORT_ORDER)
                .forEach(e -> out.add(new Notification()
                        .withLevel(Notification.Level.NOTE)
                        .withMessage(new Message().withText(e.policyId() + " on " + e.resourceAddress()
                                + ": unknown, depends on a value known only after apply"))
                        .withDescriptor(new ReportingDescriptorReference().withId("unknown"))
                        .withLocations(new LinkedHashSet<>(List.of(location(directory, e.location().file(),
                                e.location().line(), e.location().column()))))));
        return out;
    }

    /**
     * The findings a run keeps when there are more than GitHub accepts: the {@code max} most severe, the first in
     * report order among equals (so the same scan always keeps the same ones), in report order.
     */
    static List<Evaluation> mostSevere(List<Evaluation> findings, int max) {
        Integer[] byRank = new Integer[findings.size()];
        for (int i = 0; i < byRank.length; i++) {
            byRank[i] = i;
        }
        Arrays.sort(byRank, Comparator.comparingInt((Integer i) -> findings.get(i).severity().ordinal())
                .thenComparingInt(i -> i));
        int[] kept = new int[max];
        for (int i = 0; i < max; i++) {
            kept[i] = byRank[i];
        }
        Arrays.sort(kept);
        List<Evaluation> out = new ArrayList<>(max);
        for (int i : kept) {
            out.add(findings.get(i));
        }
        return out;
    }

    /**
     * How many findings {@link #build} leaves out of a log for GitHub (none unless there are more than
     * {@value #GITHUB_MAX_RESULTS}), for the command line to say so.
     */
    static int resultsLeftOut(ScanReport report, boolean includeSuppressed) {
        long failures = report.evaluations().stream().filter(e -> isFailureResult(e, includeSuppressed)).count();
        return (int) Math.max(0, failures - GITHUB_MAX_RESULTS);
    }

    /** Whether {@code e} becomes a failure result: a failure, unless suppressed and suppressed ones are left out. */
    private static boolean isFailureResult(Evaluation e, boolean includeSuppressed) {
        return e.outcome() == Outcome.FAIL && (e.suppression() == null || includeSuppressed);
    }

    /** Problems never stop a scan, so the execution still succeeded; each problem is a notification. */
    private static Invocation invocation(List<Problem> problems, List<Notification> unknowns, int leftOut,
            String directory) {
        List<Notification> notifications = new ArrayList<>();
        if (leftOut > 0) {
            notifications.add(new Notification()
                    .withLevel(Notification.Level.WARNING)
                    .withMessage(new Message().withText(String.format(Locale.ROOT,
                            "%,d of %,d findings left out of this log: GitHub code scanning rejects a run with "
                                    + "more than %,d results, so the %,d most severe are here. The JSON and text "
                                    + "reports list every finding.", leftOut, leftOut + GITHUB_MAX_RESULTS,
                            GITHUB_MAX_RESULTS, GITHUB_MAX_RESULTS)))
                    .withDescriptor(new ReportingDescriptorReference().withId("results_left_out")));
        }
        problems.stream().sorted().forEach(problem -> notifications.add(notification(problem, directory)));
        notifications.addAll(unknowns);
        return new Invocation()
                .withExecutionSuccessful(true)
                .withToolExecutionNotifications(notifications);
    }

    private static Notification notification(Problem problem, String directory) {
        return new Notification()
                .withLevel(ProblemKinds.level(problem.kind()))
                .withMessage(new Message().withText(problem.message()))
                .withDescriptor(new ReportingDescriptorReference()
                        .withId(ProblemKinds.id(problem.kind())))
                .withLocations(new LinkedHashSet<>(List.of(location(directory, problem.file(), problem.line(),
                        problem.column()))));
    }
}
