package dev.tollgate.engine.closure;

/**
 * The variables of one evaluation, by their index in the list the {@link ClosureCompiler} was given. A Java null is
 * a value known only after apply (as it is to cel-java), which a closure never judges: it bails.
 */
@FunctionalInterface
public interface Variables {

    Object get(int index);
}
