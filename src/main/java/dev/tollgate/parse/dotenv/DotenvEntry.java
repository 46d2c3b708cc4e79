package dev.tollgate.parse.dotenv;

import dev.tollgate.model.SourceLocation;
import java.util.Objects;

/**
 * One {@code KEY=value} assignment of an env file, as written.
 *
 * @param key the variable name
 * @param value the value after quote removal and (in double quotes) escape processing; {@code ${VAR}} and
 *     {@code $VAR} references are kept exactly as written. {@code null} when the line names a key with no {@code =}
 *     ({@code KEY} alone), which compose reads as "take it from the environment of the caller": not known here.
 * @param keyLocation where the key starts (the line reported for the whole assignment, even a multi-line one)
 * @param valueLocation where the value starts (its opening quote, if quoted); the key's location when there is no
 *     {@code =}
 * @param quote how the value was quoted
 */
public record DotenvEntry(String key, String value, SourceLocation keyLocation, SourceLocation valueLocation,
        Quote quote) {

    /** The quotes around a value. */
    public enum Quote {
        NONE,
        /** {@code '...'}: literal, no escapes. */
        SINGLE,
        /** {@code "..."}: {@code \n \t \" \\ \$} are escapes; other backslashes are kept. */
        DOUBLE,
        /** {@code `...`}: literal, no escapes. */
        BACKTICK
    }

    public DotenvEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(keyLocation, "keyLocation");
        Objects.requireNonNull(valueLocation, "valueLocation");
        Objects.requireNonNull(quote, "quote");
    }

    public boolean quoted() {
        return quote != Quote.NONE;
    }
}
