package dev.tollgate.parse.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tollgate.model.Format;
import dev.tollgate.model.LocationIndex;
import dev.tollgate.model.Related;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceFile;
import dev.tollgate.parse.yaml.YamlDocument;
import dev.tollgate.parse.yaml.YamlLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubernetesLinksTest {

    private final YamlLoader loader = new YamlLoader();
    private final KubernetesParser parser = new KubernetesParser();

    /** The Kubernetes resources of one manifest file, as the scanner gets them. */
    private List<Resource> parse(String displayPath, String text) {
        SourceFile file = new SourceFile(Path.of(displayPath), displayPath, SourceFile.FileType.YAML);
        List<Resource> out = new ArrayList<>();
        for (YamlDocument doc : loader.load(text, displayPath).documents()) {
            out.addAll(parser.parse(file, doc).resources());
        }
        return out;
    }

    private static Resource byAddress(List<Resource> resources, String address) {
        return resources.stream().filter(r -> r.address().equals(address)).findFirst().orElseThrow();
    }

    private static List<String> relatedAddresses(Resource r) {
        return r.related().stream().map(rel -> rel.address() + " " + rel.attribute()).toList();
    }

    /** Whole workloads: a workload without containers would be a Kustomize patch, not an object. */
    private static final String DEPLOYMENTS = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec: {template: {spec: {containers: [{name: web, image: ghcr.io/acme/web:1.0}]}}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec: {template: {spec: {containers: [{name: web, image: ghcr.io/acme/web:1.0}]}}}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: web, namespace: shop}
            spec: {template: {spec: {containers: [{name: web, image: ghcr.io/acme/web:1.0}]}}}
            """;

    @Test
    void anHpaInAnotherFileIsRelatedToItsTargetOnlyInItsNamespaceAndKind() {
        List<Resource> all = new ArrayList<>(parse("k8s/app.yaml", DEPLOYMENTS));
        all.addAll(parse("k8s/hpa.yaml", """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: web, namespace: shop}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  minReplicas: 2
                  maxReplicas: 10
                """));

        List<Resource> linked = KubernetesLinks.link(all);

        assertEquals(all.size(), linked.size());
        Resource deployment = byAddress(linked, "Deployment/shop/web");
        assertEquals(List.of("HorizontalPodAutoscaler/shop/web spec.scaleTargetRef"), relatedAddresses(deployment));
        Related hpa = deployment.related().get(0);
        assertEquals("HorizontalPodAutoscaler", hpa.kind());
        assertEquals("web", hpa.name());
        assertEquals("k8s/hpa.yaml", hpa.location().file());
        assertEquals(10L, ((Map<?, ?>) hpa.data().get("spec")).get("maxReplicas"));
        // Same name, other namespace (default) or other kind: not the target.
        assertEquals(List.of(), byAddress(linked, "Deployment/web").related());
        assertEquals(List.of(), byAddress(linked, "StatefulSet/shop/web").related());
    }

    @Test
    void anHpaScalingAnArgoRolloutIsRelatedToTheRolloutNotToTheDeploymentOfTheSameName() {
        // The usual migration: a Rollout runs the Deployment's template through workloadRef, and the HPA is moved to
        // the Rollout (the Deployment is scaled to 0). Both are named web in the same namespace.
        List<Resource> all = new ArrayList<>(parse("k8s/rollout.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Rollout
                metadata: {name: web, namespace: shop}
                spec:
                  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                ---
                apiVersion: argoproj.io/v1alpha1
                kind: Rollout
                metadata: {name: worker, namespace: shop}
                spec:
                  template:
                    spec:
                      containers: [{name: worker, image: ghcr.io/acme/worker:2.0.1}]
                """));
        all.addAll(parse("k8s/app.yaml", DEPLOYMENTS));
        all.addAll(parse("k8s/hpa.yaml", """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: web, namespace: shop}
                spec:
                  scaleTargetRef: {apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: web}
                  minReplicas: 2
                  maxReplicas: 10
                """));

        List<Resource> linked = KubernetesLinks.link(all);

        Resource rollout = byAddress(linked, "Rollout/shop/web");
        assertEquals(List.of("HorizontalPodAutoscaler/shop/web spec.scaleTargetRef"), relatedAddresses(rollout));
        assertEquals("k8s/hpa.yaml", rollout.related().get(0).location().file());
        assertEquals(List.of(), byAddress(linked, "Deployment/shop/web").related());
        assertEquals(List.of(), byAddress(linked, "Rollout/shop/worker").related());
    }

    @Test
    void missingNamespacesAreDefaultOnBothSidesAndAutoscalingV1Counts() {
        List<Resource> all = new ArrayList<>(parse("app.yaml", DEPLOYMENTS));
        all.addAll(parse("hpa.yaml", """
                apiVersion: autoscaling/v1
                kind: HorizontalPodAutoscaler
                metadata: {name: web-hpa, namespace: default}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  maxReplicas: 4
                  targetCPUUtilizationPercentage: 70
                """));

        List<Resource> linked = KubernetesLinks.link(all);

        assertEquals(List.of("HorizontalPodAutoscaler/default/web-hpa spec.scaleTargetRef"),
                relatedAddresses(byAddress(linked, "Deployment/web")));
        assertEquals(List.of(), byAddress(linked, "Deployment/shop/web").related());
    }

    @Test
    void linksDoNotDependOnFileOrder() {
        String hpas = """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: web-cpu, namespace: shop}
                spec: {scaleTargetRef: {kind: Deployment, name: web}, maxReplicas: 5}
                """;
        String more = """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: web-a, namespace: shop}
                spec: {scaleTargetRef: {kind: Deployment, name: web}, maxReplicas: 5}
                """;
        List<Resource> forward = new ArrayList<>(parse("a.yaml", hpas));
        forward.addAll(parse("b.yaml", more));
        forward.addAll(parse("c.yaml", DEPLOYMENTS));
        List<Resource> backward = new ArrayList<>(parse("c.yaml", DEPLOYMENTS));
        backward.addAll(parse("b.yaml", more));
        backward.addAll(parse("a.yaml", hpas));

        List<String> expected = List.of("HorizontalPodAutoscaler/shop/web-a spec.scaleTargetRef",
                "HorizontalPodAutoscaler/shop/web-cpu spec.scaleTargetRef");
        assertEquals(expected, relatedAddresses(byAddress(KubernetesLinks.link(forward), "Deployment/shop/web")));
        assertEquals(expected, relatedAddresses(byAddress(KubernetesLinks.link(backward), "Deployment/shop/web")));
    }

    @Test
    void aCertificateIsRelatedToEachIngressServingItsSecretInItsNamespace() {
        List<Resource> all = new ArrayList<>(parse("ingress.yaml", """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web, namespace: shop}
                spec:
                  tls:
                    - {hosts: [shop.acme.io], secretName: shop-tls}
                    - {hosts: [www.acme.io], secretName: shop-tls}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web}
                spec:
                  tls: [{hosts: [shop.acme.io], secretName: shop-tls}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: admin, namespace: shop}
                spec:
                  tls: [{hosts: [admin.acme.io], secretName: admin-tls}]
                """));
        all.addAll(parse("certificate.yaml", """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: shop, namespace: shop}
                spec:
                  secretName: shop-tls
                  dnsNames: [shop.acme.io, www.acme.io]
                  issuerRef: {kind: ClusterIssuer, name: letsencrypt-prod}
                """));

        List<Resource> linked = KubernetesLinks.link(all);

        // Two tls entries naming the same secret relate the Certificate once.
        assertEquals(List.of("Certificate/shop/shop spec.secretName"),
                relatedAddresses(byAddress(linked, "Ingress/shop/web")));
        assertEquals(List.of(), byAddress(linked, "Ingress/web").related());
        assertEquals(List.of(), byAddress(linked, "Ingress/shop/admin").related());
    }

    @Test
    void foreignGroupsAndIncompleteReferencesLinkNothing() {
        List<Resource> all = new ArrayList<>(parse("app.yaml", DEPLOYMENTS));
        all.addAll(parse("other.yaml", """
                apiVersion: example.com/v1
                kind: HorizontalPodAutoscaler
                metadata: {name: web, namespace: shop}
                spec: {scaleTargetRef: {kind: Deployment, name: web}}
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: broken, namespace: shop}
                spec: {scaleTargetRef: {kind: Deployment, name: 7}}
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: no-ref, namespace: shop}
                spec: {maxReplicas: 3}
                ---
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: no-secret, namespace: shop}
                spec: {dnsNames: [shop.acme.io]}
                """));

        List<Resource> linked = KubernetesLinks.link(all);

        assertSame(all, linked, "nothing to link: the list is returned as it is");
    }

    @Test
    void otherFormatsAndTheirRelatedAreLeftAlone() {
        Resource terraformish = new Resource(Format.TERRAFORM, "Deployment", "web", "Deployment/shop/web",
                byAddress(parse("x.yaml", DEPLOYMENTS), "Deployment/shop/web").location(),
                Map.of("metadata", Map.of("name", "web", "namespace", "shop")), new LocationIndex(Map.of()));
        List<Resource> all = new ArrayList<>(List.of(terraformish));
        all.addAll(parse("hpa.yaml", """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: web, namespace: shop}
                spec: {scaleTargetRef: {kind: Deployment, name: web}, maxReplicas: 3}
                """));

        List<Resource> linked = KubernetesLinks.link(all);

        assertSame(terraformish, linked.get(0));
    }

    @Test
    void linkSourceDocuments_keepsOnlyMarkedDocumentsAtTheirLines() {
        String text = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    metadata:
                      annotations:
                        note: |
                          --- not a document marker: indented
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: web}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  maxReplicas: 4
                --- # a comment after the marker
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                ...
                ---
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: web-tls}
                spec: {secretName: web-tls}
                """;
        String kept = KubernetesLinks.linkSourceDocuments(text);

        assertEquals(text.lines().count(), kept.lines().count());
        assertEquals(false, kept.contains("annotations"));
        assertEquals(false, kept.contains("kind: Service"));
        List<Resource> full = parse("k8s/web.yaml", text).stream().filter(KubernetesLinks::isLinkSource).toList();
        List<Resource> fromKept = parse("k8s/web.yaml", kept);
        assertEquals(List.of("HorizontalPodAutoscaler", "Certificate"), fromKept.stream().map(Resource::kind).toList());
        assertEquals(full.stream().map(r -> r.address() + "@" + r.location() + r.data()).toList(),
                fromKept.stream().map(r -> r.address() + "@" + r.location() + r.data()).toList());
        assertEquals(List.of(11, 23), fromKept.stream().map(r -> r.location().line()).toList());
    }

    @Test
    void theMarkersAreFoundInBytesExactlyAsInText() {
        java.util.Random random = new java.util.Random(5);
        String[] pieces = {"HorizontalPodAutoscaler", "HorizontalPodAutoscale", "cert-manager.io", "cert-manager.i",
            "H", "c", "kind: ", "\n", "é", "ü", "apiVersion: autoscaling/v2", " "};
        for (int n = 0; n < 5_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(6); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = text.toString();
            assertEquals(KubernetesLinks.mayHoldLinkSource(t),
                    KubernetesLinks.mayHoldLinkSource(t.getBytes(java.nio.charset.StandardCharsets.UTF_8)), t);
        }
    }
}
