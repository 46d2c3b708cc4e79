package dev.tollgate.parse.compose;

import dev.tollgate.model.LocationIndex;
import dev.tollgate.model.Problem;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.parse.ShellWords;
import dev.tollgate.parse.dotenv.DotenvEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives one compose service the single shape policies are written against, whichever of compose's equivalent
 * spellings the file used:
 *
 * <ul>
 *   <li>{@code environment}, a list of {@code KEY=VAL} / {@code KEY} or a map, becomes a map of strings (null for a
 *       variable with no value), with the variables of {@code env_file} merged under it;
 *   <li>{@code command} and {@code entrypoint} become lists of words;
 *   <li>{@code image} becomes a string.
 * </ul>
 *
 * Every other key is kept as the YAML loader read it. Locations follow the data: {@code /environment/KEY} points at
 * the line that set {@code KEY}, in the compose file or in the env file. Not thread-safe: one instance per service.
 */
final class ServiceNormaliser {

    private static final String ENVIRONMENT = "environment";
    private static final String ENV_FILE = "env_file";

    /** One {@code env_file} reference: the path as written, whether compose insists on it, and where it was written. */
    private record EnvFileRef(String path, boolean required, SourceLocation location) {
    }

    private final String service;
    private final Map<String, Object> source;
    private final Map<String, SourceLocation> locations;
    private final SourceLocation serviceLocation;
    private final EnvFiles envFiles;
    private final Collection<Problem> problems;

    /**
     * @param locations the service's locations, rebased so the service is the root; updated in place
     * @param problems where problems go (a set shared by the services of one file: env files are shared too)
     */
    ServiceNormaliser(String service, Map<String, Object> source, Map<String, SourceLocation> locations,
            SourceLocation serviceLocation, EnvFiles envFiles, Collection<Problem> problems) {
        this.service = service;
        this.source = source;
        this.locations = locations;
        this.serviceLocation = serviceLocation;
        this.envFiles = envFiles;
        this.problems = problems;
    }

    /** The normalised service data. The loader's maps and lists are never modified: anchors share them. */
    Map<String, Object> normalise() {
        Map<String, Object> data = new LinkedHashMap<>(source);
        if (source.containsKey(ENVIRONMENT) || source.containsKey(ENV_FILE)) {
            Object environment = environment();
            if (environment != null) {
                data.put(ENVIRONMENT, environment);
            }
        }
        for (String key : List.of("command", "entrypoint")) {
            if (source.containsKey(key)) {
                data.put(key, words(key, source.get(key)));
            }
        }
        Object image = source.get("image");
        if (image != null && !(image instanceof Map<?, ?>) && !(image instanceof List<?>)) {
            data.put("image", ComposeStrings.stringify(image));
        }
        return Collections.unmodifiableMap(data);
    }

