package dev.tollgate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/controls.md is generated: it must be exactly what the generator writes for the bundled catalogue. */
class ControlsDocumentTest {

    @Test
    void controlsMd_matchesTheGenerator() throws Exception {
        PolicyCatalog catalog = BundledPolicies.load(List.of());
        String expected = ControlsDocument.render(ChecklistCoverage.of(catalog), catalog.policies().size());
        String actual = Files.readString(Path.of("docs/controls.md"), StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertEquals(expected, actual,
                "docs/controls.md drifted from the catalogue; regenerate it: " + ControlsDocument.COMMAND);
    }

    @Test
    void controlsMd_startsWithTheBanner() {
        PolicyCatalog catalog = new PolicyCatalog(List.of(), List.of(
                new ChecklistItem("a.b", "Sec / Sub", "Text with | pipe", ChecklistItem.Automation.MANUAL, "why")));
        String doc = ControlsDocument.render(ChecklistCoverage.of(catalog), 0);
        assertTrue(doc.startsWith(ControlsDocument.BANNER + "\n"), doc);
        assertTrue(doc.contains("## Sec / Sub"), doc);
        assertTrue(doc.contains("Text with \\| pipe"), doc);
        assertTrue(doc.contains("| `a.b`<br>Text with \\| pipe | manual | — | — | — | — | why |"), doc);
    }
}
