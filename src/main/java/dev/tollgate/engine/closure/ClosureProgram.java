package dev.tollgate.engine.closure;

/** A checked CEL expression compiled to closures: immutable and thread-safe, evaluated many times. */
public final class ClosureProgram {

    private final Node root;
    private final int slots;

    ClosureProgram(Node root, int slots) {
        this.root = root;
        this.slots = slots;
    }

    /**
     * The expression's value, exactly as cel-java's interpreter computes it; {@link Unknown#VALUE} where cel-java's is
     * an unknown set.
     *
     * @throws Bail when that is not certain (see {@link Bail}); the caller asks cel-java
     */
    public Object eval(Variables variables) {
        return root.eval(new Frame(variables, slots));
    }
}
