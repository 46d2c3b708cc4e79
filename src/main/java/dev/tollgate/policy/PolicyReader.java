package dev.tollgate.policy;

import dev.tollgate.model.Format;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.parse.yaml.YamlDocument;
import dev.tollgate.parse.yaml.YamlLoader;
import dev.tollgate.parse.yaml.YamlStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one policy file. Every mistake becomes a located {@link PolicyError}; unknown keys are errors too,
 * because a misspelt {@code condtion:} would otherwise silently disable a check.
 */
final class PolicyReader {

    private static final Set<String> KEYS = Set.of("id", "title", "description", "severity", "checklist", "match",
            "select", "selectTypes", "reportAt", "condition", "message", "messageExpression", "remediation",
            "references");
    private static final Set<String> MATCH_KEYS = Set.of("format", "kinds");
    private static final Pattern BLOCK_HEADER = Pattern.compile(":\\s*[|>][-+0-9]*\\s*(#.*)?$");
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");

    private final YamlLoader yaml = new YamlLoader();

    /** The policy in {@code text}, or null with errors added to {@code errors}. */
    Policy read(String text, String displayPath, String expectedId, List<PolicyError> errors) {
        int before = errors.size();
        YamlStream stream = yaml.load(text, displayPath);
        stream.problems().forEach(p -> errors.add(new PolicyError(displayPath, p.line(), p.column(), p.message())));
        if (stream.documents().size() != 1 || !(stream.documents().get(0).root() instanceof Map<?, ?>)) {
            if (errors.size() == before) {
                errors.add(new PolicyError(displayPath, 0, 0, "a policy file holds exactly one YAML mapping"));
            }
            return null;
        }
        YamlDocument doc = stream.documents().get(0);
        Fields f = new Fields(doc, displayPath, errors);
        f.rejectUnknown("", KEYS);
        f.rejectUnknown("/match", MATCH_KEYS);

        String id = f.requiredString("id");
        if (id != null && !ID.matcher(id).matches()) {
            f.error("/id", "policy id '" + id + "' must be upper-case words joined by '-', e.g. TG-K8S-REDIS-001");
        }
        if (id != null && !id.equals(expectedId)) {
            f.error("/id", "policy id '" + id + "' must equal the file name '" + expectedId + "'");
        }
        String title = f.requiredString("title");
        Severity severity = null;
        String sev = f.requiredString("severity");
        if (sev != null) {
            try {
                severity = Severity.fromId(sev);
            } catch (IllegalArgumentException e) {
                f.error("/severity", e.getMessage());
            }
        }
        List<String> checklist = f.stringList("checklist");
        if (checklist.isEmpty()) {
            f.error("/checklist", "a policy names at least one checklist id");
        }
        Format format = null;
        String fmt = f.requiredString("match/format");
        if (fmt != null) {
            try {
                format = Format.fromId(fmt);
            } catch (IllegalArgumentException e) {
                f.error("/match/format", e.getMessage());
            }
        }
        List<String> kinds = f.stringList("match/kinds");
        List<String> select = f.stringOrList("select");
        List<String> selectTypes = f.stringOrList("selectTypes");
        for (String t : selectTypes) {
            if (!Policy.SELECT_TYPES.contains(t)) {
                f.error("/selectTypes", "unknown type '" + t + "'; one of " + String.join(", ", Policy.SELECT_TYPES));
            }
        }
        if (!selectTypes.isEmpty() && select.isEmpty()) {
            f.error("/selectTypes", "selectTypes filters the elements of select, and there is no select");
        }
        String condition = f.requiredString("condition");
        String messageExpression = f.optionalString("messageExpression");

        if (errors.size() > before) {
            return null;
        }
        Map<String, ExpressionOrigin> origins = new HashMap<>();
        for (String field : List.of("select", "condition", "messageExpression")) {
            SourceLocation key = doc.locations().byPointer().get("/" + field);
            if (key != null) {
                origins.put(field, origin(text, displayPath, key));
            }
        }
        return new Policy(id, title, f.optionalString("description"), severity, checklist, format, kinds, select,
                f.stringOrList("reportAt"), condition, f.optionalString("message"), messageExpression,
                f.optionalString("remediation"), f.stringList("references"), displayPath, origins, selectTypes);
    }

