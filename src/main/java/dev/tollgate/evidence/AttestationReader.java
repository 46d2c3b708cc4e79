package dev.tollgate.evidence;

import dev.tollgate.model.LocationIndex;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.parse.yaml.YamlDocument;
import dev.tollgate.parse.yaml.YamlLoader;
import dev.tollgate.parse.yaml.YamlStream;
import dev.tollgate.policy.ChecklistItem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads an attestation file:
 *
 * <pre>
 * attestations:
 *   - checklist_id: database.daily-backups
 *     who: Jane Roe (SRE)
 *     when: 2026-11-20            # ISO date, or date-time with offset (2026-11-20T09:30:00Z)
 *     link: https://wiki.example.com/backups   # a link, a note, or both
 *     note: Nightly pg_dump to S3, restore tested on 2026-11-18
 * </pre>
 *
 * Every error is reported with {@code file:line:column}: an unknown checklist id, a date in the future, a missing
 * field, a date that does not parse. All errors are collected before failing, so one run shows them all.
 */
public final class AttestationReader {

    static final List<String> FIELDS = List.of("checklist_id", "who", "when", "link", "note");

    private final Set<String> knownIds;
    private final Instant now;

    /**
     * @param checklist the catalogue the ids must belong to
     * @param now the real current time: an attestation dated after it is an error (SOURCE_DATE_EPOCH does not move it,
     *     since it dates the evidence, not the world)
     */
    public AttestationReader(List<ChecklistItem> checklist, Instant now) {
        this.knownIds = checklist.stream().map(ChecklistItem::id).collect(Collectors.toUnmodifiableSet());
        this.now = now;
    }

    /** The attestations of {@code file}, shown in messages as {@code display}; throws with every error found. */
    public List<Attestation> read(Path file, String display) throws EvidenceException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (IOException e) {
            throw new EvidenceException(List.of(new EvidenceError(display, 0, 0,
                    "cannot read attestation file: " + e.getMessage())));
        }
        return parse(text, display);
    }

    /** The attestations in {@code text}; throws with every error found. */
    public List<Attestation> parse(String text, String display) throws EvidenceException {
        List<EvidenceError> errors = new ArrayList<>();
        YamlStream stream = new YamlLoader().load(text, display);
        stream.problems().forEach(p -> errors.add(new EvidenceError(display, p.line(), p.column(), p.message())));
        if (!errors.isEmpty()) {
            throw new EvidenceException(errors);
        }
        if (stream.documents().size() != 1) {
            throw new EvidenceException(List.of(new EvidenceError(display, 1, 1,
                    "expected one YAML document with a list 'attestations', found " + stream.documents().size())));
        }
        YamlDocument doc = stream.documents().get(0);
        Object list = doc.root() instanceof Map<?, ?> m ? m.get("attestations") : null;
        if (!(list instanceof List<?> entries)) {
            SourceLocation at = doc.start();
            throw new EvidenceException(List.of(new EvidenceError(display, at.line(), at.column(),
                    "an attestation file must have a list 'attestations'")));
        }
        List<Attestation> attestations = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Attestation a = entry(doc, "/attestations/" + i, entries.get(i), display, errors);
            if (a != null) {
                attestations.add(a);
            }
        }
        if (!errors.isEmpty()) {
            throw new EvidenceException(errors);
        }
        return attestations;
    }

    private Attestation entry(YamlDocument doc, String pointer, Object value, String display,
            List<EvidenceError> errors) {
        SourceLocation at = doc.locations().find(pointer);
        if (!(value instanceof Map<?, ?> map)) {
            errors.add(error(display, at, "an attestation must be a map with " + String.join(", ", FIELDS)));
            return null;
        }
        int before = errors.size();
        for (Object key : map.keySet()) {
            if (!FIELDS.contains(String.valueOf(key))) {
                errors.add(error(display,
                        doc.locations().find(pointer + "/" + LocationIndex.escape(String.valueOf(key))),
                        "unknown field '" + key + "' (expected " + String.join(", ", FIELDS) + ")"));
            }
        }
        String id = text(map, "checklist_id", doc, pointer, display, errors, true);
        String who = text(map, "who", doc, pointer, display, errors, true);
        String when = text(map, "when", doc, pointer, display, errors, true);
        String link = text(map, "link", doc, pointer, display, errors, false);
        String note = text(map, "note", doc, pointer, display, errors, false);
        if (id != null && !knownIds.contains(id)) {
            errors.add(error(display, doc.locations().find(pointer + "/checklist_id"),
                    "unknown checklist id '" + id + "' (not in the checklist)"));
        }
        if (when != null) {
            checkDate(when, display, doc.locations().find(pointer + "/when"), errors);
        }
        if (!map.containsKey("link") && !map.containsKey("note")) {
            errors.add(error(display, at, "an attestation needs a 'link' or a 'note' saying where the proof is"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new Attestation(id, who, when, link, note, display + ":" + (at == null ? 0 : at.line()));
    }

    /** A string field; numbers and booleans are not accepted where people write names, dates and links. */
    private static String text(Map<?, ?> map, String field, YamlDocument doc, String pointer, String display,
            List<EvidenceError> errors, boolean required) {
        Object v = map.get(field);
        if (v == null && !map.containsKey(field)) {
            if (required) {
                errors.add(error(display, doc.locations().find(pointer), "attestation without '" + field + "'"));
            }
            return null;
        }
        if (!(v instanceof String s) || s.isBlank()) {
            errors.add(error(display, doc.locations().find(pointer + "/" + field),
                    "'" + field + "' must be a non-empty string"));
            return null;
        }
        return s.strip();
    }

    private void checkDate(String when, String display, SourceLocation at, List<EvidenceError> errors) {
        Instant instant;
        try {
            if (when.length() == 10) {
                // A date alone is someone's local day: it is in the future only once no time zone has reached it yet
                // (UTC+14 is the earliest), so a true date is never rejected for being written east of UTC.
                LocalDate date = LocalDate.parse(when);
                instant = date.atStartOfDay().toInstant(ZoneOffset.ofHours(14));
            } else {
                instant = OffsetDateTime.parse(when).toInstant();
            }
        } catch (DateTimeParseException e) {
            errors.add(error(display, at, "'when' must be an ISO-8601 date (2026-11-20) or date-time with offset "
                    + "(2026-11-20T09:30:00Z), not '" + when + "'"));
            return;
        }
        if (instant.isAfter(now)) {
            errors.add(error(display, at, "'when' " + when + " is in the future"));
        }
    }

    private static EvidenceError error(String display, SourceLocation at, String message) {
        return at == null ? new EvidenceError(display, 0, 0, message)
                : new EvidenceError(display, at.line(), at.column(), message);
    }
}
