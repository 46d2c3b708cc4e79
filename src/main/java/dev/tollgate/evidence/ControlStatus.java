package dev.tollgate.evidence;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a checklist item stands in one evidence export (rules: {@link Controls}). */
public enum ControlStatus {
    /** At least one resource was evaluated for the item and none failed. */
    PASS,
    /** At least one unsuppressed failure. */
    FAIL,
    /**
     * No failure, but a file the item's policies would judge was not fully understood (parse error, unreadable,
     * skipped, not scanned): what was read does not prove the item.
     */
    INCOMPLETE,
    /** Only evaluations that could not decide (policy errors). */
    UNKNOWN,
    /** No file can show the item: it needs an attestation, whether or not one was given. */
    MANUAL,
    /** An automated or partial item with no matching resource in the scanned tree. */
    NOT_APPLICABLE;

    /** The id written into evidence.json: {@code pass}, {@code not_applicable}, ... */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How a person reads it. */
    public String label() {
        return this == NOT_APPLICABLE ? "not applicable" : id();
    }
}