    /** The merged environment, or the original value when it has a shape compose rejects (reported). */
    private Object environment() {
        // Env files are read first so that their problems are reported even when `environment` is malformed.
        Map<String, DotenvEntry> fromFiles = new LinkedHashMap<>();
        for (EnvFileRef ref : envFileRefs()) {
            fromFiles.putAll(loadEnvFile(ref));
        }
        Object written = source.get(ENVIRONMENT);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, SourceLocation> where = new LinkedHashMap<>();
        if (written instanceof List<?> list) {
            readList(list, values, where);
        } else if (written instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                values.put(key, ComposeStrings.stringify(e.getValue()));
                where.put(key, locate(pointer(key)));
            }
        } else if (written != null) {
            problems.add(Problem.at(locate("/" + ENVIRONMENT), Problem.Kind.PARSE_ERROR,
                    "environment of service " + service + " must be a list or a map"));
            return written;
        }
        // Variables from env files go under those of `environment`: the later file wins, `environment` over all.
        for (DotenvEntry e : fromFiles.values()) {
            if (!values.containsKey(e.key())) {
                values.put(e.key(), e.value());
                where.put(e.key(), e.keyLocation());
            }
        }
        if (written == null && values.isEmpty()) {
            return null;
        }
        // The list form's /environment/<index> pointers no longer exist; every variable gets /environment/<KEY>.
        locations.keySet().removeIf(p -> p.startsWith("/" + ENVIRONMENT + "/"));
        where.forEach((key, loc) -> locations.put(pointer(key), loc));
        return Collections.unmodifiableMap(values);
    }

    /**
     * {@code - KEY=VAL} sets VAL (which may hold more {@code =}); {@code - KEY} sets null. The last one wins; keys
     * keep the order of their first appearance, as in env files.
     */
    private void readList(List<?> list, Map<String, String> values, Map<String, SourceLocation> where) {
        for (int i = 0; i < list.size(); i++) {
            String item = ComposeStrings.stringify(list.get(i));
            SourceLocation at = locate(LocationIndex.child("/" + ENVIRONMENT, i));
            if (item == null) {
                continue;
            }
            int eq = item.indexOf('=');
            String key = eq < 0 ? item : item.substring(0, eq);
            if (key.isEmpty()) {
                problems.add(Problem.at(at, Problem.Kind.PARSE_ERROR,
                        "environment of service " + service + " has an entry with no variable name"));
                continue;
            }
            values.put(key, eq < 0 ? null : item.substring(eq + 1));
            where.put(key, at);
        }
    }

    private List<EnvFileRef> envFileRefs() {
        Object written = source.get(ENV_FILE);
        List<EnvFileRef> refs = new ArrayList<>();
        if (written == null) {
            return refs;
        }
        if (written instanceof String path) {
            refs.add(new EnvFileRef(path, true, locate("/" + ENV_FILE)));
            return refs;
        }
        if (!(written instanceof List<?> list)) {
            problems.add(Problem.at(locate("/" + ENV_FILE), Problem.Kind.PARSE_ERROR,
                    "env_file of service " + service + " must be a path or a list"));
            return refs;
        }
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            SourceLocation at = locate(LocationIndex.child("/" + ENV_FILE, i));
            if (item instanceof String path) {
                refs.add(new EnvFileRef(path, true, at));
            } else if (item instanceof Map<?, ?> m && m.get("path") instanceof String path) {
                refs.add(new EnvFileRef(path, !Boolean.FALSE.equals(m.get("required")), at));
            } else {
                problems.add(Problem.at(at, Problem.Kind.PARSE_ERROR,
                        "env_file entry of service " + service + " has no path"));
            }
        }
        return refs;
    }

    /** The winning entries of one env file, or none, with a problem saying why, when it could not be read. */
    private Map<String, DotenvEntry> loadEnvFile(EnvFileRef ref) {
        if (ref.path().contains("$")) {
            // Interpolation needs the environment compose runs in, which a scan does not have.
            problems.add(Problem.at(ref.location(), Problem.Kind.NOT_SCANNED,
                    "env_file of service " + service + " uses variable interpolation; not read"));
            return Map.of();
        }
        EnvFiles.Outcome outcome = envFiles.load(ref.path());
        String path = outcome.displayPath();
        if (outcome instanceof EnvFiles.Loaded loaded) {
            problems.addAll(loaded.env().problems());
            return loaded.env().winners();
        }
        if (outcome instanceof EnvFiles.Missing) {
            if (ref.required() && envFiles.firstReportOfMissing(path)) {
                // Once per compose file, at the first service naming it, and without a service name: self-hosting
                // kits leave the file to be created at install time and name it from every service, so say once
                // what is lost, not that something is broken.
                problems.add(Problem.at(ref.location(), Problem.Kind.UNREADABLE,
                        "env_file " + path + " not found: the variables it would set are not checked"));
            }
        } else if (outcome instanceof EnvFiles.OutsideRoot) {
            problems.add(Problem.at(ref.location(), Problem.Kind.SKIPPED,
                    "env_file " + path + " of service " + service + " is outside the scanned directory; not read"));
        } else if (outcome instanceof EnvFiles.Unreadable u) {
            problems.add(Problem.at(ref.location(), Problem.Kind.UNREADABLE,
                    "env_file " + path + " of service " + service + ": " + u.reason()));
        }
        return Map.of();
    }

    /** A string is split like a shell would; a list is kept with its items as strings; anything else as written. */
    private Object words(String key, Object written) {
        if (written instanceof String s) {
            ShellWords.Split split = ShellWords.split(s);
            if (split.unterminatedQuote()) {
                problems.add(Problem.at(locate("/" + key), Problem.Kind.PARSE_ERROR,
                        key + " of service " + service + " has an unterminated quote"));
            }
            return split.words();
        }
        if (written instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(ComposeStrings.stringify(item));
            }
            return Collections.unmodifiableList(out);
        }
        return written;
    }

    private static String pointer(String envKey) {
        return LocationIndex.child("/" + ENVIRONMENT, envKey);
    }

    private SourceLocation locate(String pointer) {
        SourceLocation loc = locations.get(pointer);
        return loc != null ? loc : serviceLocation;
    }
}
