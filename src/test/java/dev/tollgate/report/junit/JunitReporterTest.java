package dev.tollgate.report.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.finding.ScanReport;
import dev.tollgate.report.Golden;
import dev.tollgate.report.SampleReports;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class JunitReporterTest {

    private static String junit(ScanReport report) throws IOException {
        return Golden.render(new JunitReporter(), report);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<Element> elements(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    private static Element suite(Document doc, String name) {
        return elements(doc.getDocumentElement(), "testsuite").stream()
                .filter(s -> s.getAttribute("name").equals(name)).findFirst().orElseThrow();
    }

    private static void assertCounts(Element element, int tests, int failures, int errors, int skipped) {
        String name = element.getAttribute("name");
        assertEquals(String.valueOf(tests), element.getAttribute("tests"), name + " tests");
        assertEquals(String.valueOf(failures), element.getAttribute("failures"), name + " failures");
        assertEquals(String.valueOf(errors), element.getAttribute("errors"), name + " errors");
        assertEquals(String.valueOf(skipped), element.getAttribute("skipped"), name + " skipped");
    }

    @Test
    void sampleMatchesGolden() throws IOException {
        Golden.assertMatches("sample.junit.xml", junit(SampleReports.sample()));
    }

    @Test
    void cleanMatchesGolden() throws IOException {
        Golden.assertMatches("clean.junit.xml", junit(SampleReports.clean()));
    }

    @Test
    void problemsOnlyMatchesGolden() throws IOException {
        Golden.assertMatches("problems.junit.xml", junit(SampleReports.problemsOnly()));
    }

    @Test
    void sameReportGivesSameBytesWhateverTheInputOrder() throws IOException {
        String first = junit(SampleReports.sample());
        assertEquals(first, junit(SampleReports.sample()));
        assertEquals(first, junit(SampleReports.sampleShuffled()));
        assertFalse(first.contains("timestamp") || first.contains("hostname") || first.contains("time="), first);
    }

    @Test
    void parsesAsXmlWithOneSuitePerPolicyAndTheExpectedCounts() throws Exception {
        Document doc = parse(junit(SampleReports.sample()));
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        List<String> names = elements(root, "testsuite").stream().map(s -> s.getAttribute("name")).toList();
        assertEquals(List.of("compose-redis-persistence", "dotenv-no-default-secret", "k8s-no-privileged",
                "k8s-resource-limits", "tollgate.problems"), names);
        assertCounts(suite(doc, "compose-redis-persistence"), 1, 1, 0, 0);
        assertCounts(suite(doc, "dotenv-no-default-secret"), 1, 0, 0, 0);
        assertCounts(suite(doc, "k8s-no-privileged"), 2, 1, 0, 0);
        assertCounts(suite(doc, "k8s-resource-limits"), 2, 1, 1, 0);
        // broken.yaml is an error, infra/main.tf (not scanned yet) skipped; the policy error is k8s-resource-limits'.
        assertCounts(suite(doc, "tollgate.problems"), 2, 0, 1, 1);
        assertCounts(root, 8, 3, 2, 1);
    }

    @Test
    void everySuitesCountsMatchItsTestCases() throws Exception {
        for (ScanReport report : List.of(SampleReports.sample(), SampleReports.clean(), SampleReports.problemsOnly(),
                SampleReports.twoFailuresOnOneResource())) {
            for (Element suite : elements(parse(junit(report)).getDocumentElement(), "testsuite")) {
                List<Element> cases = elements(suite, "testcase");
                long errors = cases.stream().filter(c -> !elements(c, "error").isEmpty()).count();
                long failures = cases.stream()
                        .filter(c -> elements(c, "error").isEmpty() && !elements(c, "failure").isEmpty()).count();
                long skipped = cases.stream().filter(c -> !elements(c, "skipped").isEmpty()).count();
                assertCounts(suite, cases.size(), (int) failures, (int) errors, (int) skipped);
                cases.forEach(c -> assertEquals(suite.getAttribute("name"), c.getAttribute("classname")));
            }
        }
    }

    @Test
    void testCaseIsAResourceInAFileWithItsFailure() throws Exception {
        Element testCase = elements(suite(parse(junit(SampleReports.sample())), "k8s-no-privileged"), "testcase")
                .get(0);
        assertEquals("Deployment/web (deploy/web app.yaml)", testCase.getAttribute("name"));
        Element failure = elements(testCase, "failure").get(0);
        assertEquals("HIGH", failure.getAttribute("type"));
        assertEquals("Container \"nginx\" of Deployment/web runs privileged", failure.getAttribute("message"));
        assertEquals("deploy/web app.yaml:21: Container \"nginx\" of Deployment/web runs privileged",
                failure.getTextContent());
    }

    @Test
    void twoFailuresOnOneResourceAreOneFailingTestCase() throws Exception {
        Element suite = suite(parse(junit(SampleReports.twoFailuresOnOneResource())), "k8s-no-privileged");
        assertCounts(suite, 1, 1, 0, 0);
        List<String> texts = elements(suite, "failure").stream().map(Element::getTextContent).toList();
        assertEquals(List.of("deploy/web app.yaml:21: Container \"nginx\" of Deployment/web runs privileged",
                "deploy/web app.yaml:34: Container \"sidecar\" of Deployment/web runs privileged"), texts);
    }

    @Test
    void markupInMessagesAndPathsIsEscapedAndSurvivesParsing() throws Exception {
        String message = "a | b < c & d ]]> e \"f\" 'g'\n\tsecond line";
        String file = "x&<y>.yml";
        String xml = junit(SampleReports.oneFinding(file, message));
        assertTrue(xml.contains("message=\"a | b &lt; c &amp; d ]]&gt; e &quot;f&quot; 'g'&#10;&#9;second line\""),
                xml);
        assertTrue(xml.contains(
                ">x&amp;&lt;y&gt;.yml:4: a | b &lt; c &amp; d ]]&gt; e \"f\" 'g'\n\tsecond line</failure>"), xml);
        Element failure = elements(parse(xml).getDocumentElement(), "failure").get(0);
        assertEquals(message, failure.getAttribute("message"));
        assertEquals(file + ":4: " + message, failure.getTextContent());
        assertEquals("services.redis (" + file + ")", ((Element) failure.getParentNode()).getAttribute("name"));
    }

    @Test
    void charactersXmlCannotHoldBecomeReplacementCharacters() throws Exception {
        String xml = junit(SampleReports.oneFinding("docker-compose.yml",
                "bell\u0007 nul\u0000 lone\uD800 ok\uD83D\uDE00"));
        Element failure = elements(parse(xml).getDocumentElement(), "failure").get(0);
        assertEquals("bell\uFFFD nul\uFFFD lone\uFFFD ok\uD83D\uDE00", failure.getAttribute("message"));
    }
}
