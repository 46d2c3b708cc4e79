package dev.tollgate.engine.closure;

/**
 * Thrown when a closure cannot be sure to give cel-java's answer: an error, a value known only after apply, or a case
 * it does not cover. The caller then asks cel-java, which gives the answer, or the exact error, that it always gave.
 * No stack trace: this is control flow, and some inputs throw it often.
 */
public final class Bail extends RuntimeException {

    Bail(String reason) {
        super(reason, null, false, false);
    }
}
