package dev.tollgate.parse.compose;

import dev.tollgate.model.LocationIndex;
import dev.tollgate.model.Problem;
import dev.tollgate.model.SourceFile;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.parse.ScanTree;
import dev.tollgate.parse.SourceText;
import dev.tollgate.parse.yaml.YamlLoader;
import dev.tollgate.parse.yaml.YamlStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves a compose service's {@code extends} (https://docs.docker.com/reference/compose-file/services/#extends):
 * the base service, in the same file or in {@code file:}, is merged under the service by the specification's rules,
 * so policies judge what compose would run. Every inherited node keeps the location where it is written, in the base
 * service and possibly in the other file.
 *
 * <p>The merge: mappings are merged key by key, the extending service winning ({@code environment}, {@code labels},
 * {@code extra_hosts}, {@code sysctls}, {@code build.args}... also when written as lists); {@code volumes} and
 * {@code devices} are merged by their target path in the container; {@code ports}, {@code expose}, {@code secrets},
 * {@code configs}, {@code cap_add}, {@code security_opt}... are appended without duplicates; {@code dns},
 * {@code dns_search}, {@code env_file} and {@code tmpfs} are appended; anything else ({@code image},
 * {@code command}, {@code healthcheck.test}) is the extending service's when it sets it. {@code depends_on},
 * {@code volumes_from} and {@code links} are not inherited: the specification forbids them in a base.
 *
 * <p>Only files inside the scanned tree are read ({@link ScanTree}); an absolute {@code file:} is never read. A
 * missing file or service, a loop ({@code a} extends {@code b} extends {@code a}) or a malformed {@code extends} is a
 * problem at the {@code extends} line that cannot be followed, and the service is judged as written. Problem messages
 * depend only on where they are located, so the same problem found from two compose files is reported once.
 * Not thread-safe: one instance per compose file.
 */
final class ServiceExtends {

    private static final String EXTENDS = "extends";
    private static final Set<String> NOT_INHERITED = Set.of("depends_on", "volumes_from", "links");
    /** Merged as mappings, also when one side is written as a list of {@code KEY=VALUE}. */
    private static final Set<String> MAPPINGS = Set.of("environment", "labels", "extra_hosts", "sysctls",
            "storage_opt", "ulimits", "healthcheck", "logging.options", "build.args", "build.labels",
            "build.extra_hosts", "deploy.labels", "deploy.update_config", "deploy.rollback_config",
            "deploy.restart_policy", "deploy.resources.limits");
    /** Merged as mappings keyed by the target path in the container. */
    private static final Set<String> BY_TARGET = Set.of("volumes", "devices", "blkio_config.device_read_bps",
            "blkio_config.device_read_iops", "blkio_config.device_write_bps", "blkio_config.device_write_iops");
    /** Appended, duplicates removed. */
    private static final Set<String> UNIQUE_SEQUENCES = Set.of("cap_add", "cap_drop", "configs",
            "deploy.placement.constraints", "deploy.placement.preferences",
            "deploy.resources.reservations.generic_resources", "device_cgroup_rules", "expose", "external_links",
            "ports", "secrets", "security_opt");
    /** Appended, duplicates kept. */
    private static final Set<String> SEQUENCES = Set.of("dns", "dns_search", "env_file", "tmpfs");

    /** A service with its extends resolved, and where each of its nodes is written (pointers from the service). */
    record Resolved(Map<String, Object> service, Map<String, SourceLocation> locations) {
    }

    /** A value and the locations of its nodes, by pointer relative to the value ({@code ""}: the value itself). */
    private record Node(Object value, Map<String, SourceLocation> locs) {
    }

    /** A compose file whose services can be extended. */
    private record ComposeDoc(String display, Path path, Map<?, ?> services, ServiceLocations locations) {

        Node service(String name) {
            return new Node(services.get(name), locations.of(name));
        }
    }

    /** One service of one file, as a link of an extends chain. */
    private record Link(String file, String service) {
    }

