package dev.tollgate.finding;

import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.ForkJoinTask;

/**
 * A stable sort that uses a second thread: each half sorted at once (one as a ForkJoin task), then merged.
 * {@code Arrays.parallelSort} would sort on one thread on a two-core machine, where the common pool has one worker.
 *
 * <p>The result is the one a stable sort gives: with a consistent order, that is a single arrangement (elements by the
 * order, equal ones as they came), so it never depends on which thread sorted what. The merge takes from the left half
 * on ties, which keeps equal elements as they came.
 */
final class TwoThreadSort {

    /** Below this a second thread costs more than it saves. */
    static final int PARALLEL_FROM = 8192;

    private TwoThreadSort() {
    }

    static <T> void sort(T[] a, Comparator<? super T> order) {
        if (a.length < PARALLEL_FROM) {
            Arrays.sort(a, order);
            return;
        }
        int mid = a.length >>> 1;
        // Forked as a parallel stream forks: into the pool this thread works for, else the common pool. A scan run in a
        // pool of its own (one thread, to be serial) stays in it, and the thread runs the half itself if none took it.
        ForkJoinTask<?> right = ForkJoinTask.adapt(() -> Arrays.sort(a, mid, a.length, order)).fork();
        Arrays.sort(a, 0, mid, order);
        right.join();
        merge(a, mid, order);
    }

    /** Merges the sorted runs {@code a[0, mid)} and {@code a[mid, length)} in place, through a copy of the left one. */
    static <T> void merge(T[] a, int mid, Comparator<? super T> order) {
        T[] left = Arrays.copyOfRange(a, 0, mid);
        int i = 0;
        int j = mid;
        int k = 0;
        while (i < left.length && j < a.length) {
            a[k++] = order.compare(left[i], a[j]) <= 0 ? left[i++] : a[j++];
        }
        while (i < left.length) {
            a[k++] = left[i++];
        }
        // What is left of the right run is already in its place.
    }
}
