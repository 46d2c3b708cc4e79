package dev.tollgate.policy;

import dev.tollgate.parse.yaml.YamlDocument;
import dev.tollgate.parse.yaml.YamlLoader;
import dev.tollgate.parse.yaml.YamlStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The entry point of the policy package: the checklist and the policies, loaded and validated.
 *
 * <p>A policy directory holds {@code checklist.yaml} (optional outside the bundled set) and policy files
 * {@code **}{@code /<ID>.yaml}. Later directories add policies and replace bundled ones with the same id.
 *
 * @param policies the policies, sorted by id
 * @param checklist the checklist items, in catalogue order
 * @param digests SHA-256 (lowercase hex) of the bytes of every file the catalogue was built from, by display path:
 *     each checklist file read and each policy kept (a replaced bundled policy is not used, so it is not listed);
 *     sorted by path. Audit evidence records them: the bundled files live in the jar and cannot be re-read later.
 */
public record PolicyCatalog(List<Policy> policies, List<ChecklistItem> checklist, Map<String, String> digests) {

    public static final String CHECKLIST_FILE = "checklist.yaml";

    public PolicyCatalog {
        policies = policies.stream().sorted(Comparator.comparing(Policy::id)).toList();
        checklist = List.copyOf(checklist);
        digests = Collections.unmodifiableMap(new TreeMap<>(digests));
    }

    /** A catalogue built in memory (tests), with no file digests. */
    public PolicyCatalog(List<Policy> policies, List<ChecklistItem> checklist) {
        this(policies, checklist, Map.of());
    }

    /** A directory of policies and the prefix its files are shown with in messages. */
    public record Source(Path root, String displayPrefix) {
    }

    /**
     * Loads every source in order. Checks: each file parses, ids equal file names and are unique within a source,
     * every checklist id a policy names exists.
     */
    public static PolicyCatalog load(List<Source> sources) throws PolicyLoadException {
        return load(null, sources);
    }

