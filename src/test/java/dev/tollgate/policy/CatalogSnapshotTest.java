package dev.tollgate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build-time snapshot of the bundled catalogue must load exactly what parsing the YAML loads. */
class CatalogSnapshotTest {

    private static final Path POLICIES = Path.of("policies");

    private static PolicyCatalog fromYaml(Path... extra) throws PolicyLoadException {
        List<PolicyCatalog.Source> sources = new java.util.ArrayList<>();
        sources.add(new PolicyCatalog.Source(POLICIES, "policies/"));
        for (Path dir : extra) {
            sources.add(new PolicyCatalog.Source(dir, "extra/"));
        }
        return PolicyCatalog.load(sources);
    }

    private static PolicyCatalog roundTrip(PolicyCatalog catalog) throws Exception {
        PolicyCatalog back = CatalogSnapshot.read(new ByteArrayInputStream(CatalogSnapshot.write(catalog)));
        assertNotNull(back);
        return back;
    }

    @Test
    void theBundledCatalogue_readBack_equalsTheParsedOne() throws Exception {
        PolicyCatalog parsed = fromYaml();
        PolicyCatalog back = roundTrip(parsed);

        assertEquals(parsed, back);
        assertEquals(parsed.policies(), back.policies(), "every field of every policy, origins included");
        assertEquals(parsed.checklist(), back.checklist());
        assertEquals(parsed.digests(), back.digests());
    }

    @Test
    void aPolicyWithoutMessageExpression_keepsItsNull() throws Exception {
        Policy p = fromYaml().policies().get(0);
        Policy plain = new Policy(p.id(), p.title(), p.description(), p.severity(), p.checklist(), p.format(),
                p.kinds(), p.select(), p.reportAt(), p.condition(), p.message(), null, p.remediation(),
                p.references(), p.source(), p.origins());
        PolicyCatalog catalog = new PolicyCatalog(List.of(plain), fromYaml().checklist());

        Policy back = roundTrip(catalog).policies().get(0);

        assertNull(back.messageExpression());
        assertEquals(plain, back);
    }

    @Test
    void userPolicies_onTopOfTheSnapshot_loadAsOnTopOfTheYaml(@TempDir Path extra) throws Exception {
        Policy bundled = fromYaml().policies().get(0);
        Path original = POLICIES.resolve(bundled.source().substring("policies/".length()));
        Files.writeString(extra.resolve(original.getFileName()),
                Files.readString(original, StandardCharsets.UTF_8).replace(bundled.title(), "A local title"),
                StandardCharsets.UTF_8);

        PolicyCatalog expected = fromYaml(extra);
        PolicyCatalog actual = PolicyCatalog.load(roundTrip(fromYaml()),
                List.of(new PolicyCatalog.Source(extra, "extra/")));

        assertEquals(expected, actual);
        assertEquals("A local title", actual.policies().get(0).title());
        assertFalse(actual.digests().containsKey(bundled.source()), "the replaced bundled file is not in use");
    }

    @Test
    void userPolicyErrors_onTopOfTheSnapshot_areTheSameAsOnTopOfTheYaml(@TempDir Path extra) throws Exception {
        Policy bundled = fromYaml().policies().get(0);
        Path original = POLICIES.resolve(bundled.source().substring("policies/".length()));
        String text = Files.readString(original, StandardCharsets.UTF_8);
        String firstChecklistId = bundled.checklist().get(0);
        Files.writeString(extra.resolve(original.getFileName()), text.replace(firstChecklistId, "no.such-item"),
                StandardCharsets.UTF_8);

        PolicyLoadException expected = assertThrows(PolicyLoadException.class, () -> fromYaml(extra));
        PolicyLoadException actual = assertThrows(PolicyLoadException.class, () -> PolicyCatalog.load(
                roundTrip(fromYaml()), List.of(new PolicyCatalog.Source(extra, "extra/"))));

        assertEquals(expected.errors(), actual.errors());
    }

    @Test
    void aDamagedOrForeignSnapshot_isNotUsed() throws Exception {
        byte[] good = CatalogSnapshot.write(fromYaml());
        assertNull(CatalogSnapshot.read(new ByteArrayInputStream(new byte[] {0, 0, 0, 9})), "another format");
        assertNull(CatalogSnapshot.read(new ByteArrayInputStream(Arrays.copyOf(good, good.length / 2))), "truncated");
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        assertNull(CatalogSnapshot.read(new ByteArrayInputStream(longer)), "trailing bytes");
        byte[] huge = good.clone();
        huge[8] = 0x7f; // the first checklist item's id length: far beyond any real string
        assertNull(CatalogSnapshot.read(new ByteArrayInputStream(huge)));
    }
}
