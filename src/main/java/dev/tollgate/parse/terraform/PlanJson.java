package dev.tollgate.parse.terraform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.tollgate.model.LocationIndex;
import dev.tollgate.model.ParseResult;
import dev.tollgate.model.Problem;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.model.Unknown;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code terraform show -json} plan output: resources from {@code planned_values} (root and child modules), with
 * {@code after_unknown} values as {@link Unknown}, located at the line of each resource object and of each key in
 * its values; {@code related} from the references recorded in {@code configuration} and from bucket names.
 */
final class PlanJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(500).build()).build();

    private final String file;
    /** Where each JSON object or array started, and where each key of an object was written. */
    private final Map<Object, SourceLocation> starts = new IdentityHashMap<>();
    private final Map<Object, Map<String, SourceLocation>> keys = new IdentityHashMap<>();

    private PlanJson(String file) {
        this.file = file;
    }

    static ParseResult parse(String file, String text) {
        return new PlanJson(file).read(text);
    }

    private ParseResult read(String text) {
        Object root;
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            root = t == null ? null : value(p, t);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return ParseResult.problem(new Problem(file, at == null ? 1 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), Problem.Kind.PARSE_ERROR,
                    "invalid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            return ParseResult.problem(Problem.wholeFile(file, Problem.Kind.PARSE_ERROR, "cannot read plan JSON"));
        }
        if (!(root instanceof Map<?, ?> plan) || !(plan.get("planned_values") instanceof Map<?, ?> planned)) {
            return ParseResult.empty(); // state or other Terraform JSON: nothing planned to judge
        }
        Map<String, Object> afterUnknown = new LinkedHashMap<>();
        if (plan.get("resource_changes") instanceof List<?> changes) {
            for (Object c : changes) {
                if (c instanceof Map<?, ?> m && m.get("address") instanceof String a
                        && m.get("change") instanceof Map<?, ?> ch) {
                    afterUnknown.put(a, ch.get("after_unknown"));
                }
            }
        }
        // resource configuration address -> attribute path -> the resources it refers to
        Map<String, Map<String, Set<String>>> refsByConfig = new LinkedHashMap<>();
        if (plan.get("configuration") instanceof Map<?, ?> conf && conf.get("root_module") instanceof Map<?, ?> rm) {
            configuration(rm, "", refsByConfig);
        }
        List<Instance> instances = new ArrayList<>();
        if (planned.get("root_module") instanceof Map<?, ?> rm) {
            module(rm, afterUnknown, refsByConfig, instances);
        }
        return new ParseResult(RelatedResources.build(instances), List.of());
    }

    private void module(Map<?, ?> module, Map<String, Object> afterUnknown,
            Map<String, Map<String, Set<String>>> refsByConfig, List<Instance> out) {
        if (module.get("resources") instanceof List<?> resources) {
            for (Object r : resources) {
                if (r instanceof Map<?, ?> res && "managed".equals(res.get("mode"))
                        && res.get("address") instanceof String address
                        && res.get("type") instanceof String type && res.get("name") instanceof String name) {
                    out.add(instance(res, address, type, name, afterUnknown.get(address), refsByConfig));
                }
            }
        }
        if (module.get("child_modules") instanceof List<?> children) {
            for (Object c : children) {
                if (c instanceof Map<?, ?> child) {
                    module(child, afterUnknown, refsByConfig, out);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Instance instance(Map<?, ?> res, String address, String type, String name, Object unknown,
            Map<String, Map<String, Set<String>>> refsByConfig) {
        Object index = res.get("index");
        String suffix = index == null ? "" : index instanceof String s ? "[\"" + s + "\"]" : "[" + index + "]";
        Map<String, Object> values = res.get("values") instanceof Map<?, ?> v ? (Map<String, Object>) v : Map.of();
        Map<String, SourceLocation> locations = new LinkedHashMap<>();
        SourceLocation at = starts.getOrDefault(res, SourceLocation.startOf(file));
        locations.put("", at);
        locate(values, "", locations);
        Object merged = unknowns(values, unknown, address);
        Map<String, Object> data = merged instanceof Map<?, ?> m ? (Map<String, Object>) m : values;
        String configAddress = configAddress(address);
        return new Instance(type, name + suffix, address, at, (Map<String, Object>) Values.input(data), locations,
                refsByConfig.getOrDefault(configAddress, Map.of()), java.util.List.of());
    }

    /** {@code module.a[0].aws_s3_bucket.x["k"]} -> {@code module.a.aws_s3_bucket.x}: the configuration's address. */
    private static String configAddress(String address) {
        return RelatedResources.INSTANCE_KEY.matcher(address).replaceAll("");
    }

    /** Replaces every value {@code after_unknown} marks true by an unknown (planned_values omits most of them). */
    @SuppressWarnings("unchecked")
    private static Object unknowns(Object value, Object unknown, String path) {
        if (Boolean.TRUE.equals(unknown)) {
            return new Unknown(path);
        }
        if (unknown instanceof Map<?, ?> u) {
            Map<String, Object> out = value instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m)
                    : new LinkedHashMap<>();
            u.forEach((k, x) -> {
                String key = String.valueOf(k);
                if (Boolean.TRUE.equals(x) || out.containsKey(key)) {
                    out.put(key, unknowns(out.get(key), x, path + "." + key));
                }
            });
            return out;
        }
        if (unknown instanceof List<?> u && value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l);
            for (int i = 0; i < Math.min(u.size(), out.size()); i++) {
                out.set(i, unknowns(out.get(i), u.get(i), path + "[" + i + "]"));
            }
            return out;
        }
        return value;
    }

    private void locate(Object v, String pointer, Map<String, SourceLocation> out) {
        if (v instanceof Map<?, ?> m) {
            Map<String, SourceLocation> k = keys.getOrDefault(m, Map.of());
            m.forEach((key, x) -> {
                String p = LocationIndex.child(pointer, String.valueOf(key));
                SourceLocation l = k.get(String.valueOf(key));
                if (l != null) {
                    out.put(p, l);
                }
                locate(x, p, out);
            });
        } else if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                String p = LocationIndex.child(pointer, i);
                SourceLocation s = starts.get(l.get(i));
                if (s != null) {
                    out.put(p, s);
                }
                locate(l.get(i), p, out);
            }
        }
    }

    /** References recorded in {@code configuration}: per resource address, per attribute path, target addresses. */
    private static void configuration(Map<?, ?> module, String prefix, Map<String, Map<String, Set<String>>> out) {
        if (module.get("resources") instanceof List<?> resources) {
            for (Object r : resources) {
                if (r instanceof Map<?, ?> res && res.get("address") instanceof String a) {
                    Map<String, Set<String>> refs = new LinkedHashMap<>();
                    expressions(res.get("expressions"), "", prefix, refs);
                    out.put(prefix + a, refs);
                }
            }
        }
        if (module.get("module_calls") instanceof Map<?, ?> calls) {
            calls.forEach((name, call) -> {
                if (call instanceof Map<?, ?> c && c.get("module") instanceof Map<?, ?> m) {
                    configuration(m, prefix + "module." + name + ".", out);
                }
            });
        }
    }

    private static void expressions(Object e, String path, String prefix, Map<String, Set<String>> out) {
        if (e instanceof Map<?, ?> m) {
            if (m.get("references") instanceof List<?> refs) {
                for (Object r : refs) {
                    if (r instanceof String s) {
                        String target = resourceOf(s);
                        if (target != null) {
                            out.computeIfAbsent(path, k -> new LinkedHashSet<>()).add(prefix + target);
                        }
                    }
                }
                return;
            }
            m.forEach((k, v) -> expressions(v, path.isEmpty() ? String.valueOf(k) : path + "." + k, prefix, out));
        } else if (e instanceof List<?> l) {
            l.forEach(x -> expressions(x, path, prefix, out));
        }
    }

    /** {@code aws_s3_bucket.logs.id} -> {@code aws_s3_bucket.logs}; null for var., local., data., module. ... */
    private static String resourceOf(String reference) {
        String[] parts = RelatedResources.INSTANCE_KEY.matcher(reference).replaceAll("").split("\\.");
        if (parts.length < 2 || Set.of("var", "local", "data", "module", "each", "count", "path", "terraform", "self")
                .contains(parts[0])) {
            return null;
        }
        return parts[0] + "." + parts[1];
    }

    private Object value(JsonParser p, JsonToken t) throws IOException {
        JsonLocation start = p.currentTokenLocation();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                Map<String, SourceLocation> k = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    k.put(name, location(p.currentTokenLocation()));
                    m.put(name, value(p, p.nextToken()));
                }
                starts.put(m, location(start));
                keys.put(m, k);
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    l.add(value(p, n));
                }
                starts.put(l, location(start));
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? (Object) p.getDoubleValue()
                        : (Object) p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            default -> {
                return null;
            }
        }
    }

    private SourceLocation location(JsonLocation l) {
        return new SourceLocation(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }
}
