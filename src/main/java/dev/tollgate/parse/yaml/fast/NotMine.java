package dev.tollgate.parse.yaml.fast;

/**
 * Thrown inside the fast composer the moment the text leaves the subset it reads with certainty; {@link FastComposer}
 * turns it into "not mine" (null), and the caller reads the whole text with SnakeYAML instead.
 *
 * <p>The message says which rule stopped the fast path; it is only for the corpus statistics of the equality tests,
 * never shown to users. No stack trace: this is ordinary control flow, taken for about one file in ten.
 */
final class NotMine extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NotMine(String why) {
        super(why, null, false, false);
    }
}
