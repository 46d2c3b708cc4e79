package dev.tollgate.evidence;

import java.util.Objects;

/**
 * A person's statement that a checklist item is done, from an attestation file.
 *
 * @param checklistId the item
 * @param who who attests it
 * @param when the date (or date and time) as written, ISO-8601
 * @param link where the proof is (a ticket, a runbook, a dashboard); null when only a note is given
 * @param note what was done; null when only a link is given
 * @param source where the attestation was written, {@code file:line}
 */
public record Attestation(String checklistId, String who, String when, String link, String note, String source) {

    public Attestation {
        Objects.requireNonNull(checklistId, "checklistId");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(source, "source");
    }
}
