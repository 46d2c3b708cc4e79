package dev.tollgate.engine.closure;

/**
 * One evaluation's state: its variables and a slot for each comprehension variable (an accumulator, an iteration
 * variable, a {@code cel.bind} name). Slots are numbered when compiling, so no name is looked up while evaluating.
 */
final class Frame {

    final Variables variables;
    final Object[] slots;

    Frame(Variables variables, int slots) {
        this.variables = variables;
        this.slots = new Object[slots];
    }
}
