package dev.tollgate.engine;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A container image reference split as Docker does: {@code [registry/]repository[:tag][@digest]}.
 * The first path component is a registry only when it has a dot or a port, or is {@code localhost};
 * that is Docker's own rule, so {@code bitnami/postgresql} is a Docker Hub repository.
 *
 * @param registry the registry host, or {@code ""} for Docker Hub
 * @param repository the repository path without registry ({@code library/} is not added)
 * @param name the last path component ({@code postgresql} for {@code bitnami/postgresql})
 * @param tag the tag, or {@code ""} when none (which Docker reads as {@code latest})
 * @param digest the digest, or {@code ""}
 */
record ImageReference(String registry, String repository, String name, String tag, String digest) {

    static ImageReference parse(String reference) {
        String ref = reference.strip();
        String digest = "";
        int at = ref.indexOf('@');
        if (at >= 0) {
            digest = ref.substring(at + 1);
            ref = ref.substring(0, at);
        }
        String registry = "";
        int slash = ref.indexOf('/');
        if (slash > 0) {
            String first = ref.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                ref = ref.substring(slash + 1);
            }
        }
        String tag = "";
        int colon = ref.lastIndexOf(':');
        if (colon > ref.lastIndexOf('/')) {
            tag = ref.substring(colon + 1);
            ref = ref.substring(0, colon);
        }
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        return new ImageReference(registry, ref.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT), tag, digest);
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("registry", registry);
        m.put("repository", repository);
        m.put("name", name);
        m.put("tag", tag);
        m.put("digest", digest);
        return m;
    }
}
