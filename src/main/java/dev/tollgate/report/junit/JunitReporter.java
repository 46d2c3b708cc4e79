package dev.tollgate.report.junit;

import dev.tollgate.finding.ScanReport;
import dev.tollgate.report.Reporter;
import dev.tollgate.report.junit.JunitSuites.Case;
import dev.tollgate.report.junit.JunitSuites.Detail;
import dev.tollgate.report.junit.JunitSuites.Suite;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * JUnit XML, the test-report format every CI understands (Jenkins, GitLab, Azure Pipelines, CircleCI, GitHub actions
 * that publish test results): the suites of {@link JunitSuites}, indented two spaces, {@code \n} line ends. Nothing
 * machine- or time-specific goes in (no {@code timestamp}, {@code hostname} or {@code time}), so the same report gives
 * the same bytes. Written by hand with {@link XmlText} rather than an {@code XMLStreamWriter}, which neither indents
 * nor guards against characters XML cannot hold.
 */
public final class JunitReporter implements Reporter {

    @Override
    public void write(ScanReport report, Writer out) throws IOException {
        List<Suite> suites = JunitSuites.of(report);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuites name=\"").append(XmlText.attribute("Tollgate " + report.toolVersion())).append('"');
        counts(xml,
                suites.stream().mapToLong(s -> s.cases().size()).sum(),
                suites.stream().mapToLong(Suite::failures).sum(),
                suites.stream().mapToLong(Suite::errors).sum(),
                suites.stream().mapToLong(Suite::skipped).sum());
        xml.append(">\n");
        for (Suite suite : suites) {
            writeSuite(suite, xml);
        }
        xml.append("</testsuites>\n");
        out.write(xml.toString());
        out.flush();
    }

    private static void writeSuite(Suite suite, StringBuilder xml) {
        xml.append("  <testsuite name=\"").append(XmlText.attribute(suite.name())).append('"');
        counts(xml, suite.cases().size(), suite.failures(), suite.errors(), suite.skipped());
        if (suite.cases().isEmpty()) {
            xml.append("/>\n");
            return;
        }
        xml.append(">\n");
        for (Case testCase : suite.cases()) {
            xml.append("    <testcase classname=\"").append(XmlText.attribute(testCase.classname()))
                    .append("\" name=\"").append(XmlText.attribute(testCase.name())).append('"');
            if (testCase.errors().isEmpty() && testCase.failures().isEmpty() && testCase.skipped().isEmpty()) {
                xml.append("/>\n");
                continue;
            }
            xml.append(">\n");
            // A fixed order of children (skipped, errors, failures), whatever order the evaluations came in.
            testCase.skipped().forEach(detail -> writeDetail("skipped", detail, false, xml));
            testCase.errors().forEach(detail -> writeDetail("error", detail, true, xml));
            testCase.failures().forEach(detail -> writeDetail("failure", detail, true, xml));
            xml.append("    </testcase>\n");
        }
        xml.append("  </testsuite>\n");
    }

    /** {@code <skipped>} takes no {@code type} in the common schemas, only a message. */
    private static void writeDetail(String element, Detail detail, boolean typed, StringBuilder xml) {
        xml.append("      <").append(element).append(" message=\"").append(XmlText.attribute(detail.message()))
                .append('"');
        if (typed) {
            xml.append(" type=\"").append(XmlText.attribute(detail.type())).append('"');
        }
        xml.append('>').append(XmlText.text(detail.text())).append("</").append(element).append(">\n");
    }

    private static void counts(StringBuilder xml, long tests, long failures, long errors, long skipped) {
        xml.append(" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" errors=\"").append(errors).append("\" skipped=\"").append(skipped).append('"');
    }
}
