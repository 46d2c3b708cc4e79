package dev.tollgate.parse.compose;

import dev.tollgate.model.Format;
import dev.tollgate.model.LocationIndex;
import dev.tollgate.model.ParseResult;
import dev.tollgate.model.Problem;
import dev.tollgate.model.Related;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceFile;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.parse.ScanTree;
import dev.tollgate.parse.dotenv.DotenvParser;
import dev.tollgate.parse.yaml.YamlDocument;
import dev.tollgate.parse.yaml.YamlLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a compose file into one {@code service} resource per service, its {@code extends} resolved
 * ({@link ServiceExtends}) and normalised by {@link ServiceNormaliser} so policies see one shape. Anchors, {@code <<}
 * merges and {@code x-*} extension fields are resolved by the YAML loader before we see the document. Thread-safe:
 * all per-file state lives in per-call objects; the one shared memo, of the scan roots' real paths, is concurrent.
 */
public final class ComposeParser {

    /** Top-level sections an override file may declare without services of its own. */
    private static final List<String> TOP_LEVEL_WITHOUT_SERVICES = List.of("networks", "volumes", "secrets", "configs");

    private final DotenvParser dotenv;
    private final YamlLoader yaml;
    /** The scan roots' real paths, resolved once for every compose file of a scan rather than per file named. */
    private final ScanTree.RealRoots realRoots = new ScanTree.RealRoots();

    public ComposeParser(DotenvParser dotenv) {
        this(dotenv, new YamlLoader());
    }

    /** @param yaml reads the files that services {@code extends} from */
    public ComposeParser(DotenvParser dotenv, YamlLoader yaml) {
        this.dotenv = dotenv;
        this.yaml = yaml;
    }

    /** A YAML document whose top-level {@code services} is a non-empty map of maps. */
    public static boolean looksLikeCompose(YamlDocument doc) {
        if (!(doc.root() instanceof Map<?, ?> root) || !(root.get("services") instanceof Map<?, ?> services)) {
            return false;
        }
        return !services.isEmpty() && services.values().stream().allMatch(v -> v instanceof Map<?, ?>);
    }

    /**
     * Compose file format 1 (before 2016) put services at the top level, each with an image or a build; Docker Compose
     * v2 no longer reads it, and neither does Tollgate, but the problem should say why.
     */
    private static boolean looksLikeVersion1(Object root) {
        return root instanceof Map<?, ?> map && !map.containsKey("services") && !map.isEmpty()
                && map.values().stream().allMatch(v -> v instanceof Map<?, ?> m
                        && (m.containsKey("image") || m.containsKey("build")));
    }

    /**
     * A compose file may hold no services of its own and still be whole: one that only {@code include}s others, or an
     * override that only declares networks, volumes, secrets or configs for the files it is merged with. The services
     * of included files are read where those files are found.
     */
    private static boolean definesNoServicesOnPurpose(Object root) {
        if (!(root instanceof Map<?, ?> map) || map.isEmpty()) {
            return false;
        }
        Object services = map.get("services");
        if (services != null && !(services instanceof Map<?, ?> m && m.isEmpty())) {
            return false;
        }
        return map.get("include") instanceof List<?> || map.get("include") instanceof String
                || TOP_LEVEL_WITHOUT_SERVICES.stream().anyMatch(k -> map.get(k) instanceof Map<?, ?>);
    }

