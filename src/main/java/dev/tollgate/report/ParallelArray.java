package dev.tollgate.report;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * A long array of a report (its findings, SARIF results), whose elements are made from a source list when they are
 * read rather than all at once, and none is kept. {@link ParallelArraySerializer} writes it in parallel chunks, so
 * the making of elements runs on every core too, and a report holds the elements of one chunk at a time rather than
 * all of them (a SARIF result is a graph of a dozen objects). Without that serializer it is written as any list.
 *
 * <p>{@code make} must be a pure function of its argument, safe to call from several threads: an element may be made
 * more than once, on any thread, and every time must give an equal value.
 */
public final class ParallelArray<T> extends AbstractList<T> implements RandomAccess {

    private final List<?> source;
    private final Function<Object, ? extends T> make;

    @SuppressWarnings("unchecked")
    private <S> ParallelArray(List<S> source, Function<? super S, ? extends T> make) {
        this.source = List.copyOf(source);
        this.make = (Function<Object, ? extends T>) Objects.requireNonNull(make, "make");
    }

    /** The elements {@code make(s)} for each {@code s} of {@code source}, in its order. */
    public static <S, T> ParallelArray<T> of(List<S> source, Function<? super S, ? extends T> make) {
        return new ParallelArray<>(source, make);
    }

    /** A new element each time it is asked for. */
    @Override
    public T get(int index) {
        return make.apply(source.get(index));
    }

    @Override
    public int size() {
        return source.size();
    }
}
