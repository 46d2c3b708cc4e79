package dev.tollgate.engine.closure;

/** One compiled sub-expression. It returns a value as cel-java represents it, or throws {@link Bail}. */
@FunctionalInterface
interface Node {

    Object eval(Frame frame);
}
