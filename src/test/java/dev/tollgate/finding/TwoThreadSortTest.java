package dev.tollgate.finding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.model.SourceLocation;
import dev.tollgate.policy.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The two-thread sort gives exactly what a stable sort gives, equal elements included. */
class TwoThreadSortTest {

    /** Sorted by key only: {@code seq} tells equal keys apart, so the comparison sees where each one went. */
    record Item(int key, int seq) {
    }

    private static final Comparator<Item> BY_KEY = Comparator.comparingInt(Item::key);

    private static void assertSortsAsAStableSort(Item[] items) {
        Item[] expected = items.clone();
        Arrays.sort(expected, BY_KEY);
        Item[] actual = items.clone();
        TwoThreadSort.sort(actual, BY_KEY);
        assertArrayEquals(expected, actual, items.length + " items");
    }

    @Test
    void manyTiesKeepTheirOrderAtEverySize() {
        Random random = new Random(42);
        int at = TwoThreadSort.PARALLEL_FROM;
        for (int size : new int[] {0, 1, 2, at - 1, at, at + 1, 50_001}) {
            for (int keys : new int[] {1, 3, 1000, Integer.MAX_VALUE}) {
                Item[] items = IntStream.range(0, size).mapToObj(i -> new Item(random.nextInt(keys), i))
                        .toArray(Item[]::new);
                assertSortsAsAStableSort(items);
            }
        }
    }

    @Test
    void sortedReversedAndHalfSortedInput() {
        int size = 3 * TwoThreadSort.PARALLEL_FROM;
        assertSortsAsAStableSort(IntStream.range(0, size).mapToObj(i -> new Item(i / 7, i)).toArray(Item[]::new));
        assertSortsAsAStableSort(IntStream.range(0, size).mapToObj(i -> new Item(-i / 7, i)).toArray(Item[]::new));
        // Every element of the right half before every element of the left one, and the other way round.
        assertSortsAsAStableSort(IntStream.range(0, size).mapToObj(i -> new Item(i < size / 2 ? 1 : 0, i))
                .toArray(Item[]::new));
        assertSortsAsAStableSort(IntStream.range(0, size).mapToObj(i -> new Item(i < size / 2 ? 0 : 1, i))
                .toArray(Item[]::new));
    }

    /** Evaluations that differ only in their fingerprint are equal in report order: they must stay as they came. */
    @Test
    void reportOrderOfEvaluationsIsTheOrderOfAStableSort() {
        List<Evaluation> evaluations = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 3 * TwoThreadSort.PARALLEL_FROM; i++) {
            evaluations.add(new Evaluation("P-" + random.nextInt(5), Severity.HIGH, Outcome.FAIL,
                    new SourceLocation("f" + random.nextInt(20) + ".yaml", 1 + random.nextInt(50), 1),
                    "Kind/r" + random.nextInt(3), "Kind", "r", "", "m", "fp" + i));
        }
        List<Evaluation> expected = new ArrayList<>(evaluations);
        expected.sort(Evaluation.REPORT_ORDER);
        assertEquals(expected, Evaluation.sortedForReport(evaluations));
        assertEquals(expected, Evaluation.inReportOrder(evaluations));
        assertEquals(expected, Evaluation.inReportOrder(expected));
    }
}