    /**
     * As {@link #load(List)}, starting from {@code base} (the bundled catalogue read back from its build-time
     * {@link CatalogSnapshot}) as if it had been loaded from the first source: the same checks, replacements and
     * digests follow. {@code base} may be null.
     */
    public static PolicyCatalog load(PolicyCatalog base, List<Source> sources) throws PolicyLoadException {
        List<PolicyError> errors = new ArrayList<>();
        Map<String, ChecklistItem> checklist = new LinkedHashMap<>();
        Map<String, Policy> policies = new LinkedHashMap<>();
        Map<String, String> digests = new LinkedHashMap<>();
        if (base != null) {
            base.checklist().forEach(c -> checklist.put(c.id(), c));
            CatalogSnapshot.inLoadOrder(base).forEach(p -> policies.put(p.id(), p));
            digests.putAll(base.digests());
        }
        PolicyReader reader = new PolicyReader();
        for (Source source : sources) {
            Path checklistFile = source.root().resolve(CHECKLIST_FILE);
            if (Files.isRegularFile(checklistFile)) {
                readChecklist(checklistFile, source.displayPrefix() + CHECKLIST_FILE, checklist, digests, errors);
            }
            Map<String, String> seenInSource = new LinkedHashMap<>();
            for (Path file : policyFiles(source.root(), errors, source.displayPrefix())) {
                String rel = source.root().relativize(file).toString().replace('\\', '/');
                String display = source.displayPrefix() + rel;
                String name = file.getFileName().toString();
                String expectedId = name.substring(0, name.lastIndexOf('.'));
                String text;
                String digest;
                try {
                    byte[] bytes = Files.readAllBytes(file);
                    digest = sha256(bytes);
                    text = utf8(bytes);
                } catch (IOException | RuntimeException e) {
                    errors.add(new PolicyError(display, 0, 0, "cannot read policy file: " + e.getMessage()));
                    continue;
                }
                Policy p = reader.read(text, display, expectedId, errors);
                if (p == null) {
                    continue;
                }
                String previous = seenInSource.put(p.id(), display);
                if (previous != null) {
                    errors.add(new PolicyError(display, 0, 0,
                            "duplicate policy id " + p.id() + " (also in " + previous + ")"));
                    continue;
                }
                Policy replaced = policies.put(p.id(), p); // a later source replaces a bundled policy of the same id
                if (replaced != null) {
                    digests.remove(replaced.source());
                }
                digests.put(display, digest);
            }
        }
        for (Policy p : policies.values()) {
            for (String id : p.checklist()) {
                if (!checklist.containsKey(id)) {
                    errors.add(new PolicyError(p.source(), 0, 0,
                            "unknown checklist id '" + id + "' (not in " + CHECKLIST_FILE + ")"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new PolicyLoadException(errors);
        }
        return new PolicyCatalog(new ArrayList<>(policies.values()), new ArrayList<>(checklist.values()), digests);
    }

    public ChecklistItem checklistItem(String id) {
        return checklist.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    private static List<Path> policyFiles(Path root, List<PolicyError> errors, String prefix) {
        if (!Files.isDirectory(root)) {
            errors.add(new PolicyError(prefix.isEmpty() ? root.toString() : prefix, 0, 0,
                    "policy directory not found"));
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.equals(CHECKLIST_FILE);
                    })
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            errors.add(new PolicyError(prefix, 0, 0, "cannot list policy directory: " + e.getMessage()));
            return List.of();
        }
    }

    private static void readChecklist(Path file, String display, Map<String, ChecklistItem> into,
            Map<String, String> digests, List<PolicyError> errors) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            digests.put(display, sha256(bytes));
            text = utf8(bytes);
        } catch (IOException e) {
            errors.add(new PolicyError(display, 0, 0, "cannot read checklist: " + e.getMessage()));
            return;
        }
        YamlStream stream = new YamlLoader().load(text, display);
        stream.problems().forEach(p -> errors.add(new PolicyError(display, p.line(), p.column(), p.message())));
        if (stream.documents().isEmpty()) {
            return;
        }
        YamlDocument doc = stream.documents().get(0);
        Object items = doc.root() instanceof Map<?, ?> m ? m.get("items") : null;
        if (!(items instanceof List<?> list)) {
            errors.add(new PolicyError(display, 1, 1, "checklist must have a list 'items'"));
            return;
        }
        java.util.Set<String> inThisFile = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            var at = doc.locations().find("/items/" + i);
            if (!(list.get(i) instanceof Map<?, ?> item) || !(item.get("id") instanceof String id)
                    || !(item.get("section") instanceof String section)
                    || !(item.get("text") instanceof String itemText)) {
                errors.add(new PolicyError(display, at == null ? 0 : at.line(), at == null ? 0 : at.column(),
                        "checklist item needs string 'id', 'section' and 'text'"));
                continue;
            }
            ChecklistItem.Automation automation = ChecklistItem.Automation.MANUAL;
            if (item.get("automation") != null) {
                try {
                    automation = ChecklistItem.Automation.fromId(String.valueOf(item.get("automation")));
                } catch (IllegalArgumentException e) {
                    errors.add(new PolicyError(display, at.line(), at.column(), e.getMessage()));
                    continue;
                }
            }
            String why = item.get("why") instanceof String w ? w : "";
            if (!inThisFile.add(id)) {
                errors.add(new PolicyError(display, at.line(), at.column(), "duplicate checklist id '" + id + "'"));
                continue;
            }
            // A later checklist may add items; it cannot reword one, so ids stay traceable to one text.
            into.putIfAbsent(id, new ChecklistItem(id, section, itemText, automation, why));
        }
    }

    /** Strict UTF-8, as {@link Files#readString} decodes: malformed input is an error, never replaced silently. */
    private static String utf8(byte[] bytes) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
