package dev.tollgate.parse.kubernetes;

import dev.tollgate.model.ParseResult;
import dev.tollgate.model.SourceFile;
import dev.tollgate.parse.yaml.YamlDocument;
import java.util.Map;

/** Turns Kubernetes YAML documents into resources. (Skeleton: filled in by the Kubernetes work.) */
public final class KubernetesParser {

    /** A document is a Kubernetes object when it is a map with string {@code apiVersion} and {@code kind}. */
    public static boolean isKubernetesObject(YamlDocument doc) {
        return doc.root() instanceof Map<?, ?> m && m.get("apiVersion") instanceof String && m.get("kind") instanceof String;
    }

    public ParseResult parse(SourceFile file, YamlDocument doc) {
        return ParseResult.empty();
    }
}
