package dev.tollgate.parse.kubernetes;

import dev.tollgate.model.LocationIndex;
import dev.tollgate.model.ParseResult;
import dev.tollgate.model.Problem;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceFile;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.parse.yaml.YamlDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns Kubernetes YAML documents into resources, one per object.
 *
 * <p>The resource's data is the object as written: policies are CEL over the real Kubernetes shape
 * ({@code spec.template.spec.containers}), so nothing is renamed or moved. Only null fields are dropped, as the API
 * server drops them ({@link NullFields}). Documents that are not whole objects, such as Kustomize patches, are
 * left out ({@link PartialObjects}): what a patch leaves out lives in its base. A {@code kind: List} (or any
 * {@code FooList} with an {@code items} list, as {@code kubectl get -o yaml} writes) becomes one resource per item,
 * with the item's locations rebased so that its pointers start at the item.
 */
public final class KubernetesParser {

    /** Lists inside lists are legal but pointless; the bound only keeps hostile input from recursing deeply. */
    private static final int MAX_LIST_NESTING = 8;
    private static final String KUSTOMIZATION = "Kustomization";

    /** A document is a Kubernetes object when it is a map with string {@code apiVersion} and {@code kind}. */
    public static boolean isKubernetesObject(YamlDocument doc) {
        return doc.root() instanceof Map<?, ?> m && m.get("apiVersion") instanceof String
                && m.get("kind") instanceof String;
    }

    /**
     * A {@code kustomization.yaml} (or {@code .yml}) that leaves out {@code apiVersion} and {@code kind}, as kustomize
     * allows and most kustomization files do. It is read as a {@code Kustomization} so that policies can judge what it
     * generates ({@code secretGenerator} literals); with {@code apiVersion} and {@code kind} it is a Kubernetes object
     * like any other.
     */
    public static boolean isKustomizationWithoutKind(SourceFile file, YamlDocument doc) {
        Path name = file.path().getFileName();
        return name != null
                && (name.toString().equals("kustomization.yaml") || name.toString().equals("kustomization.yml"))
                && doc.root() instanceof Map<?, ?> m && !m.containsKey("apiVersion") && !m.containsKey("kind");
    }

    /** The one {@code Kustomization} resource of a kustomization file without apiVersion and kind. */
    public ParseResult parseKustomization(SourceFile file, YamlDocument doc) {
        Map<String, Object> root = asMap(doc.root());
        KubernetesObject object = new KubernetesObject(root, KUSTOMIZATION, doc.locations(), doc.start());
        return new ParseResult(List.of(object.toResource()), List.of());
    }

    /**
     * The resources of one YAML document; a document that is not a Kubernetes object gives none.
     *
     * @param file the file the document came from; unused today (locations already carry its display path), kept
     *     so that every format's parser is called the same way
     */
    public ParseResult parse(SourceFile file, YamlDocument doc) {
        if (!isKubernetesObject(doc)) {
            return ParseResult.empty();
        }
        List<Resource> resources = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> root = asMap(doc.root());
        collect(new KubernetesObject(root, (String) root.get("kind"), doc.locations(), doc.start()), 0,
                resources, problems);
        return new ParseResult(resources, problems);
    }

    private static void collect(KubernetesObject object, int listDepth, List<Resource> resources,
            List<Problem> problems) {
        List<?> items = object.listItems();
        if (items == null) {
            if (!PartialObjects.isPartial(object.kind(), object.data())) {
                resources.add(object.toResource());
            }
            return;
        }
        if (listDepth >= MAX_LIST_NESTING) {
            problems.add(Problem.at(object.start(), Problem.Kind.PARSE_ERROR,
                    object.kind() + " nested in more than " + MAX_LIST_NESTING + " lists; not read"));
            return;
        }
        List<LocationIndex> itemLocations = ItemLocations.split(object.locations(), "/items", items.size());
        for (int i = 0; i < items.size(); i++) {
            LocationIndex locations = itemLocations.get(i);
            SourceLocation start = locations.byPointer().getOrDefault("", object.start());
            Map<String, Object> item = asMap(items.get(i));
            String kind = item == null ? null : itemKind(item, object);
            if (kind == null) {
                problems.add(Problem.at(start, Problem.Kind.PARSE_ERROR, "item " + i + " of " + object.kind()
                        + " is not a Kubernetes object (it needs a kind); skipped"));
                continue;
            }
            collect(new KubernetesObject(item, kind, locations, start), listDepth + 1, resources, problems);
        }
    }

    /**
     * An item's kind: its own, or for a typed list ({@code DeploymentList}) the list's kind without {@code List},
     * because the API server leaves kind out of the items of typed lists.
     */
    private static String itemKind(Map<String, Object> item, KubernetesObject list) {
        if (item.get("kind") instanceof String k && !k.isEmpty()) {
            return k;
        }
        String listKind = list.kind();
        if (!listKind.equals("List") && listKind.endsWith("List")) {
            return listKind.substring(0, listKind.length() - "List".length());
        }
        return null;
    }

    /** YAML content is only ever a map with string keys, a list or a scalar. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }
}