    /** Where the value of the key at {@code key} starts: the next line for a block scalar, else after the colon. */
    private static ExpressionOrigin origin(String text, String file, SourceLocation key) {
        String[] lines = text.split("\r?\n", -1);
        String keyLine = lines[key.line() - 1];
        if (BLOCK_HEADER.matcher(keyLine).find()) {
            for (int i = key.line(); i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    int indent = lines[i].length() - lines[i].stripLeading().length();
                    return new ExpressionOrigin(file, i + 1, indent + 1, true);
                }
            }
            return new ExpressionOrigin(file, key.line(), key.column(), true);
        }
        int colon = keyLine.indexOf(':', key.column() - 1);
        int col = colon + 1;
        while (col < keyLine.length() && keyLine.charAt(col) == ' ') {
            col++;
        }
        if (col < keyLine.length() && (keyLine.charAt(col) == '"' || keyLine.charAt(col) == '\'')) {
            col++;
        }
        return new ExpressionOrigin(file, key.line(), col + 1, false);
    }

    /** Typed, located access to a policy document's fields. */
    private static final class Fields {
        private final YamlDocument doc;
        private final String file;
        private final List<PolicyError> errors;

        Fields(YamlDocument doc, String file, List<PolicyError> errors) {
            this.doc = doc;
            this.file = file;
            this.errors = errors;
        }

        void error(String pointer, String message) {
            SourceLocation at = doc.locations().find(pointer);
            errors.add(at == null ? new PolicyError(file, 0, 0, message)
                    : new PolicyError(file, at.line(), at.column(), message));
        }

        Object get(String path) {
            Object cur = doc.root();
            for (String part : path.split("/")) {
                if (!(cur instanceof Map<?, ?> m)) {
                    return null;
                }
                cur = m.get(part);
            }
            return cur;
        }

        void rejectUnknown(String pointer, Set<String> allowed) {
            Object node = pointer.isEmpty() ? doc.root() : get(pointer.substring(1));
            if (node instanceof Map<?, ?> m) {
                for (Object k : m.keySet()) {
                    if (!allowed.contains(String.valueOf(k))) {
                        error(pointer + "/" + k, "unknown key '" + k + "' (expected one of "
                                + String.join(", ", allowed.stream().sorted().toList()) + ")");
                    }
                }
            } else if (node != null) {
                error(pointer, "'" + pointer.substring(1) + "' must be a mapping");
            }
        }

        String requiredString(String path) {
            Object v = get(path);
            if (v == null) {
                error("/" + path.substring(0, Math.max(0, path.lastIndexOf('/'))),
                        "missing required key '" + path.replace('/', '.') + "'");
                return null;
            }
            if (!(v instanceof String s) || s.isBlank()) {
                error("/" + path, "'" + path.replace('/', '.') + "' must be a non-empty string");
                return null;
            }
            return s.strip();
        }

        String optionalString(String path) {
            Object v = get(path);
            if (v == null) {
                return null;
            }
            if (!(v instanceof String s)) {
                error("/" + path, "'" + path.replace('/', '.') + "' must be a string");
                return null;
            }
            return s.strip();
        }

        /** A string or a list of strings, as a list. */
        List<String> stringOrList(String path) {
            Object v = get(path);
            if (v instanceof String s) {
                return s.isBlank() ? List.of() : List.of(s.strip());
            }
            return stringList(path);
        }

        List<String> stringList(String path) {
            Object v = get(path);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof List<?> list) || !list.stream().allMatch(x -> x instanceof String)) {
                error("/" + path, "'" + path.replace('/', '.') + "' must be a list of strings");
                return List.of();
            }
            List<String> out = new ArrayList<>();
            list.forEach(x -> out.add(((String) x).strip()));
            return out;
        }
    }
}
