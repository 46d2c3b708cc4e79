package dev.tollgate.config;

import dev.tollgate.model.SourceLocation;
import dev.tollgate.parse.yaml.YamlDocument;
import dev.tollgate.parse.yaml.YamlLoader;
import dev.tollgate.parse.yaml.YamlStream;
import dev.tollgate.policy.Severity;
import dev.tollgate.suppress.SuppressionRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entry point of configuration: reads {@code .tollgate.yml}. Unknown keys are errors with their line, because a
 * misspelt {@code exlude:} would otherwise silently scan what the team meant to leave out.
 */
public final class ConfigReader {

    /** The file looked for at the scan root when {@code --config} is not given. */
    public static final String DEFAULT_NAME = ".tollgate.yml";

    private static final Map<String, Set<String>> KEYS = Map.of(
            "", Set.of("fail-on", "policies", "exclude", "terraform", "suppressions"),
            "/policies", Set.of("enable", "disable", "severity", "dirs"),
            "/terraform", Set.of("var-files", "vars"),
            "/suppressions", Set.of("forbid-inline", "rules"));
    private static final Set<String> RULE_KEYS = Set.of("policy", "path", "resource", "reason", "until");

    private ConfigReader() {
    }

    /** Reads {@code file}; {@code shown} is how messages name it. */
    public static TollgateConfig read(Path file, String shown) throws ConfigError {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigError(List.of(shown + ": cannot read configuration: " + e.getMessage()));
        }
        return parse(text, shown);
    }

    static TollgateConfig parse(String text, String shown) throws ConfigError {
        YamlStream stream = new YamlLoader().load(text, shown);
        List<String> errors = new ArrayList<>();
        stream.problems().forEach(p -> errors.add(p.where() + ": " + p.message()));
        if (!errors.isEmpty()) {
            throw new ConfigError(errors);
        }
        if (stream.documents().isEmpty() || stream.documents().get(0).root() == null) {
            return new TollgateConfig(shown, null, false, Set.of(), Set.of(), Map.of(), List.of(), List.of(),
                    List.of(), Map.of(), Set.of(), List.of());
        }
        Reader r = new Reader(stream.documents().get(0), shown, errors);
        if (!(r.doc.root() instanceof Map<?, ?>)) {
            throw new ConfigError(List.of(shown + ":1:1: the configuration must be a mapping"));
        }
        KEYS.forEach(r::rejectUnknown);

        Severity failOn = null;
        boolean failOnNone = false;
        String fail = r.string("/fail-on");
        if ("none".equals(fail)) {
            failOnNone = true;
        } else if (fail != null) {
            failOn = r.severity("/fail-on", fail);
        }
        Map<String, Severity> severities = new LinkedHashMap<>();
        if (r.get("/policies/severity") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                Severity s = r.severity("/policies/severity/" + k, String.valueOf(v));
                if (s != null) {
                    severities.put(String.valueOf(k), s);
                }
            });
        } else if (r.get("/policies/severity") != null) {
            r.error("/policies/severity", "'policies.severity' must map policy ids to severities");
        }
        List<SuppressionRule> rules = new ArrayList<>();
        if (r.get("/suppressions/rules") instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                SuppressionRule rule = r.rule("/suppressions/rules/" + i);
                if (rule != null) {
                    rules.add(rule);
                }
            }
        } else if (r.get("/suppressions/rules") != null) {
            r.error("/suppressions/rules", "'suppressions.rules' must be a list");
        }
        Map<String, String> vars = new LinkedHashMap<>();
        if (r.get("/terraform/vars") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> vars.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        }
        TollgateConfig config = new TollgateConfig(shown, failOn, failOnNone,
                new LinkedHashSet<>(r.strings("/policies/enable")), new LinkedHashSet<>(r.strings("/policies/disable")),
                severities, r.strings("/policies/dirs"), r.globs("/exclude"), r.strings("/terraform/var-files"),
                vars, new LinkedHashSet<>(r.strings("/suppressions/forbid-inline")), rules);
        if (!errors.isEmpty()) {
            throw new ConfigError(errors);
        }
        return config;
    }

    /** Located, typed reads of the configuration document; each mistake is added to {@code errors}. */
    private static final class Reader {
        final YamlDocument doc;
        final String file;
        final List<String> errors;

        Reader(YamlDocument doc, String file, List<String> errors) {
            this.doc = doc;
            this.file = file;
            this.errors = errors;
        }

        void error(String pointer, String message) {
            SourceLocation at = doc.locations().find(pointer);
            errors.add((at == null ? file : file + ":" + at.line() + ":" + at.column()) + ": " + message);
        }

        Object get(String pointer) {
            Object cur = doc.root();
            for (String part : pointer.substring(1).split("/")) {
                if (cur instanceof Map<?, ?> m) {
                    cur = m.get(part);
                } else if (cur instanceof List<?> l && part.chars().allMatch(Character::isDigit)
                        && Integer.parseInt(part) < l.size()) {
                    cur = l.get(Integer.parseInt(part));
                } else {
                    return null;
                }
            }
            return cur;
        }

        void rejectUnknown(String pointer, Set<String> allowed) {
            Object node = pointer.isEmpty() ? doc.root() : get(pointer);
            if (node instanceof Map<?, ?> m) {
                for (Object k : m.keySet()) {
                    if (!allowed.contains(String.valueOf(k))) {
                        error(pointer + "/" + k, "unknown key '" + k + "'" + (pointer.isEmpty() ? "" : " in '"
                                + pointer.substring(1).replace('/', '.') + "'") + " (expected one of "
                                + String.join(", ", allowed.stream().sorted().toList()) + ")");
                    }
                }
            } else if (node != null) {
                error(pointer, "'" + pointer.substring(1).replace('/', '.') + "' must be a mapping");
            }
        }

        String string(String pointer) {
            Object v = get(pointer);
            if (v == null) {
                return null;
            }
            if (v instanceof Map<?, ?> || v instanceof List<?>) {
                error(pointer, "'" + pointer.substring(1).replace('/', '.') + "' must be a single value");
                return null;
            }
            return String.valueOf(v).strip();
        }

        List<String> strings(String pointer) {
            Object v = get(pointer);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof List<?> list)
                    || list.stream().anyMatch(x -> x instanceof Map<?, ?> || x instanceof List<?>)) {
                error(pointer, "'" + pointer.substring(1).replace('/', '.') + "' must be a list of strings");
                return List.of();
            }
            return list.stream().map(x -> String.valueOf(x).strip()).toList();
        }

        /** {@link #strings}, each a valid {@link Glob}; an invalid one is an error at its line, and left out. */
        List<String> globs(String pointer) {
            List<String> out = new java.util.ArrayList<>();
            List<String> all = strings(pointer);
            for (int i = 0; i < all.size(); i++) {
                if (glob(pointer + "/" + i, all.get(i))) {
                    out.add(all.get(i));
                }
            }
            return out;
        }

        boolean glob(String pointer, String glob) {
            try {
                Glob.of(glob);
                return true;
            } catch (IllegalArgumentException e) {
                error(pointer, e.getMessage());
                return false;
            }
        }

        Severity severity(String pointer, String value) {
            try {
                return Severity.fromId(value.strip().toLowerCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                error(pointer, e.getMessage());
                return null;
            }
        }

        SuppressionRule rule(String pointer) {
            if (!(get(pointer) instanceof Map<?, ?> m)) {
                error(pointer,
                        "a suppression rule is a mapping with policy, reason and optionally path, resource, until");
                return null;
            }
            for (Object k : m.keySet()) {
                if (!RULE_KEYS.contains(String.valueOf(k))) {
                    error(pointer + "/" + k, "unknown key '" + k + "' in a suppression rule (expected one of "
                            + String.join(", ", RULE_KEYS.stream().sorted().toList()) + ")");
                }
            }
            String policy = string(pointer + "/policy");
            String reason = string(pointer + "/reason");
            if (policy == null || policy.isEmpty()) {
                error(pointer, "a suppression rule needs 'policy' (an id, or *)");
                return null;
            }
            if (reason == null || reason.isEmpty()) {
                error(pointer, "a suppression rule needs a 'reason'");
                return null;
            }
            LocalDate until = null;
            String u = string(pointer + "/until");
            if (u != null) {
                try {
                    until = LocalDate.parse(u);
                } catch (DateTimeParseException e) {
                    error(pointer + "/until", "'until' must be a date (YYYY-MM-DD), not '" + u + "'");
                    return null;
                }
            }
            for (String key : List.of("path", "resource")) {
                String glob = string(pointer + "/" + key);
                if (glob != null && !glob(pointer + "/" + key, glob)) {
                    return null;
                }
            }
            SourceLocation at = doc.locations().find(pointer);
            return new SuppressionRule(policy, string(pointer + "/path"), string(pointer + "/resource"), reason, until,
                    at == null ? SourceLocation.startOf(file) : at);
        }
    }
}
