package dev.tollgate.report;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.report.json.JsonReporter;
import dev.tollgate.report.junit.JunitReporter;
import dev.tollgate.report.markdown.MarkdownReporter;
import dev.tollgate.report.sarif.SarifReporter;
import dev.tollgate.report.text.TextReporter;
import org.junit.jupiter.api.Test;

class ReportersTest {

    @Test
    void everyAdvertisedFormatHasAReporter() {
        assertInstanceOf(TextReporter.class, Reporters.forFormat("text", false));
        assertInstanceOf(JsonReporter.class, Reporters.forFormat("json", true));
        assertInstanceOf(SarifReporter.class, Reporters.forFormat("sarif", false));
        assertInstanceOf(MarkdownReporter.class, Reporters.forFormat("markdown", true));
        assertInstanceOf(JunitReporter.class, Reporters.forFormat("junit", false));
        for (String format : Reporters.FORMATS) {
            Reporters.forFormat(format, false);
        }
    }

    @Test
    void unknownFormatIsRejectedWithTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Reporters.forFormat("xml", false));
        assertTrue(e.getMessage().contains("text, json, sarif, markdown, junit"), e.getMessage());
    }
}
