package dev.tollgate.engine.closure;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list that {@code +} can extend in place when it is the newest list over its elements: what makes a
 * comprehension's {@code @result + [x]} ({@code map}, {@code filter}) linear rather than quadratic. Each list sees a
 * prefix of one shared, growing array; appending to a list that is not the newest over it (its prefix was extended
 * already) copies first. So no list ever changes, and every {@code +} answers as CEL's.
 *
 * <p>Measured: {@code item.map(x, x)} over 90,000 strings took 4.5 s with a copy per step, against cel-java's 1.4 s.
 * Confined to one evaluation, as closures' intermediate values are: not thread-safe.
 */
final class AppendableList extends AbstractList<Object> implements RandomAccess {

    private final ArrayList<Object> shared;
    private final int size;

    private AppendableList(ArrayList<Object> shared, int size) {
        this.shared = shared;
        this.size = size;
    }

    static List<Object> concat(List<?> left, List<?> right) {
        if (left instanceof AppendableList a && a.size == a.shared.size()) {
            a.shared.addAll(right);
            return new AppendableList(a.shared, a.shared.size());
        }
        ArrayList<Object> shared = new ArrayList<>(Math.max(16, (left.size() + right.size()) * 2));
        shared.addAll(left);
        shared.addAll(right);
        return new AppendableList(shared, shared.size());
    }

    @Override
    public Object get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return shared.get(index);
    }

    @Override
    public int size() {
        return size;
    }
}
