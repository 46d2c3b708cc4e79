package dev.tollgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.policy.BundledPolicies;
import dev.tollgate.policy.PolicyCatalog;
import dev.tollgate.policy.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prefetching the bundled policies changes when they are compiled, never what a scan reports. */
class PolicyPrefetchTest {

    private static MainTest.Run run(PolicyPrefetch prefetch, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), Map.of(), false, prefetch);
        return new MainTest.Run(code, out.toString(), err.toString());
    }

    @Test
    void theBundledCatalogue_getsThePrefetchedEngine_anyOtherDoesNot() throws Exception {
        PolicyPrefetch prefetch = PolicyPrefetch.forCommandLine(new String[] {"scan", "."});
        PolicyCatalog bundled = BundledPolicies.load(List.of());

        assertNotNull(prefetch.engineFor(bundled));
        assertSame(prefetch.engineFor(bundled), prefetch.engineFor(new PolicyCatalog(bundled.policies(),
                bundled.checklist(), bundled.digests())), "the same policies, another catalogue object");
        var first = bundled.policies().get(0);
        var changed = new java.util.ArrayList<>(bundled.policies());
        changed.set(0, first.withSeverity(first.severity() == Severity.LOW ? Severity.HIGH : Severity.LOW));
        assertNull(prefetch.engineFor(new PolicyCatalog(changed, bundled.checklist())), "a severity override");
        assertNull(prefetch.engineFor(new PolicyCatalog(bundled.policies().subList(1, bundled.policies().size()),
                bundled.checklist())), "a disabled policy");
    }

    @Test
    void onlyAScanThatWillRun_isPrefetched() throws Exception {
        PolicyCatalog bundled = BundledPolicies.load(List.of());
        assertNull(PolicyPrefetch.forCommandLine(new String[] {"policies"}).engineFor(bundled));
        assertNull(PolicyPrefetch.forCommandLine(new String[] {}).engineFor(bundled));
        assertNull(PolicyPrefetch.forCommandLine(new String[] {"scan", "--help"}).engineFor(bundled));
        assertNull(PolicyPrefetch.forCommandLine(new String[] {"scan", ".", "--policies", "mine"}).engineFor(bundled));
        assertNull(PolicyPrefetch.forCommandLine(new String[] {"scan", ".", "--policies=mine"}).engineFor(bundled));
        assertNull(PolicyPrefetch.none().engineFor(bundled));
    }

    @Test
    void aScan_reportsTheSameWithAndWithoutPrefetch() {
        String[] args = {"scan", "fixtures/TG-DC-PG-001", "fixtures/TG-ENV-XFO-001", "--format", "json"};
        MainTest.Run plain = run(PolicyPrefetch.none(), args);
        MainTest.Run prefetched = run(PolicyPrefetch.forCommandLine(args), args);

        assertEquals(1, plain.code());
        assertTrue(plain.out().contains("TG-DC-PG-001"), plain.out());
        assertEquals(plain, prefetched);
    }

    @Test
    void aConfigurationThatChangesThePolicies_isHonouredWithPrefetch(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("tollgate.yml");
        Files.writeString(config, String.join("\n",
                "policies:",
                "  severity:",
                "    TG-ENV-XFO-001: critical",
                ""));
        String[] args = {"scan", "fixtures/TG-ENV-XFO-001/fail", "--config", config.toString(), "--format", "json"};
        MainTest.Run plain = run(PolicyPrefetch.none(), args);
        MainTest.Run prefetched = run(PolicyPrefetch.forCommandLine(args), args);

        var findings = new com.fasterxml.jackson.databind.ObjectMapper().readTree(plain.out()).get("findings");
        List<String> severities = new java.util.ArrayList<>();
        findings.forEach(f -> {
            if (f.get("policy").asText().equals("TG-ENV-XFO-001")) {
                severities.add(f.get("severity").asText());
            }
        });
        assertTrue(!severities.isEmpty() && severities.stream().allMatch("critical"::equals), severities.toString());
        assertEquals(plain, prefetched);
    }

    @Test
    void extraPolicyDirectories_areReadWithPrefetch(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("TG-ENV-XFO-001.yaml"), String.join("\n",
                "id: TG-ENV-XFO-001",
                "title: Allow SAMEORIGIN here",
                "severity: low",
                "checklist: [security.x-frame-options-deny]",
                "match: {format: dotenv}",
                "select: $.X_FRAME_OPTIONS",
                "condition: string(item) in ['DENY', 'SAMEORIGIN']",
                ""));
        String[] args = {"scan", "fixtures/TG-ENV-XFO-001/fail", "--policies", tmp.toString(), "--format", "json"};
        MainTest.Run plain = run(PolicyPrefetch.none(), args);
        MainTest.Run prefetched = run(PolicyPrefetch.forCommandLine(args), args);

        assertTrue(plain.out().contains("Allow SAMEORIGIN here"), plain.out());
        assertEquals(plain, prefetched);
    }
}
