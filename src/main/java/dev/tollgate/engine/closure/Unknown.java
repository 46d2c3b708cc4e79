package dev.tollgate.engine.closure;

/**
 * A value known only after apply, as a closure's value: what cel-java's {@code CelUnknownSet} is to its interpreter.
 * It flows as cel-java's unknowns do: a call with an unknown argument is unknown (once every argument was evaluated,
 * since an error in another would win), {@code ||} and {@code &&} give their answer when the other side decides it,
 * and a condition whose value is unknown is judged unknown. A closure gives it as its value ({@link #VALUE}).
 */
public enum Unknown {
    VALUE
}
