package dev.tollgate.parse.terraform;

import dev.tollgate.model.Format;
import dev.tollgate.model.LocationIndex;
import dev.tollgate.model.Related;
import dev.tollgate.model.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns evaluated instances into resources, each with the other instances that refer to it: by reference (any
 * attribute whose evaluation read it, through locals, module inputs and outputs too) or, for an
 * {@code aws_s3_bucket}, by a string attribute equal to its literal {@code bucket} name. One entry per referring
 * instance, naming the first attribute (in source order) that refers by reference, else the attribute holding
 * the name; sorted by address.
 */
final class RelatedResources {

    static final java.util.regex.Pattern INSTANCE_KEY = java.util.regex.Pattern.compile("\\[[^\\]]*]");

    private RelatedResources() {
    }

    static List<Resource> build(List<Instance> instances) {
        Map<String, Instance> byAddress = new LinkedHashMap<>();
        Map<String, Map<String, Object>> data = new LinkedHashMap<>();
        for (Instance i : instances) {
            byAddress.putIfAbsent(i.address(), i);
            data.put(i.address(), output(i));
        }
        // Plan JSON refers to resources as configured (no instance key): such a reference means every instance.
        // Built on the first reference that names no instance, which evaluated configurations rarely have.
        Map<String, List<String>> byResource = new LinkedHashMap<>();
        Map<String, Map<String, String>> referrers = new LinkedHashMap<>(); // target -> referrer -> attribute
        for (Instance from : byAddress.values()) {
            from.refsByAttribute().forEach((attribute, targets) -> {
                for (String target : targets) {
                    if (byAddress.containsKey(target)) {
                        refer(referrers, target, from.address(), attribute);
                        continue;
                    }
                    if (byResource.isEmpty()) {
                        for (String address : byAddress.keySet()) {
                            byResource.computeIfAbsent(address.indexOf('[') < 0 ? address
                                    : INSTANCE_KEY.matcher(address).replaceAll(""),
                                    k -> new ArrayList<>()).add(address);
                        }
                    }
                    for (String t : byResource.getOrDefault(target, List.of())) {
                        refer(referrers, t, from.address(), attribute);
                    }
                }
            });
        }
        // Top-level string values -> (instance, attribute), first attribute per instance: one pass, then lookups.
        // Only the values some bucket is named: nothing else is ever looked up.
        Set<String> bucketNames = new HashSet<>();
        for (Instance bucket : byAddress.values()) {
            if (bucket.kind().equals("aws_s3_bucket") && bucket.values().get("bucket") instanceof String name) {
                bucketNames.add(name);
            }
        }
        Map<String, Map<String, String>> byValue = new HashMap<>();
        if (!bucketNames.isEmpty()) {
            for (Instance from : byAddress.values()) {
                for (Map.Entry<String, Object> e : from.values().entrySet()) {
                    if (e.getValue() instanceof String v && bucketNames.contains(v)) {
                        byValue.computeIfAbsent(v, k -> new LinkedHashMap<>()).putIfAbsent(from.address(), e.getKey());
                    }
                }
            }
        }
        // A name that several buckets carry (a module called with count, whose bucket has a literal name) says nothing
        // about which of them a referrer means, and linking each to all is quadratic: 4,096 instances of one module
        // gave 16 million links and a 2.6 GB heap. There, only referrers of the same module instance are linked.
        Map<String, Integer> bucketsNamed = new HashMap<>();
        for (Instance bucket : byAddress.values()) {
            if (bucket.kind().equals("aws_s3_bucket") && bucket.values().get("bucket") instanceof String name) {
                bucketsNamed.merge(name, 1, Integer::sum);
            }
        }
        Map<String, Map<String, Map<String, String>>> byValueInModule = new HashMap<>();
        for (Instance bucket : byAddress.values()) {
            if (!bucket.kind().equals("aws_s3_bucket") || !(bucket.values().get("bucket") instanceof String name)) {
                continue;
            }
            Map<String, String> named = byValue.getOrDefault(name, Map.of());
            Map<String, String> candidates = bucketsNamed.get(name) == 1 ? named
                    : byValueInModule.computeIfAbsent(name, n -> byModuleInstance(named, byAddress))
                            .getOrDefault(moduleInstance(bucket), Map.of());
            candidates.forEach((address, attribute) -> {
                Instance from = byAddress.get(address);
                // Another bucket of the same name does not configure this one.
                if (!address.equals(bucket.address())
                        && !(from.kind().equals("aws_s3_bucket") && attribute.equals("bucket"))) {
                    referrers.computeIfAbsent(bucket.address(), k -> new LinkedHashMap<>()).putIfAbsent(address,
                            attribute);
                }
            });
        }
        List<Resource> out = new ArrayList<>();
        for (Instance i : byAddress.values()) {
            List<Related> related = new ArrayList<>();
            referrers.getOrDefault(i.address(), Map.of()).forEach((address, attribute) -> {
                Instance r = byAddress.get(address);
                related.add(new Related(r.kind(), r.name(), r.address(), attribute, data.get(address), r.location()));
            });
            related.sort(Comparator.comparing(Related::address));
            out.add(new Resource(Format.TERRAFORM, i.kind(), i.name(), i.address(), i.location(), data.get(i.address()),
                    new LocationIndex(i.locations()), related, i.callSites()));
        }
        out.sort(Comparator.comparing(Resource::location).thenComparing(Resource::address));
        return out;
    }

    /** {@code referrers} (address to attribute) grouped by their {@link #moduleInstance}, each group in order. */
    private static Map<String, Map<String, String>> byModuleInstance(Map<String, String> referrers,
            Map<String, Instance> byAddress) {
        Map<String, Map<String, String>> out = new HashMap<>();
        referrers.forEach((address, attribute) -> out.computeIfAbsent(moduleInstance(byAddress.get(address)),
                k -> new LinkedHashMap<>()).put(address, attribute));
        return out;
    }

    /** The module instance an instance is declared in: its address before its type ("" in the root module). */
    static String moduleInstance(Instance i) {
        int at = i.address().lastIndexOf(i.kind() + "." + i.name());
        String prefix = at < 0 ? "" : i.address().substring(0, at);
        return prefix.endsWith("data.") ? prefix.substring(0, prefix.length() - "data.".length()) : prefix;
    }

    private static void refer(Map<String, Map<String, String>> referrers, String target, String from,
            String attribute) {
        if (!target.equals(from)) {
            referrers.computeIfAbsent(target, k -> new LinkedHashMap<>()).putIfAbsent(from, attribute);
        }
    }

    private static Map<String, Object> output(Instance i) {
        Map<String, Object> out = new LinkedHashMap<>();
        i.values().forEach((k, v) -> out.put(k, Values.isPlain(v) ? v : Values.output(v, i.address() + "." + k)));
        return java.util.Collections.unmodifiableMap(out);
    }
}
