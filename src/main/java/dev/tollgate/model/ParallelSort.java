package dev.tollgate.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.ForkJoinTask;

/**
 * A stable sort that uses two threads for a long array: each half sorted on a thread of its own, then merged. It
 * gives the order {@link Arrays#sort(Object[], Comparator)} gives, ties included. {@link Arrays#parallelSort} would
 * not help here: it sorts on one thread when the common pool has a single worker, as it has on a two-core machine. A
 * scan sorts three long lists on one thread while the other core waits: its files when discovered (23,013 paths of
 * the benchmark corpus, 1.1% of the scan's CPU samples), and its files and evaluations for the report.
 */
public final class ParallelSort {

    /** Below this many elements one thread sorts: handing half to another costs more than it saves. */
    static final int SERIAL_BELOW = 4096;

    private ParallelSort() {
    }

    /** Sorts {@code a} by {@code order}, stably. */
    public static <T> void sort(T[] a, Comparator<? super T> order) {
        int n = a.length;
        if (n < SERIAL_BELOW) {
            Arrays.sort(a, order);
            return;
        }
        int mid = n >>> 1;
        // fork(): from a pool's worker, the half goes to that pool, so a scan run in a pool of one thread (a serial
        // run) stays on it; from any other thread, to the common pool. If no other thread takes it first, join() runs
        // it here: never a wait on a busy pool, and no spare thread made for a blocked worker.
        ForkJoinTask<?> left = ForkJoinTask.adapt(() -> Arrays.sort(a, 0, mid, order)).fork();
        Arrays.sort(a, mid, n, order);
        left.join();
        merge(a, mid, order);
    }

    /**
     * Merges the sorted halves {@code a[0, mid)} and {@code a[mid, length)} in place, taking the left one's element on
     * a tie (what keeps the sort stable). The left half is copied out; the merged output never overtakes the right
     * half's next unread element, so that half is read in place.
     */
    private static <T> void merge(T[] a, int mid, Comparator<? super T> order) {
        T[] left = Arrays.copyOfRange(a, 0, mid);
        int i = 0;
        int j = mid;
        int k = 0;
        while (i < mid && j < a.length) {
            a[k++] = order.compare(a[j], left[i]) < 0 ? a[j++] : left[i++];
        }
        System.arraycopy(left, i, a, k, mid - i);
    }
}
