package dev.tollgate.parse.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.model.Format;
import dev.tollgate.model.ParseResult;
import dev.tollgate.model.Problem;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceFile;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.parse.Parsers;
import dev.tollgate.parse.yaml.YamlDocument;
import dev.tollgate.parse.yaml.YamlLoader;
import dev.tollgate.parse.yaml.YamlStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesParserTest {

    private static final String WORKLOADS = "k8s/workloads.yaml";
    private static final String LISTS = "k8s/lists.yaml";
    private static final String ODD = "k8s/odd.yaml";

    private final YamlLoader loader = new YamlLoader();
    private final KubernetesParser parser = new KubernetesParser();

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static String resourceText(String name) {
        try (InputStream in = KubernetesParserTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads a test manifest and parses every Kubernetes document, as Parsers does. */
    private ParseResult parse(String displayPath, String text) {
        YamlStream stream = loader.load(text, displayPath);
        SourceFile file = new SourceFile(Path.of(displayPath), displayPath, SourceFile.FileType.YAML);
        List<Resource> resources = new ArrayList<>();
        List<Problem> problems = new ArrayList<>(stream.problems());
        for (YamlDocument doc : stream.documents()) {
            if (KubernetesParser.isKubernetesObject(doc)) {
                ParseResult r = parser.parse(file, doc);
                resources.addAll(r.resources());
                problems.addAll(r.problems());
            }
        }
        return new ParseResult(resources, problems);
    }

    private ParseResult parseResource(String displayPath) {
        String name = displayPath.substring(displayPath.lastIndexOf('/') + 1);
        return parse(displayPath, resourceText(name));
    }

    private static Resource byAddress(ParseResult result, String address) {
        return result.resources().stream().filter(r -> r.address().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource " + address + " in "
                        + result.resources().stream().map(Resource::address).toList()));
    }

    private static void assertLine(int line, int column, String file, SourceLocation actual) {
        assertEquals(new SourceLocation(file, line, column), actual);
    }

    /** Follows a JSON pointer of plain keys and list indexes through a resource's data. */
    private static Object at(Resource r, String pointer) {
        Object current = r.data();
        for (String token : pointer.substring(1).split("/")) {
            String key = token.replace("~1", "/").replace("~0", "~");
            if (current instanceof Map<?, ?> m) {
                current = m.get(key);
            } else if (current instanceof List<?> l) {
                current = l.get(Integer.parseInt(key));
            } else {
                throw new AssertionError("nothing at " + pointer + " in " + r.address());
            }
        }
        return current;
    }

    // ---- kustomization files -----------------------------------------------------------------------------------

    @Test
    void aKustomizationWithoutApiVersionAndKindIsAKustomization_byItsFileNameOnly() throws IOException {
        String text = """
                resources:
                  - deployment.yaml
                secretGenerator:
                  - name: api-keys
                    literals:
                      - password=Zr8-Lq2-Wm7-Vx4
                """;
        Path dir = Files.createTempDirectory("kustomize");
        try {
            for (String name : List.of("kustomization.yaml", "kustomization.yml", "other.yaml")) {
                Path p = dir.resolve(name);
                Files.writeString(p, text);
                ParseResult r = new Parsers().parse(
                        new SourceFile(p, "overlays/prod/" + name, SourceFile.FileType.YAML));
                assertEquals(List.of(), r.problems());
                if (name.equals("other.yaml")) {
                    assertEquals(List.of(), r.resources(), "only kustomize's file names say what the file is");
                    continue;
                }
                Resource k = r.resources().get(0);
                assertEquals("Kustomization", k.kind());
                assertEquals("Kustomization/<unnamed>", k.address());
                assertLine(6, 9, "overlays/prod/" + name, k.locate("/secretGenerator/0/literals/0"));
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    // ---- one resource per object -------------------------------------------------------------------------------

    @Test
    void everyObjectOfAMultiDocumentManifestIsAResource() {
        ParseResult result = parseResource(WORKLOADS);
        assertEquals(List.of(), result.problems());
        assertEquals(List.of(
                "Namespace/shop",
                "ConfigMap/shop/web-config",
                "Deployment/shop/web",
                "StatefulSet/shop/db",
                "DaemonSet/kube-system/node-agent",
                "ReplicaSet/legacy",
                "Job/shop/backfill-",
                "CronJob/shop/nightly-report",
                "Pod/debug",
                "Ingress/shop/web"), result.resources().stream().map(Resource::address).toList());
        for (Resource r : result.resources()) {
            assertEquals(Format.KUBERNETES, r.format());
            assertEquals(r.kind(), r.data().get("kind"));
        }
    }

    @Test
    void kindNameAndLocationOfAResource() {
        Resource web = byAddress(parseResource(WORKLOADS), "Deployment/shop/web");
        assertEquals("Deployment", web.kind());
        assertEquals("web", web.name());
        assertLine(20, 1, WORKLOADS, web.location()); // the document's first key, not the '---' above it
        assertLine(2, 1, WORKLOADS, byAddress(parseResource(WORKLOADS), "Namespace/shop").location());
    }

    @Test
    void dataIsTheDocumentUnchanged() {
        String text = resourceText("workloads.yaml");
        YamlStream stream = loader.load(text, WORKLOADS);
        YamlDocument doc = stream.documents().get(2);
        Resource web = parser.parse(new SourceFile(Path.of(WORKLOADS), WORKLOADS, SourceFile.FileType.YAML), doc)
                .resources().get(0);
        assertSame(doc.root(), web.data());
        assertSame(doc.locations(), web.locations());
        assertEquals(3L, at(web, "/spec/replicas"));
    }

    @Test
    void generateNameStandsInForAMissingName() {
        Resource job = byAddress(parseResource(WORKLOADS), "Job/shop/backfill-");
        assertEquals("backfill-", job.name());
    }

    // ---- what policies reach -----------------------------------------------------------------------------------

    @Test
    void containerImagesAreLocatedInEveryWorkloadKind() {
        ParseResult result = parseResource(WORKLOADS);
        record Expected(String address, String pointer, String image, int line, int column) {
        }
        List<Expected> expected = List.of(
                new Expected("Deployment/shop/web", "/spec/template/spec/initContainers/0/image",
                        "registry.example.com/shop/migrate:2.4.1", 38, 11),
                new Expected("Deployment/shop/web", "/spec/template/spec/containers/0/image", "nginx:latest", 43, 11),
                new Expected("Deployment/shop/web", "/spec/template/spec/containers/1/image",
                        "prom/statsd-exporter:v0.26.0", 57, 11),
                new Expected("StatefulSet/shop/db", "/spec/template/spec/containers/0/image", "postgres:16", 74, 11),
                new Expected("DaemonSet/kube-system/node-agent", "/spec/template/spec/containers/0/image",
                        "example/agent:1.0", 95, 11),
                new Expected("ReplicaSet/legacy", "/spec/template/spec/containers/0/image", "example/legacy:0.9",
                        109, 26),
                new Expected("Job/shop/backfill-", "/spec/template/spec/containers/0/image", "example/backfill:3",
                        122, 11),
                new Expected("CronJob/shop/nightly-report",
                        "/spec/jobTemplate/spec/template/spec/containers/0/image",
                        "example/report@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                        142, 15),
                new Expected("Pod/debug", "/spec/containers/0/image", "busybox", 152, 7));
        for (Expected e : expected) {
            Resource r = byAddress(result, e.address());
            assertEquals(e.image(), at(r, e.pointer()), e.pointer());
            assertLine(e.line(), e.column(), WORKLOADS, r.locate(e.pointer()));
        }
    }

    @Test
    void containerListItemsAreLocatedWhereTheyStart() {
        Resource web = byAddress(parseResource(WORKLOADS), "Deployment/shop/web");
        assertLine(37, 11, WORKLOADS, web.locate("/spec/template/spec/initContainers/0"));
        assertLine(42, 11, WORKLOADS, web.locate("/spec/template/spec/containers/0"));
        assertLine(56, 11, WORKLOADS, web.locate("/spec/template/spec/containers/1"));
        assertLine(55, 13, WORKLOADS, web.locate("/spec/template/spec/containers/0/securityContext/privileged"));
        assertEquals(true, at(web, "/spec/template/spec/containers/0/securityContext/privileged"));
    }

    @Test
    void envValuesAndValueFromAreReachable() {
        ParseResult result = parseResource(WORKLOADS);
        Resource web = byAddress(result, "Deployment/shop/web");
        String env = "/spec/template/spec/containers/0/env";
        assertEquals("LOG_LEVEL", at(web, env + "/0/name"));
        assertEquals(Map.of("name", "web-config", "key", "LOG_LEVEL"), at(web, env + "/0/valueFrom/configMapKeyRef"));
        assertLine(48, 15, WORKLOADS, web.locate(env + "/0/valueFrom"));
        assertEquals("s3cr3t-token", at(web, env + "/1/value"));
        assertLine(53, 15, WORKLOADS, web.locate(env + "/1/value"));

        Resource db = byAddress(result, "StatefulSet/shop/db");
        assertEquals(Map.of("name", "db", "key", "password"),
                at(db, "/spec/template/spec/containers/0/env/0/valueFrom/secretKeyRef"));
        assertLine(78, 17, WORKLOADS, db.locate("/spec/template/spec/containers/0/env/0/valueFrom/secretKeyRef"));
    }

    @Test
    void commandAndArgsAreReachable() {
        ParseResult result = parseResource(WORKLOADS);
        Resource web = byAddress(result, "Deployment/shop/web");
        assertEquals(List.of("/bin/migrate"), at(web, "/spec/template/spec/initContainers/0/command"));
        assertEquals(List.of("--to", "latest"), at(web, "/spec/template/spec/initContainers/0/args"));
        assertLine(40, 11, WORKLOADS, web.locate("/spec/template/spec/initContainers/0/args"));

        Resource job = byAddress(result, "Job/shop/backfill-");
        assertEquals(List.of("sh", "-c", "./backfill --all"), at(job, "/spec/template/spec/containers/0/command"));
        assertLine(126, 15, WORKLOADS, job.locate("/spec/template/spec/containers/0/command/2"));

        Resource cron = byAddress(result, "CronJob/shop/nightly-report");
        assertEquals(List.of("--since", "24h"), at(cron, "/spec/jobTemplate/spec/template/spec/containers/0/args"));

        Resource pod = byAddress(result, "Pod/debug");
        assertEquals(List.of("sleep", "3600"), at(pod, "/spec/containers/0/command")); // quoted: stays a string
    }

    @Test
    void ingressTlsRulesAndAnnotationsAreReachable() {
        Resource ingress = byAddress(parseResource(WORKLOADS), "Ingress/shop/web");
        assertEquals("false", at(ingress, "/metadata/annotations/nginx.ingress.kubernetes.io~1ssl-redirect"));
        assertLine(161, 5, WORKLOADS,
                ingress.locate("/metadata/annotations/nginx.ingress.kubernetes.io~1ssl-redirect"));
        assertEquals(List.of("shop.example.com"), at(ingress, "/spec/tls/0/hosts"));
        assertLine(165, 7, WORKLOADS, ingress.locate("/spec/tls/0"));
        assertEquals("shop-tls", at(ingress, "/spec/tls/0/secretName"));
        assertEquals("shop.example.com", at(ingress, "/spec/rules/0/host"));
        assertEquals(80L, at(ingress, "/spec/rules/0/http/paths/0/backend/service/port/number"));
        assertLine(176, 17, WORKLOADS, ingress.locate("/spec/rules/0/http/paths/0/backend/service/port"));
    }

    @Test
    void configMapDataIsReachable() {
        Resource cm = byAddress(parseResource(WORKLOADS), "ConfigMap/shop/web-config");
        assertEquals("postgres://admin:hunter2@db.shop.svc:5432/shop", at(cm, "/data/DATABASE_URL"));
        assertLine(14, 3, WORKLOADS, cm.locate("/data/DATABASE_URL"));
        assertEquals("server {\n  listen 8080;\n}\n", at(cm, "/data/nginx.conf"));
    }

    @Test
    void aliasedLabelsAreResolvedAndLocatedAtTheAnchor() {
        Resource web = byAddress(parseResource(WORKLOADS), "Deployment/shop/web");
        Map<String, Object> labels = Map.of("app", "web", "tier", "frontend");
        assertEquals(labels, at(web, "/spec/selector/matchLabels"));
        assertEquals(labels, at(web, "/spec/template/metadata/labels"));
        assertLine(31, 5, WORKLOADS, web.locate("/spec/selector/matchLabels"));
        assertLine(26, 5, WORKLOADS, web.locate("/spec/selector/matchLabels/app"));
    }

    @Test
    void locateFallsBackToTheNearestAncestorThenTheResource() {
        Resource pod = byAddress(parseResource(WORKLOADS), "Pod/debug");
        assertLine(151, 7, WORKLOADS, pod.locate("/spec/containers/0/securityContext/privileged"));
        assertEquals(pod.location(), pod.locate(""));
    }

    // ---- PodSpecs ----------------------------------------------------------------------------------------------

    @Test
    void podSpecsKnowsWhereEachWorkloadKeepsItsContainers() {
        assertEquals(Optional.of("/spec"), PodSpecs.podSpecPointer("v1", "Pod"));
        assertEquals(Optional.of("/spec/template/spec"), PodSpecs.podSpecPointer("apps/v1", "Deployment"));
        assertEquals(Optional.of("/spec/template/spec"), PodSpecs.podSpecPointer("extensions/v1beta1", "Deployment"));
        assertEquals(Optional.of("/spec/jobTemplate/spec/template/spec"),
                PodSpecs.podSpecPointer("batch/v1", "CronJob"));
        assertEquals(Optional.empty(), PodSpecs.podSpecPointer("v1", "Service"));
        // A custom kind counts only in the group that defines it: OpenKruise's Rollout has no pod template.
        assertEquals(Optional.of("/spec/template/spec"), PodSpecs.podSpecPointer("argoproj.io/v1alpha1", "Rollout"));
        assertEquals(Optional.empty(), PodSpecs.podSpecPointer("rollouts.kruise.io/v1alpha1", "Rollout"));
        assertEquals(Optional.empty(), PodSpecs.podSpecPointer(null, "Rollout"));

        ParseResult result = parseResource(WORKLOADS);
        assertEquals(List.of(
                "/spec/template/spec/initContainers/0",
                "/spec/template/spec/containers/0",
                "/spec/template/spec/containers/1"),
                PodSpecs.containerPointers(byAddress(result, "Deployment/shop/web")));
        assertEquals(List.of("/spec/jobTemplate/spec/template/spec/containers/0"),
                PodSpecs.containerPointers(byAddress(result, "CronJob/shop/nightly-report")));
        assertEquals(List.of(), PodSpecs.containerPointers(byAddress(result, "Ingress/shop/web")));
        // Every container pointer the table gives leads to an image in every workload of the manifest.
        for (Resource r : result.resources()) {
            for (String container : PodSpecs.containerPointers(r)) {
                assertTrue(at(r, container + "/image") instanceof String, r.address() + container);
            }
        }
    }

    @Test
    void anArgoRolloutKeepsItsContainersWhereADeploymentDoes() {
        ParseResult result = parse("rollout.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Rollout
                metadata:
                  name: web
                spec:
                  strategy:
                    canary:
                      steps: [{setWeight: 20}, {pause: {}}]
                  template:
                    spec:
                      containers:
                        - name: web
                          image: ghcr.io/acme/web:1.4.0
                ---
                # Runs the template of the Deployment it names: no pod spec of its own, nothing to point at, no crash
                apiVersion: argoproj.io/v1alpha1
                kind: Rollout
                metadata:
                  name: api
                spec:
                  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: api}
                ---
                apiVersion: rollouts.kruise.io/v1alpha1
                kind: Rollout
                metadata:
                  name: kruise
                spec:
                  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: api}
                """);
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("Rollout/web", "Rollout/api", "Rollout/kruise"),
                result.resources().stream().map(Resource::address).toList());
        assertEquals(List.of("/spec/template/spec/containers/0"),
                PodSpecs.containerPointers(byAddress(result, "Rollout/web")));
        assertEquals(List.of(), PodSpecs.containerPointers(byAddress(result, "Rollout/api")));
        assertEquals(List.of(), PodSpecs.containerPointers(byAddress(result, "Rollout/kruise")));
    }

    @Test
    void aKustomizePatchOfARolloutIsNotJudgedAsAWholeRollout() {
        ParseResult result = parse("overlays/prod/rollout-patch.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Rollout
                metadata:
                  name: web
                spec:
                  template:
                    spec:
                      containers:
                      - name: web
                        env:
                        - name: LOG_LEVEL
                          value: debug
                ---
                apiVersion: argoproj.io/v1alpha1
                kind: Rollout
                metadata:
                  name: worker
                spec:
                  template:
                    metadata:
                      labels:
                        release: v2
                """);
        assertEquals(List.of(), result.problems());
        assertEquals(List.of(), result.resources().stream().map(Resource::address).toList());
    }

    // ---- lists -------------------------------------------------------------------------------------------------

    @Test
    void listIsExpandedIntoOneResourcePerItem() {
        ParseResult result = parseResource(LISTS);
        assertEquals(List.of("Service/shop/web", "Deployment/api", "Deployment/prod/from-api-server"),
                result.resources().stream().map(Resource::address).toList());
        Resource api = byAddress(result, "Deployment/api");
        assertLine(12, 5, LISTS, api.location()); // where the item starts
        assertEquals("api", api.name());
    }

    @Test
    void listItemPointersAreRebasedToTheItem() {
        ParseResult result = parseResource(LISTS);
        Resource api = byAddress(result, "Deployment/api");
        assertEquals("example/api:1.2", at(api, "/spec/template/spec/containers/0/image"));
        assertLine(21, 15, LISTS, api.locate("/spec/template/spec/containers/0/image"));
        assertLine(12, 5, LISTS, api.locations().byPointer().get(""));
        assertLine(16, 5, LISTS, api.locate("/spec"));
        for (String pointer : api.locations().byPointer().keySet()) {
            assertFalse(pointer.startsWith("/items"), pointer);
        }
        Resource svc = byAddress(result, "Service/shop/web");
        assertLine(11, 11, LISTS, svc.locate("/spec/ports/0"));
        assertFalse(svc.locations().byPointer().containsKey("/spec/template"), "no locations from other items");
    }

    @Test
    void typedListItemsTakeTheirKindFromTheList() {
        Resource r = byAddress(parseResource(LISTS), "Deployment/prod/from-api-server");
        assertEquals("Deployment", r.kind());
        assertLine(29, 5, LISTS, r.location());
        assertLine(37, 15, LISTS, r.locate("/spec/template/spec/containers/0/image"));
        assertFalse(r.data().containsKey("kind"), "data stays as written");
    }

    @Test
    void listItemThatIsNotAnObjectIsAProblem() {
        ParseResult result = parseResource(LISTS);
        assertEquals(1, result.problems().size(), result.problems()::toString);
        Problem p = result.problems().get(0);
        assertEquals(LISTS, p.file());
        assertEquals(22, p.line());
        assertTrue(p.message().contains("item 2 of List"), p.message());
    }

    @Test
    void nestedListsAreExpanded() {
        ParseResult result = parse("nested.yaml", """
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: List
                    items:
                      - apiVersion: v1
                        kind: ConfigMap
                        metadata: {name: inner}
                        data: {k: v}
                """);
        Resource inner = byAddress(result, "ConfigMap/inner");
        assertLine(7, 9, "nested.yaml", inner.location());
        assertLine(10, 9, "nested.yaml", inner.locate("/data"));
        assertLine(10, 16, "nested.yaml", inner.locate("/data/k"));
    }

    @Test
    void listsNestedTooDeeplyAreReportedNotRecursedInto() {
        StringBuilder yaml = new StringBuilder();
        String indent = "";
        for (int i = 0; i < 10; i++) {
            yaml.append(indent).append(i == 0 ? "" : "- ").append("apiVersion: v1\n");
            indent = i == 0 ? "" : indent + "  ";
            yaml.append(indent).append("kind: List\n").append(indent).append("items:\n");
        }
        yaml.append(indent).append("- {apiVersion: v1, kind: ConfigMap, metadata: {name: deep}}\n");
        ParseResult result = parse("deep.yaml", yaml.toString());
        assertEquals(List.of(), result.resources());
        assertEquals(1, result.problems().size(), result.problems()::toString);
        assertTrue(result.problems().get(0).message().contains("nested in more than 8 lists"));
    }

    // ---- odd documents -----------------------------------------------------------------------------------------

    @Test
    void oddDocumentsAreHandledWithoutProblems() {
        ParseResult result = parseResource(ODD);
        assertEquals(List.of(), result.problems());
        assertEquals(List.of(
                "ConfigMap/<unnamed>",
                "Secret/shop/<unnamed>",
                "Widget/gadget",
                "List/<unnamed>"), result.resources().stream().map(Resource::address).toList());
        Resource noMetadata = result.resources().get(0);
        assertEquals("<unnamed>", noMetadata.name());
        assertLine(2, 1, ODD, noMetadata.location());
        assertEquals("no metadata at all", at(noMetadata, "/data/note"));
    }

    @Test
    void documentsThatAreNotKubernetesObjectsGiveNothing() {
        SourceFile file = new SourceFile(Path.of("x.yaml"), "x.yaml", SourceFile.FileType.YAML);
        for (String yaml : List.of("apiVersion: 1\nkind: Service\n", "kind: Pod\n", "- a\n- b\n", "just text\n",
                "apiVersion: v1\nkind: [Pod]\n")) {
            YamlDocument doc = loader.load(yaml, "x.yaml").documents().get(0);
            assertFalse(KubernetesParser.isKubernetesObject(doc), yaml);
            assertEquals(ParseResult.empty(), parser.parse(file, doc), yaml);
        }
    }

    @Test
    void numericNameIsTakenAsWritten() {
        ParseResult result = parse("n.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: 123, namespace: [x]}\n");
        assertEquals("ConfigMap/123", result.resources().get(0).address());
    }

    // ---- null fields and partial objects ------------------------------------------------------------------------

    @Test
    void aFieldWrittenWithoutAValueIsAbsentAsTheApiServerReadsIt() {
        ParseResult result = parse("rc.yaml", """
                apiVersion: v1
                kind: ReplicationController
                metadata:
                  name: web
                  labels:
                    tier:
                spec:
                  template:
                    spec:
                      containers:
                      - name: web
                        image: ghcr.io/acme/web:1.4
                        env:
                        ports:
                        - containerPort: 3000
                """);
        assertEquals(List.of(), result.problems());
        Resource rc = byAddress(result, "ReplicationController/web");
        @SuppressWarnings("unchecked")
        Map<String, Object> container = (Map<String, Object>) at(rc, "/spec/template/spec/containers/0");
        assertFalse(container.containsKey("env"));
        assertEquals("ghcr.io/acme/web:1.4", container.get("image"));
        // A label written without a value is still a label: string maps keep their keys.
        assertTrue(((Map<?, ?>) at(rc, "/metadata/labels")).containsKey("tier"));
        assertLine(12, 9, "rc.yaml", rc.locate("/spec/template/spec/containers/0/image"));
    }

    @Test
    void kustomizePatchesAreNotJudgedAsWholeObjects() {
        ParseResult result = parse("overlays/prod/patches.yaml", """
                # A strategic-merge patch: one container's env, nothing else of the Deployment
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: api
                spec:
                  template:
                    spec:
                      containers:
                      - name: api
                        env:
                        - name: LOG_LEVEL
                          value: debug
                ---
                # Only labels for the pod template
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: db
                spec:
                  template:
                    metadata:
                      labels:
                        release: v2
                ---
                # A directive that deletes an object of the base
                apiVersion: v1
                kind: Service
                metadata:
                  name: legacy
                $patch: delete
                ---
                # Annotations added to an Ingress of the base
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    nginx.ingress.kubernetes.io/proxy-body-size: 8m
                ---
                # Scheduling only, no containers (metrics-server's high-availability component)
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: metrics-server
                spec:
                  replicas: 2
                  template:
                    spec:
                      affinity:
                        podAntiAffinity: {}
                ---
                # Replicas only, no pod template
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: db
                spec:
                  replicas: 3
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: api-config
                data:
                  LOG_LEVEL: info
                """);
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("ConfigMap/api-config"), result.resources().stream().map(Resource::address).toList());
    }

    @Test
    void wholeWorkloadsAndIngressesAreStillRead() {
        ParseResult result = parse("base/app.yaml", """
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: report
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          restartPolicy: OnFailure
                          initContainers:
                          - name: wait
                            image: busybox:1.36
                          containers:
                          - name: report
                            image: ghcr.io/acme/report:2.0
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                spec:
                  defaultBackend:
                    service:
                      name: web
                      port:
                        number: 80
                """);
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("CronJob/report", "Ingress/web"),
                result.resources().stream().map(Resource::address).toList());
    }

    // ---- end to end ----------------------------------------------------------------------------------------------

    @Test
    void parsersDispatchesKubernetesDocumentsHere(@TempDir Path dir) throws IOException, URISyntaxException {
        Path source = Path.of(KubernetesParserTest.class.getResource("workloads.yaml").toURI());
        Path copy = dir.resolve("workloads.yaml");
        // CRLF line endings and a BOM, as a Windows editor would save the file: same resources, same lines.
        String text = Files.readString(source).replace("\n", "\r\n");
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(copy, withBom);

        ParseResult result = new Parsers().parse(new SourceFile(copy, "k8s/workloads.yaml", SourceFile.FileType.YAML));
        assertEquals(List.of(), result.problems());
        assertEquals(10, result.resources().size());
        Resource web = byAddress(result, "Deployment/shop/web");
        assertLine(43, 11, WORKLOADS, web.locate("/spec/template/spec/containers/0/image"));
        assertEquals("server {\n  listen 8080;\n}\n",
                at(byAddress(result, "ConfigMap/shop/web-config"), "/data/nginx.conf"));
    }
}
