package dev.tollgate.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ParallelSort} gives what a stable one-thread sort gives, ties in the order they came. */
class ParallelSortTest {

    /** Many equal keys, each element still told apart by its position: a tie out of order shows. */
    record Item(int key, int position) {
    }

    private static final Comparator<Item> BY_KEY = Comparator.comparingInt(Item::key);

    @Test
    void givesTheOrderOfAStableSortTiesIncluded() {
        Random random = new Random(3);
        int[] sizes = {0, 1, 2, ParallelSort.SERIAL_BELOW - 1, ParallelSort.SERIAL_BELOW,
                ParallelSort.SERIAL_BELOW + 1, 10_007, 80_000};
        for (int size : sizes) {
            for (int keys : new int[] {1, 3, 1000, Integer.MAX_VALUE}) {
                Item[] items = new Item[size];
                for (int i = 0; i < size; i++) {
                    items[i] = new Item(random.nextInt(keys), i);
                }
                Item[] expected = items.clone();
                Arrays.sort(expected, BY_KEY);
                ParallelSort.sort(items, BY_KEY);
                assertArrayEquals(expected, items, size + " items, " + keys + " keys");
            }
        }
    }

    @Test
    void sortedAndReversedInputs() {
        for (int size : new int[] {ParallelSort.SERIAL_BELOW, 50_000}) {
            Item[] ascending = new Item[size];
            Item[] descending = new Item[size];
            for (int i = 0; i < size; i++) {
                ascending[i] = new Item(i / 7, i);
                descending[i] = new Item((size - i) / 7, i);
            }
            for (Item[] items : new Item[][] {ascending, descending}) {
                Item[] expected = items.clone();
                Arrays.sort(expected, BY_KEY);
                ParallelSort.sort(items, BY_KEY);
                assertArrayEquals(expected, items);
            }
        }
    }
}
