package dev.tollgate.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.model.SourceLocation;
import dev.tollgate.policy.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reporters trust a list {@link Evaluation#sortedForReport} made, and only that one, to be in report order. */
class EvaluationOrderTest {

    private static Evaluation at(String file, int line) {
        return new Evaluation("TG-X-001", Severity.HIGH, Outcome.FAIL, new SourceLocation(file, line, 1), "r", "k",
                "n", "", "m", "f", null, null, List.of());
    }

    @Test
    void aSortedListIsKnownToBeInOrderAndStaysSo() {
        List<Evaluation> sorted =
                Evaluation.sortedForReport(List.of(at("b.yaml", 1), at("a.yaml", 9), at("a.yaml", 2)));
        assertEquals(List.of(at("a.yaml", 2), at("a.yaml", 9), at("b.yaml", 1)), sorted);
        assertTrue(Evaluation.isInReportOrder(sorted));
        assertSame(sorted, Evaluation.inReportOrder(sorted));
        assertThrows(UnsupportedOperationException.class, () -> sorted.set(0, at("z.yaml", 1)), "read-only");
        ScanReport report = new ScanReport("test", List.of(), List.of(), sorted, List.of(), List.of());
        assertTrue(Evaluation.isInReportOrder(report.evaluations()), "kept as it is by the report");
    }

    @Test
    void anyOtherListIsCheckedAndSortedWhenOutOfOrder() {
        List<Evaluation> unsorted = List.of(at("b.yaml", 1), at("a.yaml", 2));
        assertFalse(Evaluation.isInReportOrder(unsorted));
        assertEquals(List.of(at("a.yaml", 2), at("b.yaml", 1)), Evaluation.inReportOrder(unsorted));
        List<Evaluation> inOrder = List.of(at("a.yaml", 2), at("b.yaml", 1));
        assertFalse(Evaluation.isInReportOrder(inOrder), "in order by chance, not known to be");
        assertSame(inOrder, Evaluation.inReportOrder(inOrder));
        ScanReport report = new ScanReport("test", List.of(), List.of(), unsorted, List.of(), List.of());
        assertFalse(Evaluation.isInReportOrder(report.evaluations()));
    }
}
