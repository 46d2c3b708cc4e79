package dev.tollgate.parse.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises documents that name a Kubernetes kind but are not whole objects: Kustomize strategic-merge patches
 * ({@code patchesStrategicMerge}, {@code patches}) and other overlay fragments.
 *
 * <p>A patch says what to change in an object defined elsewhere, so what it leaves out is not missing: judging
 * {@code kind: Deployment} with only a container's {@code env} as a Deployment would report absent probes, an absent
 * autoscaler, an Ingress without TLS, all of which live in the base. The API server would reject such a document
 * too, which is what marks it: a workload whose containers have no image, a pod template with metadata and no spec,
 * an Ingress without a spec, or a strategic-merge directive ({@code $patch},
 * {@code $setElementOrder/...}, {@code $retainKeys}, {@code $deleteFromPrimitiveList/...}) anywhere.
 */
final class PartialObjects {

    private static final int MAX_DEPTH = 64;

    private PartialObjects() {
    }

    /** True when {@code data} (of kind {@code kind}) is a fragment to merge into an object, not an object. */
    static boolean isPartial(String kind, Map<String, Object> data) {
        if (hasPatchDirective(data, 0)) {
            return true;
        }
        Optional<String> podSpec = PodSpecs.podSpecPointer(data.get("apiVersion"), kind);
        if (podSpec.isPresent()) {
            Object spec = PodSpecs.at(data, podSpec.get());
            return patchesPodSpec(spec) || lacksContainers(spec, data)
                    || (!kind.equals("Pod")
                            && patchesPodTemplateMetadataOnly(PodSpecs.at(data, parent(podSpec.get()))));
        }
        if (kind.equals("Ingress")) {
            // Without a spec it only adds metadata (annotations, labels) to an Ingress of the base.
            return !(data.get("spec") instanceof Map<?, ?>);
        }
        return false;
    }

    /**
     * Containers named but without an image: the API server requires one on every container and init container, so
     * such a list only changes containers of the base ({@code - name: api} with {@code env} or {@code resources}).
     */
    private static boolean patchesPodSpec(Object spec) {
        if (!(spec instanceof Map<?, ?> podSpec)) {
            return false;
        }
        for (String field : List.of("containers", "initContainers")) {
            if (podSpec.get(field) instanceof List<?> list) {
                for (Object c : list) {
                    if (c instanceof Map<?, ?> container && container.get("image") == null) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * No list of containers at all: a patch that sets only replicas, affinity or tolerations (metrics-server's
     * high-availability component), which the API server would reject as an object. An Argo Rollout with a
     * {@code workloadRef} takes its pod template from a Deployment and is whole without one.
     */
    private static boolean lacksContainers(Object spec, Map<String, Object> data) {
        if (data.get("spec") instanceof Map<?, ?> top && top.containsKey("workloadRef")) {
            return false;
        }
        return !(spec instanceof Map<?, ?> podSpec && podSpec.get("containers") instanceof List<?>);
    }

    /** A pod template with metadata (labels, annotations) and no spec: it only relabels the base's pods. */
    private static boolean patchesPodTemplateMetadataOnly(Object template) {
        return template instanceof Map<?, ?> t && t.containsKey("metadata") && !t.containsKey("spec");
    }

    private static String parent(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    private static boolean hasPatchDirective(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (key.equals("$patch") || key.equals("$retainKeys") || key.startsWith("$setElementOrder/")
                        || key.startsWith("$deleteFromPrimitiveList/")) {
                    return true;
                }
                if (hasPatchDirective(e.getValue(), depth + 1)) {
                    return true;
                }
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                if (hasPatchDirective(item, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
