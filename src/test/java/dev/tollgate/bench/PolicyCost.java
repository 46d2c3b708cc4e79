package dev.tollgate.bench;

import dev.tollgate.discovery.Discovery;
import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.engine.PolicyEngine;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceFile;
import dev.tollgate.parse.Parsers;
import dev.tollgate.policy.BundledPolicies;
import dev.tollgate.policy.Policy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What each bundled policy costs to judge, measured one policy at a time on warm code: a benchmark for policy authors
 * and for the engine, since a scan's evaluation time is the sum of these.
 *
 * <p>It parses a sample of a corpus (every {@code step}-th non-Terraform file and every Terraform root, up to
 * {@code maxResources}), keeps the resources, then for each policy judges every resource {@code rounds} times, after
 * one warm-up round, each time with a new one-policy engine (so that remembered answers start empty, as in a scan). It
 * prints the policies by total time, with the number of resources the policy matched and the elements it judged. The
 * times include what judging one resource always costs (converting its data for CEL, selecting), so the baseline row
 * {@code (true)} — a policy whose condition is {@code true} for every format, with no selector — is printed too.
 *
 * <p>Usage, with the JVM flags of {@code bin/tollgate}: {@code PolicyCost DIR [maxResources] [step] [rounds]
 * [policyIdRegex]}.
 */
public final class PolicyCost {

    private PolicyCost() {
    }

    private record Row(String id, long nanos, long resources, long judged) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "fixtures");
        int maxResources = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int step = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        String only = args.length > 4 ? args[4] : ".*";

        List<Resource> resources = sample(dir, maxResources, step);
        List<Policy> policies = new ArrayList<>(BundledPolicies.load(List.of()).policies().stream()
                .filter(p -> p.id().matches(only)).toList());
        for (var format : dev.tollgate.model.Format.values()) {
            Policy any = policies.stream().filter(p -> p.format() == format).findFirst().orElse(null);
            if (any != null) {
                policies.add(baseline(any));
            }
        }
        List<Row> rows = new ArrayList<>();
        long total = 0;
        for (Policy policy : policies) {
            judgeAll(PolicyEngine.compile(List.of(policy)), resources); // warm-up: the JIT, not the engine's memos
            long best = Long.MAX_VALUE;
            long matched = 0;
            long judged = 0;
            for (int r = 0; r < rounds; r++) {
                // A new engine each round: remembered answers start empty, as in a scan.
                PolicyEngine engine = PolicyEngine.compile(List.of(policy));
                long start = System.nanoTime();
                long[] counts = judgeAll(engine, resources);
                best = Math.min(best, System.nanoTime() - start);
                matched = counts[0];
                judged = counts[1];
            }
            rows.add(new Row(policy.id(), best, matched, judged));
            if (!policy.id().startsWith("(true)")) {
                total += best;
            }
        }
        rows.sort(Comparator.comparingLong(Row::nanos).reversed());
        System.out.printf("%d resources sampled from %s; best of %d rounds; policies total %.0f ms%n",
                resources.size(), dir, rounds, total / 1e6);
        System.out.printf("%-26s %9s %8s %10s %9s %9s%n", "policy", "ms", "share", "resources", "judged",
                "µs/res");
        for (Row row : rows) {
            System.out.printf("%-26s %9.1f %7.1f%% %10d %9d %9.2f%n", row.id(), row.nanos() / 1e6,
                    100.0 * row.nanos() / total, row.resources(), row.judged(),
                    row.resources() == 0 ? 0 : row.nanos() / 1e3 / row.resources());
        }
    }

    /** Per resource matched: one evaluation or more (counted as passes plus kept outcomes). */
    private static long[] judgeAll(PolicyEngine engine, List<Resource> resources) {
        long matched = 0;
        long judged = 0;
        for (Resource resource : resources) {
            PolicyEngine.Judgement j = engine.judge(resource, PolicyEngine.Passes.COUNT_ONLY);
            if (j.passes() > 0 || !j.evaluations().isEmpty()) {
                matched++;
                judged += j.passes() + j.evaluations().size();
            }
        }
        return new long[] {matched, judged};
    }

    /** A policy that judges the whole resource as {@code true}: what matching and preparing a resource costs. */
    private static Policy baseline(Policy like) {
        return new Policy("(true) " + like.format().id(), like.title(), like.description(), like.severity(),
                like.checklist(), like.format(), List.of(), List.of(), List.of(), "true", like.message(), null,
                like.remediation(), like.references(), like.source(), like.origins(), List.of());
    }

    private static List<Resource> sample(Path dir, int maxResources, int step) {
        Parsers parsers = new Parsers();
        Discovery found = new FileDiscovery().discover(List.of(dir));
        List<Resource> out = new ArrayList<>();
        List<SourceFile> terraform = new ArrayList<>();
        int i = 0;
        for (SourceFile f : found.files()) {
            if (f.type() == SourceFile.FileType.TERRAFORM) {
                terraform.add(f);
            } else if (i++ % step == 0 && out.size() < maxResources / 2) {
                out.addAll(parsers.parse(f).resources());
            }
        }
        int nonTerraform = out.size();
        parsers.parseTerraform(terraform, root -> {
            if (out.size() - nonTerraform < maxResources / 2) {
                out.addAll(root.resources());
            }
        });
        return out;
    }
}
