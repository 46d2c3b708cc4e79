package dev.tollgate.report.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.LogicalLocation;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import dev.tollgate.finding.BaselineState;
import dev.tollgate.finding.Evaluation;
import dev.tollgate.finding.ScanReport;
import dev.tollgate.finding.Suppression;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.report.SampleReports;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hand-written serializers give the bytes Jackson's bean serializer gives under SarifJson's rules. */
class SarifResultSerializersTest {

    private static void assertSameBytes(Object model) throws Exception {
        assertEquals(SarifJson.writer(false).writeValueAsString(model),
                SarifJson.writer(true).writeValueAsString(model));
    }

    @Test
    void wholeLogsAreWrittenAsTheBeanSerializerWritesThem() throws Exception {
        assertSameBytes(SarifLogBuilder.build(SampleReports.sample(), false, false));
        assertSameBytes(SarifLogBuilder.build(SampleReports.sample(), true, true));
        assertSameBytes(SarifLogBuilder.build(SampleReports.clean(), false, true));

        // Suppressed, baseline-compared findings inside a module: every optional part of a result at once.
        List<Evaluation> evaluations = new ArrayList<>();
        for (Evaluation e : SampleReports.sample().evaluations()) {
            Evaluation changed = e.withBaseline(BaselineState.NEW);
            if (e.message().contains("privileged")) {
                changed = new Evaluation(e.policyId(), e.severity(), e.outcome(), e.location(), e.resourceAddress(),
                        e.resourceKind(), e.resourceName(), e.pointer(), e.message(), e.fingerprint(),
                        new Suppression(Suppression.Source.COMMENT, "accepted \"risk\"", LocalDate.of(2027, 1, 31),
                                new SourceLocation("deploy/web app.yaml", 20, 5)),
                        BaselineState.UNCHANGED,
                        List.of(new SourceLocation("main.tf", 3, 1), new SourceLocation("mod/main.tf", 9, 2)));
            }
            evaluations.add(changed);
        }
        ScanReport report = SampleReports.sample().withEvaluations(evaluations);
        assertSameBytes(SarifLogBuilder.build(report, true, true));
        assertSameBytes(SarifLogBuilder.build(report, false, false));
    }

    @Test
    void unsetSentinelsEmptyValuesAndUnusualPropertiesMatchToo() throws Exception {
        PropertyBag bag = new PropertyBag().withTags(new LinkedHashSet<>(List.of("security", "b", "a")));
        bag.setAdditionalProperty("zeta", "z");
        bag.setAdditionalProperty("alpha", 3);
        bag.setAdditionalProperty("empty", "");
        bag.setAdditionalProperty("nothing", null);
        bag.setAdditionalProperty("list", List.of("x", "y"));
        bag.setAdditionalProperty("map", new LinkedHashMap<>(java.util.Map.of("k", "v")));
        PartialFingerprints fingerprints = new PartialFingerprints();
        fingerprints.setAdditionalProperty("primaryLocationLineHash", "0123:1");
        fingerprints.setAdditionalProperty("another/v1", "abc");
        Region region = new Region().withStartLine(1).withStartColumn(0).withEndLine(-1).withCharOffset(5)
                .withSourceLanguage("").withMessage(new Message().withText("").withArguments(List.of()));
        Location location = new Location().withId(0)
                .withPhysicalLocation(new PhysicalLocation()
                        .withArtifactLocation(new ArtifactLocation().withUri("a b.yaml").withIndex(2)
                                .withUriBaseId("SRC").withDescription(new Message().withText("d")))
                        .withRegion(region)
                        .withContextRegion(new Region())
                        .withProperties(new PropertyBag()))
                .withLogicalLocations(Set.of(new LogicalLocation().withName("n").withIndex(-1).withParentIndex(0)
                        .withDecoratedName("").withKind("resource").withProperties(bag)))
                .withMessage(new Message().withText("here").withMarkdown("**here**").withId("m1")
                        .withArguments(List.of("a", "b")).withProperties(bag));
        Result result = new Result().withRuleId("r").withRuleIndex(-1).withLevel(Result.Level.NONE)
                .withKind(Result.Kind.PASS).withMessage(new Message().withText("m")).withLocations(List.of(location))
                .withAnalysisTarget(new ArtifactLocation().withUri("t")).withGuid("").withCorrelationGuid("c")
                .withOccurrenceCount(2).withPartialFingerprints(fingerprints).withRank(-1.0)
                .withRelatedLocations(new LinkedHashSet<>(List.of(location, new Location())))
                .withBaselineState(Result.BaselineState.ABSENT).withHostedViewerUri(URI.create("https://x.test/r"))
                .withWorkItemUris(new LinkedHashSet<>(List.of(URI.create("https://x.test/1"))))
                .withProperties(bag);
        assertSameBytes(result);
        assertSameBytes(new Result());
        assertSameBytes(new Run().withResults(List.of(result, new Result().withRank(0.5), new Result())));
    }
}
