package dev.tollgate.parse.kubernetes;

import dev.tollgate.model.Format;
import dev.tollgate.model.LocationIndex;
import dev.tollgate.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the pod spec and its containers sit in each built-in workload kind, and in the custom workloads that replace
 * them (an Argo Rollouts {@code Rollout}).
 *
 * <p>Policies are written against the real Kubernetes shape, so a container check must look in a different place for
 * a Pod ({@code spec}), a Deployment ({@code spec.template.spec}) and a CronJob
 * ({@code spec.jobTemplate.spec.template.spec}). This table is the one place that knows those paths.
 */
public final class PodSpecs {

    /** The container lists of a pod spec, in the order Kubernetes starts them. */
    public static final List<String> CONTAINER_FIELDS = List.of("initContainers", "containers", "ephemeralContainers");

    private static final Map<String, String> POD_SPEC_BY_KIND = Map.of(
            "Pod", "/spec",
            "PodTemplate", "/template/spec",
            "Deployment", "/spec/template/spec",
            "StatefulSet", "/spec/template/spec",
            "DaemonSet", "/spec/template/spec",
            "ReplicaSet", "/spec/template/spec",
            "ReplicationController", "/spec/template/spec",
            "Job", "/spec/template/spec",
            "CronJob", "/spec/jobTemplate/spec/template/spec",
            "Rollout", "/spec/template/spec");

    /**
     * The API group of each custom kind in the table. A kind name alone is not unique among custom resources
     * (OpenKruise has a {@code Rollout} too, a rollout strategy that names a Deployment and has no pod template), so
     * these count only with their group; built-in kinds are taken by name, whatever their (old) group.
     */
    private static final Map<String, String> CUSTOM_KIND_GROUP = Map.of("Rollout", "argoproj.io");

    private PodSpecs() {
    }

    /**
     * The JSON pointer of the pod spec in objects of {@code kind} and {@code apiVersion}, if that kind has one. An
     * Argo Rollout that runs a Deployment's template through {@code spec.workloadRef} has the pointer too, with
     * nothing at it.
     */
    public static Optional<String> podSpecPointer(Object apiVersion, String kind) {
        String group = CUSTOM_KIND_GROUP.get(kind);
        if (group != null && !(apiVersion instanceof String v && v.startsWith(group + "/"))) {
            return Optional.empty();
        }
        return Optional.ofNullable(POD_SPEC_BY_KIND.get(kind));
    }

    /**
     * The pointer of every container of a Kubernetes resource (init containers first), e.g.
     * {@code /spec/template/spec/containers/0}; empty for kinds without a pod spec or with none written.
     */
    public static List<String> containerPointers(Resource resource) {
        List<String> pointers = new ArrayList<>();
        if (resource.format() != Format.KUBERNETES) {
            return pointers;
        }
        Optional<String> podSpec = podSpecPointer(resource.data().get("apiVersion"), resource.kind());
        if (podSpec.isEmpty() || !(at(resource.data(), podSpec.get()) instanceof Map<?, ?> spec)) {
            return pointers;
        }
        for (String field : CONTAINER_FIELDS) {
            if (spec.get(field) instanceof List<?> containers) {
                String listPointer = LocationIndex.child(podSpec.get(), field);
                for (int i = 0; i < containers.size(); i++) {
                    if (containers.get(i) instanceof Map<?, ?>) {
                        pointers.add(LocationIndex.child(listPointer, i));
                    }
                }
            }
        }
        return pointers;
    }

    /** The value at a pointer made of plain map keys (no list indexes, no escapes), or null. */
    static Object at(Map<String, Object> data, String pointer) {
        Object current = data;
        for (String token : pointer.substring(1).split("/")) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(token);
        }
        return current;
    }
}
