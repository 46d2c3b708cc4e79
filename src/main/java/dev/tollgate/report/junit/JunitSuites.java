package dev.tollgate.report.junit;

import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.Outcome;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.model.Problem;
import dev.tollgate.policy.Policy;
import dev.tollgate.report.ScanSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scan report as JUnit test suites: one suite per policy (sorted by id, including policies that judged nothing), one
 * test case per (policy, resource) holding an {@code <error>} per ERROR evaluation and a {@code <failure>} per failing
 * one, and a last suite {@value #PROBLEMS} for the files not understood. Policy errors are left out of that suite:
 * they are already the {@code <error>}s of their policy's suite, and counting them twice would inflate the totals.
 */
final class JunitSuites {

    static final String PROBLEMS = "tollgate.problems";

    /** One {@code <error>}, {@code <failure>} or {@code <skipped>} element. */
    record Detail(String message, String type, String text) {
    }

    /**
     * One test case. Its status, which the counts use, is the worst of what it holds: error, then failure, then
     * skipped, else passed.
     */
    record Case(String classname, String name, List<Detail> errors, List<Detail> failures, List<Detail> skipped) {

        boolean isError() {
            return !errors.isEmpty();
        }

        boolean isFailure() {
            return !isError() && !failures.isEmpty();
        }

        boolean isSkipped() {
            return !isError() && !isFailure() && !skipped.isEmpty();
        }
    }

    record Suite(String name, List<Case> cases) {

        long errors() {
            return cases.stream().filter(Case::isError).count();
        }

        long failures() {
            return cases.stream().filter(Case::isFailure).count();
        }

        long skipped() {
            return cases.stream().filter(Case::isSkipped).count();
        }
    }

    /** A resource within one policy's suite; sorts by file, then address. */
    private record ResourceKey(String file, String address) implements Comparable<ResourceKey> {

        private static final Comparator<ResourceKey> ORDER =
                Comparator.comparing(ResourceKey::file).thenComparing(ResourceKey::address);

        @Override
        public int compareTo(ResourceKey o) {
            return ORDER.compare(this, o);
        }
    }

    private JunitSuites() {
    }

    static List<Suite> of(ScanReport report) {
        List<Suite> suites = new ArrayList<>();
        report.policies().stream().sorted(Comparator.comparing(Policy::id))
                .forEach(policy -> suites.add(policySuite(policy, report)));
        suites.add(problemSuite(report.problems()));
        return suites;
    }

    private static Suite policySuite(Policy policy, ScanReport report) {
        Map<ResourceKey, List<Evaluation>> byResource = new TreeMap<>();
        report.evaluations().stream()
                .filter(e -> e.policyId().equals(policy.id()))
                .sorted(Evaluation.REPORT_ORDER)
                .forEach(e -> byResource.computeIfAbsent(new ResourceKey(e.location().file(), e.resourceAddress()),
                        key -> new ArrayList<>()).add(e));
        List<Case> cases = new ArrayList<>();
        byResource.forEach((resource, evaluations) -> {
            List<Detail> errors = new ArrayList<>();
            List<Detail> failures = new ArrayList<>();
            List<Detail> skipped = new ArrayList<>();
            for (Evaluation e : evaluations) {
                String where = e.location().file() + ":" + e.location().line();
                if (e.outcome() == Outcome.ERROR) {
                    errors.add(new Detail(e.message(), "policy_error", where + ": " + e.message()));
                } else if (e.outcome() == Outcome.UNKNOWN) {
                    skipped.add(new Detail(e.message(), "unknown", where + ": " + e.message()));
                } else if (e.isSuppressed()) {
                    String why = "suppressed: " + e.suppression().reason();
                    skipped.add(new Detail(why, "suppressed", where + ": " + e.message() + " (" + why + ")"));
                } else if (e.isFinding()) {
                    // Like SARIF: an empty message would read as nothing wrong; the title says what is.
                    String message = e.message().isBlank() ? policy.title() : e.message();
                    failures.add(new Detail(message, ScanSummary.label(e.severity()), where + ": " + message));
                }
            }
            // Skipped only when nothing else was decided: one pass beside an unknown still makes a passing case.
            boolean onlySkipped = errors.isEmpty() && failures.isEmpty()
                    && evaluations.stream().noneMatch(e -> e.outcome() == Outcome.PASS);
            cases.add(new Case(policy.id(), resource.address() + " (" + resource.file() + ")",
                    errors, failures, onlySkipped ? skipped : List.of()));
        });
        return new Suite(policy.id(), cases);
    }

    /**
     * A file that could not be parsed or read is an error: part of the input went unchecked. A file skipped on purpose
     * (too large, binary) or in a format not scanned yet is a skipped test, as SARIF makes it a warning or note rather
     * than an error; otherwise every CI run of a repository holding Terraform would show a permanent error.
     */
    private static Suite problemSuite(List<Problem> problems) {
        List<Case> cases = new ArrayList<>();
        problems.stream().sorted().filter(p -> p.kind() != Problem.Kind.POLICY_ERROR).forEach(problem -> {
            Detail detail = new Detail(problem.message(), problem.kind().name().toLowerCase(Locale.ROOT),
                    problem.where() + ": " + problem.message());
            boolean skipped = problem.kind() == Problem.Kind.SKIPPED || problem.kind() == Problem.Kind.NOT_SCANNED;
            cases.add(new Case(PROBLEMS, problem.where(), skipped ? List.of() : List.of(detail), List.of(),
                    skipped ? List.of(detail) : List.of()));
        });
        return new Suite(PROBLEMS, cases);
    }
}