    private final YamlLoader yaml;
    private final ScanTree tree;
    private final ComposeDoc main;
    private final Collection<Problem> problems;
    private final Map<String, ComposeDoc> loaded = new HashMap<>();
    /**
     * Bases already resolved, by file and service. Without it each service resolved its whole chain again, and each
     * step re-read the file's locations: a chain of 400 services took 5.5 s, one of 3,000 did not finish in 5 minutes.
     * Only a base whose resolution met no loop is kept, since what a loop leaves out depends on where it was entered.
     */
    private final Map<Link, Node> resolvedBases = new HashMap<>();
    private int loops;

    ServiceExtends(YamlLoader yaml, SourceFile file, Map<?, ?> services, ServiceLocations locations, ScanTree tree,
            Collection<Problem> problems) {
        this.yaml = yaml;
        this.tree = tree;
        this.main = new ComposeDoc(file.displayPath(), file.path(), services, locations);
        this.problems = problems;
        loaded.put(main.display(), main);
    }

    /** {@code service} (named {@code name} in the compose file) with its extends chain merged in. */
    Resolved resolve(String name, Map<String, Object> service, Map<String, SourceLocation> locations) {
        if (!service.containsKey(EXTENDS)) {
            return new Resolved(service, locations);
        }
        List<Link> chain = new ArrayList<>();
        chain.add(new Link(main.display(), name));
        Node resolved = resolve(main, name, new Node(service, locations), chain);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) resolved.value();
        return new Resolved(data, new HashMap<>(resolved.locs()));
    }

    /** {@code service} of {@code doc} merged over its base; as written when the base cannot be found. */
    private Node resolve(ComposeDoc doc, String name, Node service, List<Link> chain) {
        Map<?, ?> data = (Map<?, ?>) service.value();
        Object ext = data.get(EXTENDS);
        if (ext == null) {
            return service;
        }
        SourceLocation at = locate(service.locs(), "/" + EXTENDS, doc.display());
        String target;
        String file = null;
        if (ext instanceof String s && !s.isBlank()) {
            target = s;
        } else if (ext instanceof Map<?, ?> m && m.get("service") instanceof String s && !s.isBlank()
                && (m.get("file") == null || m.get("file") instanceof String)) {
            target = s;
            file = (String) m.get("file");
        } else {
            problems.add(Problem.at(at, Problem.Kind.PARSE_ERROR, "extends of service " + name + " must name a service"
                    + " (extends: base, or extends: {service: base, file: common.yml}); judged as written"));
            return service;
        }
        ComposeDoc base = file == null ? doc : load(doc, file, name, at);
        if (base == null) {
            return service;
        }
        if (!(base.services().get(target) instanceof Map<?, ?>)) {
            problems.add(Problem.at(at, Problem.Kind.PARSE_ERROR, "service " + name + " extends " + target + ", which "
                    + (base == doc ? "this file" : base.display()) + " does not define; judged without what it would"
                    + " inherit"));
            return service;
        }
        Link link = new Link(base.display(), target);
        int seen = chain.indexOf(link);
        if (seen >= 0) {
            List<String> loop = new ArrayList<>();
            loop.add(label(doc, chain.get(chain.size() - 1)));
            chain.subList(seen, chain.size()).forEach(l -> loop.add(label(doc, l)));
            problems.add(Problem.at(at, Problem.Kind.PARSE_ERROR, "extends loop: " + String.join(" -> ", loop)
                    + "; service " + name + " is judged without what it would inherit"));
            loops++;
            return service;
        }
        Node inherited = resolvedBases.get(link);
        if (inherited == null) {
            int loopsBefore = loops;
            chain.add(link);
            inherited = resolve(base, target, base.service(target), chain);
            chain.remove(chain.size() - 1);
            if (loops == loopsBefore) {
                resolvedBases.put(link, inherited);
            }
        }
        return merge("", inheritable(inherited, base.display(), doc.display()), without(service, EXTENDS));
    }

    /** A link as the file it is reported in names it: a service of that file by its name, else {@code file:service}. */
    private static String label(ComposeDoc where, Link link) {
        return link.file().equals(where.display()) ? link.service() : link.file() + ":" + link.service();
    }

    /** The compose file {@code written} names from {@code from}; null, with a problem at {@code at}, when not read. */
    private ComposeDoc load(ComposeDoc from, String written, String name, SourceLocation at) {
        String subject = "extends file " + written + " of service " + name;
        if (written.contains("$")) {
            // Interpolation needs the environment compose runs in, which a scan does not have.
            problems.add(Problem.at(at, Problem.Kind.NOT_SCANNED, subject + " uses variable interpolation; not read"));
            return null;
        }
        if (written.startsWith("/") || written.startsWith("\\") || written.matches("^[A-Za-z]:[/\\\\].*")) {
            problems.add(Problem.at(at, Problem.Kind.SKIPPED, subject
                    + " is an absolute path, outside the scanned directory; not read"));
            return null;
        }
        ScanTree.Lookup found = tree.find(from.path(), from.display(), written);
        ComposeDoc known = loaded.get(found.displayPath());
        if (known != null) {
            return known;
        }
        String display = found.displayPath();
        subject = "extends file " + display + " of service " + name;
        if (found instanceof ScanTree.Missing) {
            problems.add(Problem.at(at, Problem.Kind.UNREADABLE, subject + " not found; judged without what it would"
                    + " inherit"));
            return null;
        }
        if (found instanceof ScanTree.OutsideRoot) {
            problems.add(Problem.at(at, Problem.Kind.SKIPPED, subject + " is outside the scanned directory; not read"));
            return null;
        }
        if (found instanceof ScanTree.Unreadable u) {
            problems.add(Problem.at(at, Problem.Kind.UNREADABLE, subject + ": " + u.reason()));
            return null;
        }
        Path path = ((ScanTree.Found) found).path();
        SourceText.Read text = SourceText.read(new SourceFile(path, display, SourceFile.FileType.COMPOSE_YAML));
        if (text.problem() != null) {
            problems.add(Problem.at(at, Problem.Kind.UNREADABLE, subject + ": " + text.problem().message()));
            return null;
        }
        YamlStream stream = yaml.load(text.text(), display);
        if (!stream.problems().isEmpty() || stream.documents().isEmpty()) {
            problems.add(Problem.at(at, Problem.Kind.PARSE_ERROR, subject + " is not valid YAML (" + (stream.problems()
                    .isEmpty() ? "empty" : "see " + stream.problems().get(0).where()) + "); judged without what it"
                    + " would inherit"));
            return null;
        }
        var doc = stream.documents().get(0);
        if (!(doc.root() instanceof Map<?, ?> root) || !(root.get("services") instanceof Map<?, ?> services)) {
            problems.add(Problem.at(at, Problem.Kind.PARSE_ERROR, subject + " defines no services; judged without what"
                    + " it would inherit"));
            return null;
        }
        ComposeDoc loadedDoc = new ComposeDoc(display, path, services, new ServiceLocations(doc.locations()));
        loaded.put(display, loadedDoc);
        return loadedDoc;
    }

    /**
     * What a service inherits from its resolved base: all but the keys that tie it to other services; {@code env_file}
     * paths, relative to the base's file, made relative to the extending service's file.
     */
    private static Node inheritable(Node base, String baseFile, String file) {
        Node node = base;
        for (String key : NOT_INHERITED) {
            node = without(node, key);
        }
        String from = directory(baseFile);
        String to = directory(file);
        Map<?, ?> data = (Map<?, ?>) node.value();
        if (from.equals(to) || !data.containsKey("env_file")) {
            return node;
        }
        String prefix;
        try {
            prefix = Path.of(to).relativize(Path.of(from)).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) { // InvalidPathException included
            return node; // display paths that do not relate (one absolute): the paths stay as written
        }
        Map<String, Object> copy = copy(data);
        Object envFile = data.get("env_file");
        if (envFile instanceof String s) {
            copy.put("env_file", relocated(prefix, s));
        } else if (envFile instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof String s) {
                    items.add(relocated(prefix, s));
                } else if (item instanceof Map<?, ?> m && m.get("path") instanceof String s) {
                    Map<String, Object> entry = copy(m);
                    entry.put("path", relocated(prefix, s));
                    items.add(entry);
                } else {
                    items.add(item);
                }
            }
            copy.put("env_file", items);
        }
        return new Node(copy, node.locs());
    }

    private static String relocated(String prefix, String path) {
        if (prefix.isEmpty() || path.startsWith("/") || path.contains("$")) {
            return path;
        }
        return prefix + "/" + path;
    }

    private static String directory(String displayPath) {
        int slash = displayPath.lastIndexOf('/');
        return slash < 0 ? "" : displayPath.substring(0, slash);
    }

    /** {@code main} merged over {@code base}; {@code path} is the dotted key path from the service. */
    private static Node merge(String path, Node base, Node main) {
        Object b = base.value();
        Object m = main.value();
        if (MAPPINGS.contains(path) && isMapOrList(b) && isMapOrList(m)) {
            return mergeMaps(path, asMap(path, base), asMap(path, main));
        }
        if (BY_TARGET.contains(path) && b instanceof List<?> && m instanceof List<?>) {
            return mergeByTarget(base, main);
        }
        if (UNIQUE_SEQUENCES.contains(path) || SEQUENCES.contains(path)) {
            Node bl = asList(base);
            Node ml = asList(main);
            if (bl != null && ml != null) {
                return append(bl, ml, UNIQUE_SEQUENCES.contains(path));
            }
        }
        if (b instanceof Map<?, ?> && m instanceof Map<?, ?>) {
            return mergeMaps(path, base, main);
        }
        return main;
    }

    private static Node mergeMaps(String path, Node base, Node main) {
        Map<?, ?> b = (Map<?, ?>) base.value();
        Map<?, ?> m = (Map<?, ?>) main.value();
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, SourceLocation> locs = new HashMap<>();
        SourceLocation self = main.locs().get("") != null ? main.locs().get("") : base.locs().get("");
        if (self != null) {
            locs.put("", self);
        }
        for (Map.Entry<?, ?> e : b.entrySet()) {
            String key = String.valueOf(e.getKey());
            Node child = child(base, key, e.getValue());
            if (m.containsKey(key)) {
                child = merge(path.isEmpty() ? key : path + "." + key, child, child(main, key, m.get(key)));
            }
            put(out, locs, key, child);
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!b.containsKey(key)) {
                put(out, locs, key, child(main, key, e.getValue()));
            }
        }
        return new Node(out, locs);
    }

    /**
     * Items of {@code base}, each replaced by the item of {@code main} with the same target, then the rest of
     * {@code main}.
     */
    private static Node mergeByTarget(Node base, Node main) {
        List<?> b = (List<?>) base.value();
        List<?> m = (List<?>) main.value();
        Map<String, Integer> mainByTarget = new HashMap<>();
        for (int i = 0; i < m.size(); i++) {
            String t = target(m.get(i));
            if (t != null) {
                mainByTarget.putIfAbsent(t, i);
            }
        }
        List<Object> out = new ArrayList<>();
        Map<String, SourceLocation> locs = new HashMap<>();
        putSelf(locs, base, main);
        boolean[] used = new boolean[m.size()];
        for (int i = 0; i < b.size(); i++) {
            Integer j = mainByTarget.get(target(b.get(i)));
            if (j != null) {
                used[j] = true;
                add(out, locs, item(main, j));
            } else {
                add(out, locs, item(base, i));
            }
        }
        for (int j = 0; j < m.size(); j++) {
            if (!used[j]) {
                add(out, locs, item(main, j));
            }
        }
        return new Node(out, locs);
    }

    private static Node append(Node base, Node main, boolean unique) {
        List<Object> out = new ArrayList<>();
        Map<String, SourceLocation> locs = new HashMap<>();
        putSelf(locs, base, main);
        for (Node side : List.of(base, main)) {
            List<?> items = (List<?>) side.value();
            for (int i = 0; i < items.size(); i++) {
                if (!unique || !out.contains(items.get(i))) {
                    add(out, locs, item(side, i));
                }
            }
        }
        return new Node(out, locs);
    }

    /**
     * The container path a {@code volumes} or {@code devices} item mounts at: {@code target} of the long syntax, the
     * second field of {@code source:target[:mode]}, or the whole of a lone path; null when there is none.
     */
    private static String target(Object item) {
        if (item instanceof Map<?, ?> m) {
            Object t = m.get("target");
            if (t == null) {
                t = m.get("path"); // blkio_config entries
            }
            return t instanceof String s ? s : null;
        }
        if (item instanceof String s) {
            String[] parts = s.split(":", -1); // -1: "::" has three empty fields, not none
            return parts.length == 1 ? parts[0] : parts[1];
        }
        return null;
    }

    /**
     * A map written as a list ({@code - KEY=VALUE}, {@code - host:ip} for extra_hosts), each entry at its item's line.
     */
    private static Node asMap(String path, Node node) {
        if (!(node.value() instanceof List<?> list)) {
            return node;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, SourceLocation> locs = new HashMap<>();
        if (node.locs().get("") != null) {
            locs.put("", node.locs().get(""));
        }
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item instanceof Map<?, ?> || item instanceof List<?> || item == null) {
                continue; // not an entry compose accepts; the extending or base file's own check reports it
            }
            String text = ComposeStrings.stringify(item);
            int eq = text.indexOf('=');
            if (eq < 0 && path.endsWith("extra_hosts")) {
                eq = text.indexOf(':');
            }
            String key = eq < 0 ? text : text.substring(0, eq);
            if (key.isEmpty()) {
                continue;
            }
            // The last one wins, kept where the key first appeared, as ServiceNormaliser reads a list.
            put(out, locs, key, new Node(eq < 0 ? null : text.substring(eq + 1), sub(node.locs(), String.valueOf(i))));
        }
        return new Node(out, locs);
    }

    /** A list, or a single string as a one-item list ({@code dns: 8.8.8.8}); null for anything else. */
    private static Node asList(Node node) {
        if (node.value() instanceof List<?>) {
            return node;
        }
        if (node.value() instanceof String) {
            Map<String, SourceLocation> locs = new HashMap<>();
            SourceLocation self = node.locs().get("");
            if (self != null) {
                locs.put("", self);
                locs.put("/0", self);
            }
            return new Node(List.of(node.value()), locs);
        }
        return null;
    }

    private static boolean isMapOrList(Object value) {
        return value instanceof Map<?, ?> || value instanceof List<?>;
    }

    private static Node without(Node node, String key) {
        Map<?, ?> data = (Map<?, ?>) node.value();
        if (!data.containsKey(key)) {
            return node;
        }
        Map<String, Object> copy = copy(data);
        copy.remove(key);
        String prefix = LocationIndex.child("", key);
        Map<String, SourceLocation> locs = new HashMap<>(node.locs());
        locs.keySet().removeIf(p -> p.equals(prefix) || p.startsWith(prefix + "/"));
        return new Node(copy, locs);
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    private static Node child(Node parent, String key, Object value) {
        return new Node(value, sub(parent.locs(), key));
    }

    private static Node item(Node list, int index) {
        return new Node(((List<?>) list.value()).get(index), sub(list.locs(), String.valueOf(index)));
    }

    private static void put(Map<String, Object> out, Map<String, SourceLocation> locs, String key, Node child) {
        out.put(key, child.value());
        String prefix = LocationIndex.child("", key);
        child.locs().forEach((p, loc) -> locs.put(prefix + p, loc));
    }

    private static void add(List<Object> out, Map<String, SourceLocation> locs, Node item) {
        String prefix = LocationIndex.child("", out.size());
        out.add(item.value());
        item.locs().forEach((p, loc) -> locs.put(prefix + p, loc));
    }

    private static void putSelf(Map<String, SourceLocation> locs, Node base, Node main) {
        SourceLocation self = main.locs().get("") != null ? main.locs().get("") : base.locs().get("");
        if (self != null) {
            locs.put("", self);
        }
    }

    /** The locations under {@code token}, rebased so that {@code token}'s node is {@code ""}. */
    private static Map<String, SourceLocation> sub(Map<String, SourceLocation> locs, String token) {
        String prefix = LocationIndex.child("", token);
        Map<String, SourceLocation> out = new HashMap<>();
        locs.forEach((p, loc) -> {
            if (p.equals(prefix)) {
                out.put("", loc);
            } else if (p.startsWith(prefix) && p.charAt(prefix.length()) == '/') {
                out.put(p.substring(prefix.length()), loc);
            }
        });
        return out;
    }

    private static SourceLocation locate(Map<String, SourceLocation> locs, String pointer, String file) {
        SourceLocation loc = locs.get(pointer);
        if (loc == null) {
            loc = locs.get("");
        }
        return loc != null ? loc : SourceLocation.startOf(file);
    }
}
