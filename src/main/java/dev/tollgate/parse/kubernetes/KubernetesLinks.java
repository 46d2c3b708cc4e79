package dev.tollgate.parse.kubernetes;

import dev.tollgate.model.Format;
import dev.tollgate.model.Related;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Links Kubernetes objects of one scan that refer to each other, across files, so that one policy can judge an object
 * together with what configures it (the CEL variable {@code related}):
 *
 * <ul>
 *   <li>a HorizontalPodAutoscaler ({@code autoscaling/*}) is related to the object its {@code spec.scaleTargetRef}
 *       names (same kind, name and namespace), with attribute {@code spec.scaleTargetRef};</li>
 *   <li>a cert-manager Certificate ({@code cert-manager.io/*}) is related to each Ingress of its namespace with a
 *       {@code spec.tls[].secretName} equal to its {@code spec.secretName}, with attribute
 *       {@code spec.secretName}.</li>
 * </ul>
 *
 * <p>A missing namespace is {@code default}, as kubectl applies it without {@code -n}; the whole scan is taken as one
 * cluster, so overlays of several environments scanned together may link across them. The API group of a
 * {@code scaleTargetRef} is not compared: kind, name and namespace identify the target in practice (an Argo Rollouts
 * {@code Rollout} is a scale target like a Deployment, with {@code kind: Rollout}).
 */
public final class KubernetesLinks {

    static final String DEFAULT_NAMESPACE = "default";

    /** The key kind of a TLS secret a Certificate writes: not a valid Kubernetes kind, so no object has it. */
    private static final String TLS_SECRET = "#tls-secret";

    private KubernetesLinks() {
    }

    /** One side of a link: which object, in which namespace, under which key. */
    private record Key(String kind, String namespace, String name) {
    }

    /**
     * The same resources in the same order, Kubernetes ones that others refer to rebuilt with those others appended
     * to {@code related} (sorted by address, then file and line, so the result does not depend on file order).
     * Resources of other formats, and those nothing refers to, are returned as they are.
     */
    public static List<Resource> link(List<Resource> resources) {
        Links links = collect(resources);
        if (links.isEmpty()) {
            return resources;
        }
        List<Resource> out = new ArrayList<>(resources.size());
        for (Resource r : resources) {
            out.add(links.apply(r));
        }
        return out;
    }

    /**
     * Whether a file's text may hold the source of a link (a HorizontalPodAutoscaler or a cert-manager Certificate).
     * A scan reads only such files before judging anything, so that every other file can be parsed, judged and
     * dropped at once instead of all resources being held until linking. Both markers are plain text in any
     * manifest that declares such an object: a kind or apiVersion written with YAML escapes would be missed.
     */
    public static boolean mayHoldLinkSource(String text) {
        return text.contains(HPA_MARKER) || text.contains(CERT_MANAGER_MARKER);
    }

    private static final String HPA_MARKER = "HorizontalPodAutoscaler";
    private static final String CERT_MANAGER_MARKER = "cert-manager.io";
    private static final byte[] HPA_MARKER_BYTES = HPA_MARKER.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CERT_MANAGER_MARKER_BYTES = CERT_MANAGER_MARKER.getBytes(StandardCharsets.US_ASCII);

    /**
     * {@link #mayHoldLinkSource(String)} on a file's bytes, as discovery reads them: both markers are ASCII, and no
     * byte of a multi-byte UTF-8 sequence is, so the bytes hold a marker exactly when the decoded text does. One pass
     * for both markers: discovery asks it of every YAML file on a cold JVM, where {@code String.contains} is a plain
     * loop too (its intrinsic is C2's), and two passes over a String copy were a fifth of discovery's samples.
     */
    public static boolean mayHoldLinkSource(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == HPA_MARKER_BYTES[0] && startsWith(bytes, i, HPA_MARKER_BYTES)
                    || b == CERT_MANAGER_MARKER_BYTES[0] && startsWith(bytes, i, CERT_MANAGER_MARKER_BYTES)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int from, byte[] marker) {
        if (from + marker.length > bytes.length) {
            return false;
        }
        for (int j = 1; j < marker.length; j++) {
            if (bytes[from + j] != marker[j]) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code text} with every YAML document that does not name a link-source marker blanked: its lines emptied, its
     * line breaks and document markers kept, so that what is parsed from the result sits at its original line. A scan
     * parses this before judging anything, instead of the whole file: a manifest that declares an HPA usually holds
     * the Deployment and Service it scales too, which the scan parses anyway with every other file.
     *
     * <p>Documents are split at lines that start with {@code ---} or {@code ...} followed by a space or nothing: the
     * YAML document markers, which no block or multi-line flow scalar may contain at the start of a line.
     */
    public static String linkSourceDocuments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int docStart = 0;
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            if (nl < 0 || isDocumentMarker(text, lineStart, lineEnd)) {
                int docEnd = nl < 0 ? text.length() : lineStart;
                appendDocument(text, docStart, docEnd, out);
                if (nl < 0) {
                    break;
                }
                out.append(text, lineStart, nl + 1);
                docStart = nl + 1;
            }
            lineStart = lineEnd + 1;
        }
        return out.toString();
    }

    private static boolean isDocumentMarker(String text, int from, int to) {
        if (to - from < 3 || !(text.startsWith("---", from) || text.startsWith("...", from))) {
            return false;
        }
        return to - from == 3 || text.charAt(from + 3) == ' ' || text.charAt(from + 3) == '\t'
                || text.charAt(from + 3) == '\r';
    }

    /** The document as it is when it names a marker, else only its line breaks. */
    private static void appendDocument(String text, int from, int to, StringBuilder out) {
        String doc = text.substring(from, to);
        if (mayHoldLinkSource(doc)) {
            out.append(doc);
            return;
        }
        for (int i = 0; i < doc.length(); i++) {
            if (doc.charAt(i) == '\n') {
                out.append('\n');
            }
        }
    }

    /** Whether {@code r} declares links to others: an autoscaling HPA or a cert-manager Certificate. */
    public static boolean isLinkSource(Resource r) {
        return r.format() == Format.KUBERNETES
                && (r.kind().equals("HorizontalPodAutoscaler") && apiGroup(r.data()).equals("autoscaling")
                        || r.kind().equals("Certificate") && apiGroup(r.data()).equals("cert-manager.io"));
    }

    /** The links that {@code sources} (usually the resources of files that {@link #mayHoldLinkSource}) give. */
    public static Links collect(Collection<Resource> sources) {
        Map<Key, List<Related>> byTarget = new HashMap<>();
        for (Resource r : sources) {
            if (r.format() != Format.KUBERNETES) {
                continue;
            }
            if (r.kind().equals("HorizontalPodAutoscaler") && apiGroup(r.data()).equals("autoscaling")) {
                Map<String, Object> ref = map(map(r.data().get("spec")), "scaleTargetRef");
                String kind = text(ref, "kind");
                String name = text(ref, "name");
                if (kind != null && name != null) {
                    add(byTarget, new Key(kind, namespace(r.data()), name), related(r, "spec.scaleTargetRef"));
                }
            } else if (r.kind().equals("Certificate") && apiGroup(r.data()).equals("cert-manager.io")) {
                String secret = text(map(r.data().get("spec")), "secretName");
                if (secret != null) {
                    // Keyed by the secret: an Ingress looks up each of its tls secrets.
                    add(byTarget, new Key(TLS_SECRET, namespace(r.data()), secret), related(r, "spec.secretName"));
                }
            }
        }
        return new Links(byTarget);
    }

    /** What refers to what, collected from the link sources of a scan; immutable once built. */
    public static final class Links {
        private final Map<Key, List<Related>> byTarget;

        private Links(Map<Key, List<Related>> byTarget) {
            this.byTarget = byTarget;
        }

        public boolean isEmpty() {
            return byTarget.isEmpty();
        }

        /** {@code r} with what refers to it appended to {@code related}; {@code r} itself when nothing does. */
        public Resource apply(Resource r) {
            return byTarget.isEmpty() || r.format() != Format.KUBERNETES ? r : withLinks(r, byTarget);
        }
    }

    private static Resource withLinks(Resource r, Map<Key, List<Related>> byTarget) {
        String name = text(map(r.data().get("metadata")), "name");
        if (name == null) {
            return r;
        }
        String namespace = namespace(r.data());
        List<Related> found = new ArrayList<>(byTarget.getOrDefault(new Key(r.kind(), namespace, name), List.of()));
        if (r.kind().equals("Ingress")) {
            List<String> seen = new ArrayList<>();
            for (Object tls : list(map(r.data().get("spec")), "tls")) {
                String secret = text(map(tls), "secretName");
                if (secret != null && !seen.contains(secret)) {
                    seen.add(secret);
                    found.addAll(byTarget.getOrDefault(new Key(TLS_SECRET, namespace, secret), List.of()));
                }
            }
        }
        if (found.isEmpty()) {
            return r;
        }
        found.sort(Comparator.comparing(Related::address)
                .thenComparing(rel -> rel.location() == null ? "" : rel.location().file())
                .thenComparingInt(rel -> rel.location() == null ? 0 : rel.location().line()));
        List<Related> related = new ArrayList<>(r.related());
        related.addAll(found);
        return new Resource(r.format(), r.kind(), r.name(), r.address(), r.location(), r.data(), r.locations(),
                related, r.callSites());
    }

    private static Related related(Resource r, String attribute) {
        SourceLocation at = r.location();
        return new Related(r.kind(), r.name(), r.address(), attribute, r.data(), at);
    }

    private static void add(Map<Key, List<Related>> byTarget, Key key, Related rel) {
        byTarget.computeIfAbsent(key, k -> new ArrayList<>()).add(rel);
    }

    /** The group of {@code apiVersion} ({@code autoscaling/v2} gives {@code autoscaling}; core {@code v1} gives ""). */
    private static String apiGroup(Map<String, Object> data) {
        Object v = data.get("apiVersion");
        if (!(v instanceof String s) || s.indexOf('/') < 0) {
            return "";
        }
        return s.substring(0, s.indexOf('/'));
    }

    private static String namespace(Map<String, Object> data) {
        String ns = text(map(data.get("metadata")), "namespace");
        return ns == null ? DEFAULT_NAMESPACE : ns;
    }

    /** A non-empty string field; anything else (missing, a number, a map) is no reference. */
    private static String text(Map<String, Object> m, String key) {
        return m != null && m.get(key) instanceof String s && !s.isEmpty() ? s : null;
    }

    private static Map<String, Object> map(Map<String, Object> m, String key) {
        return m == null ? null : map(m.get(key));
    }

    private static Map<String, Object> map(Object value) {
        return KubernetesParser.asMap(value);
    }

    private static List<?> list(Map<String, Object> m, String key) {
        return m != null && m.get(key) instanceof List<?> l ? l : List.of();
    }
}