    /**
     * One resource per service of {@code doc}. A document without a non-empty {@code services} map gives a problem
     * rather than nothing: the file was named, or looked, like a compose file, and silence would hide that it is not
     * checked. Problems of env files are reported once per compose file, however many services share them;
     * all problems come sorted by file and line.
     */
    @SuppressWarnings("unchecked")
    public ParseResult parse(SourceFile file, YamlDocument doc) {
        SourceLocation start = doc.start() != null ? doc.start() : SourceLocation.startOf(file.displayPath());
        if (definesNoServicesOnPurpose(doc.root())) {
            return ParseResult.empty();
        }
        if (!(doc.root() instanceof Map<?, ?> root) || !(root.get("services") instanceof Map<?, ?> services)
                || services.isEmpty()) {
            return ParseResult.problem(Problem.at(start, Problem.Kind.PARSE_ERROR, "not a compose file: no services"
                    + (looksLikeVersion1(doc.root())
                            ? " (this is the legacy version 1 format, services at the top level;"
                                    + " move them under a services: key to have them checked)"
                            : "")));
        }
        ScanTree tree = new ScanTree(file, realRoots);
        EnvFiles envFiles = new EnvFiles(dotenv, file, tree);
        services = (Map<?, ?>) interpolation(envFiles).apply(services);
        List<Resource> resources = new ArrayList<>();
        Set<Problem> problems = new LinkedHashSet<>();
        ServiceLocations serviceLocations = new ServiceLocations(doc.locations());
        ServiceExtends extendsResolver = new ServiceExtends(yaml, file, services, serviceLocations, tree, problems);
        for (Map.Entry<?, ?> e : services.entrySet()) {
            String name = String.valueOf(e.getKey());
            String base = LocationIndex.child("/services", name);
            SourceLocation at = doc.locations().byPointer().getOrDefault(base, start);
            if (!(e.getValue() instanceof Map<?, ?> service)) {
                problems.add(Problem.at(at, Problem.Kind.PARSE_ERROR, "service " + name + " is not a map; skipped"));
                continue;
            }
            Map<String, SourceLocation> locations = serviceLocations.of(name);
            locations.put("", at);
            ServiceExtends.Resolved resolved = extendsResolver.resolve(name, (Map<String, Object>) service, locations);
            locations = resolved.locations();
            Map<String, Object> data = new ServiceNormaliser(name, resolved.service(), locations, at,
                    envFiles, problems).normalise();
            resources.add(new Resource(Format.COMPOSE, "service", name, "services." + name, at, data,
                    new LocationIndex(locations)));
        }
        List<Problem> sorted = new ArrayList<>(problems);
        Collections.sort(sorted); // by file and line, whatever order the services raised them in
        return new ParseResult(withWaiters(resources), sorted);
    }

    /**
     * How this file's {@code ${VAR:-default}} references read ({@link Interpolation}): the variables the project's
     * {@code .env} beside it sets are left to that file; none is known when it exists but cannot be read.
     */
    private static Interpolation interpolation(EnvFiles envFiles) {
        EnvFiles.Outcome projectEnv = envFiles.load(".env");
        if (projectEnv instanceof EnvFiles.Loaded loaded) {
            return new Interpolation(loaded.env().variables().keySet());
        }
        return projectEnv instanceof EnvFiles.Missing ? new Interpolation(Set.of()) : Interpolation.NONE;
    }

    /**
     * Each service with, as {@code related}, the services of the same file whose {@code depends_on} names it
     * (attribute {@code depends_on}, their data as judged). How another service waits for this one says what it is:
     * a migration or import job that others wait for with {@code condition: service_completed_successfully} runs once
     * and exits, and needs no health check, but only the waiting service's definition says so.
     */
    private static List<Resource> withWaiters(List<Resource> services) {
        Map<String, List<Related>> waiters = new HashMap<>();
        for (Resource waiter : services) {
            Object dependsOn = waiter.data().get("depends_on");
            Iterable<?> names = dependsOn instanceof Map<?, ?> m ? m.keySet()
                    : dependsOn instanceof List<?> l ? l : List.of();
            SourceLocation at = waiter.locate("/depends_on");
            for (Object name : names) {
                waiters.computeIfAbsent(String.valueOf(name), n -> new ArrayList<>()).add(new Related(waiter.kind(),
                        waiter.name(), waiter.address(), "depends_on", waiter.data(), at));
            }
        }
        if (waiters.isEmpty()) {
            return services;
        }
        List<Resource> out = new ArrayList<>(services.size());
        for (Resource r : services) {
            List<Related> related = waiters.get(r.name());
            out.add(related == null ? r : new Resource(r.format(), r.kind(), r.name(), r.address(), r.location(),
                    r.data(), r.locations(), List.copyOf(related)));
        }
        return out;
    }
}
