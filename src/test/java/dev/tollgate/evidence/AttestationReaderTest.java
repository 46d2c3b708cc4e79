package dev.tollgate.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.policy.ChecklistItem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Attestation files: good ones read, every error located at file:line:column. */
class AttestationReaderTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final AttestationReader READER = new AttestationReader(List.of(
            new ChecklistItem("database.daily-backups", "Backend / Database", "Automated daily backups configured"),
            new ChecklistItem("testing.load-test", "Testing / Performance", "Load test passed")), NOW);

    private static List<String> errors(String yaml) {
        EvidenceException e = assertThrows(EvidenceException.class, () -> READER.parse(yaml, "att.yaml"));
        return e.errors().stream().map(EvidenceError::toString).toList();
    }

    @Test
    void readsEveryField() throws Exception {
        List<Attestation> read = READER.parse("""
                attestations:
                  - checklist_id: database.daily-backups
                    who: Jane Roe (SRE)
                    when: 2026-11-20
                    link: https://wiki.example.com/backups
                    note: restore tested
                  - checklist_id: testing.load-test
                    who: Sam
                    when: "2026-11-26T11:59:00Z"
                    note: 500 rps for an hour
                """, "att.yaml");
        assertEquals(List.of(
                new Attestation("database.daily-backups", "Jane Roe (SRE)", "2026-11-20",
                        "https://wiki.example.com/backups", "restore tested", "att.yaml:2"),
                new Attestation("testing.load-test", "Sam", "2026-11-26T11:59:00Z", null, "500 rps for an hour",
                        "att.yaml:7")), read);
    }

    @Test
    void unknownIdIsAnErrorAtItsLine() {
        assertEquals(List.of("att.yaml:3:5: unknown checklist id 'database.backups' (not in the checklist)"), errors("""
                attestations:
                  - who: Jane
                    checklist_id: database.backups
                    when: 2026-11-20
                    note: done
                """));
    }

    @Test
    void dateInTheFutureIsAnErrorAtItsLine() {
        assertEquals(List.of("att.yaml:4:5: 'when' 2026-12-01 is in the future"), errors("""
                attestations:
                  - checklist_id: database.daily-backups
                    who: Jane
                    when: 2026-12-01
                    note: will do
                """));
        assertEquals(List.of("att.yaml:4:5: 'when' 2026-11-26T12:00:01Z is in the future"), errors("""
                attestations:
                  - checklist_id: database.daily-backups
                    who: Jane
                    when: 2026-11-26T12:00:01Z
                    note: will do
                """));
    }

    @Test
    void todayIsNotTheFutureEvenEastOfUtc() throws Exception {
        // At 12:00 UTC it is already the 27th in UTC+14: a true date written there must pass.
        assertEquals(1, READER.parse("""
                attestations:
                  - {checklist_id: database.daily-backups, who: Kiri, when: 2026-11-27, note: Kiritimati}
                """, "att.yaml").size());
    }

    @Test
    void everyErrorIsReportedAtOnce() {
        assertEquals(List.of(
                "att.yaml:3:5: 'who' must be a non-empty string",
                "att.yaml:4:5: 'when' must be an ISO-8601 date (2026-11-20) or date-time with offset "
                        + "(2026-11-20T09:30:00Z), not 'last week'",
                "att.yaml:2:5: an attestation needs a 'link' or a 'note' saying where the proof is",
                "att.yaml:6:5: unknown field 'by' (expected checklist_id, who, when, link, note)",
                "att.yaml:5:5: unknown checklist id 'nope' (not in the checklist)"), errors("""
                attestations:
                  - checklist_id: database.daily-backups
                    who:
                    when: last week
                  - checklist_id: nope
                    by: Jane
                    who: Jane
                    when: 2026-01-01
                    link: https://x.example
                """));
    }

    @Test
    void wrongShapeAndBadYamlAreLocated() {
        assertEquals(List.of("att.yaml:1:1: an attestation file must have a list 'attestations'"),
                errors("- checklist_id: database.daily-backups\n"));
        List<String> bad = errors("attestations:\n  - checklist_id: [unclosed\n");
        assertEquals(1, bad.size());
        // At the end of the unclosed line, not on the line after the final line break, which the file does not have.
        assertEquals(true, bad.get(0).startsWith("att.yaml:2:28:"), bad.get(0));
    }
}
