package dev.tollgate.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.model.ParseResult;
import dev.tollgate.model.Problem;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceFile;
import dev.tollgate.model.SourceFile.FileType;
import dev.tollgate.parse.Parsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDiscoveryTest {

    @TempDir
    Path root;

    private void write(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Map<String, FileType> discovered() {
        Discovery d = new FileDiscovery().discover(List.of(root));
        assertEquals(List.of(), d.skipped());
        return d.files().stream().collect(Collectors.toMap(SourceFile::displayPath, SourceFile::type));
    }

    @Test
    void envTemplatesUnderTheOtherNamesProjectsGiveThemAreRead() {
        for (String name : List.of("env.example", "env.sample", ".env_sample", ".env-example", ".env_template",
                "app.env.example", "docker.env.dist")) {
            assertEquals(Optional.of(FileType.DOTENV), FileClassifier.classify(name), name);
        }
        // Not env files: direnv's script, env-cmd's JSON, a JavaScript module, a shell script
        for (String name : List.of(".envrc", ".env-cmdrc", "env.js", "env.sh", "environment.ts")) {
            assertEquals(Optional.empty(), FileClassifier.classify(name), name);
        }
    }

    @Test
    void severalRootsShowPathsFromTheDirectoryTheyShareAndEachFileOnce() throws IOException {
        write("api/docker-compose.yml", "services: {}\n");
        write("web/docker-compose.yml", "services: {}\n");
        write("web/deploy/app.yaml", "apiVersion: v1\nkind: Service\n");
        // Before: both compose files were shown as "docker-compose.yml", one file with the findings of two; and a
        // root inside another was walked twice, each of its files reported twice.
        Discovery d = new FileDiscovery().discover(List.of(root.resolve("api"), root.resolve("web"),
                root.resolve("web/deploy"), root.resolve("web/deploy/app.yaml"), root.resolve("api/../api")));
        assertEquals(List.of("api/docker-compose.yml", "web/deploy/app.yaml", "web/docker-compose.yml"),
                d.files().stream().map(SourceFile::displayPath).toList());
        // ...while each file is read only inside its own root (Terraform's file(), compose's env_file)
        assertEquals(List.of(root.resolve("api"), root.resolve("web"), root.resolve("web")),
                d.files().stream().map(SourceFile::root).toList());
        // One root: paths relative to it, as always.
        assertEquals(List.of("docker-compose.yml"), new FileDiscovery().discover(List.of(root.resolve("api"))).files()
                .stream().map(SourceFile::displayPath).toList());
    }

    @Test
    void tollgatesOwnConfigurationIsNotAScannedFileWhereverItIs() throws IOException {
        write(".tollgate.yml", "policies:\n  disable: []\n");
        write("services/api/.tollgate.yml", "severity: high\n");
        write("services/api/deploy.yml", "apiVersion: v1\nkind: Service\n");
        write("ci/tollgate.yml", "name: a workflow that happens to be named after the tool\n");

        assertEquals(Map.of("services/api/deploy.yml", FileType.YAML, "ci/tollgate.yml", FileType.YAML),
                discovered());
    }

    @Test
    void aConfigurationGivenByPathIsLeftOutButNotOthersOfItsName() throws IOException {
        write("ci/tollgate-prod.yml", "fail-on: high\n");
        write("services/api/tollgate-prod.yml", "apiVersion: v1\nkind: Service\n");
        write("services/api/deploy.yml", "apiVersion: v1\nkind: Service\n");

        // Named relative to the working directory and with a detour: the same file all the same
        Path given = Path.of("").toAbsolutePath()
                .relativize(root.resolve("ci/../ci/tollgate-prod.yml").toAbsolutePath());
        Discovery d = new FileDiscovery().leavingOut(given).discover(List.of(root));

        assertEquals(List.of(), d.skipped());
        assertEquals(List.of("services/api/deploy.yml", "services/api/tollgate-prod.yml"),
                d.files().stream().map(SourceFile::displayPath).toList());
    }

    @Test
    void helmChartTemplatesAreLeftOutWithOneNoteAtEachChart() throws IOException {
        write("charts/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n");
        write("charts/web/values.yaml", "replicaCount: 2\n");
        write("charts/web/templates/deployment.yaml", "{{- if .Values.enabled }}\napiVersion: apps/v1\n{{- end }}\n");
        write("charts/web/templates/sub/service.yaml", "apiVersion: v1\nkind: Service\n");
        write("charts/web/templates/_helpers.tpl", "{{- define \"web.name\" -}}web{{- end }}\n");
        write("charts/db/Chart.yml", "apiVersion: v2\nname: db\nversion: 0.1.0\n");
        write("charts/db/templates/statefulset.yaml", "kind: StatefulSet\n");
        // A templates/ directory that is not a chart's holds ordinary manifests
        write("k8s/templates/job.yaml", "apiVersion: batch/v1\nkind: Job\n");

        Discovery d = new FileDiscovery().discover(List.of(root));

        assertEquals(Map.of(
                "charts/db/Chart.yml", FileType.YAML,
                "charts/web/Chart.yaml", FileType.YAML,
                "charts/web/values.yaml", FileType.YAML,
                "k8s/templates/job.yaml", FileType.YAML),
                d.files().stream().collect(Collectors.toMap(SourceFile::displayPath, SourceFile::type)));
        String why = " under templates/ left out (Go templates, which only `helm template` turns into manifests);"
                + " scan the rendered output to check what the chart deploys";
        assertEquals(List.of(
                new Problem("charts/db/Chart.yml", 1, 0, Problem.Kind.NOT_SCANNED, "Helm chart: 1 template" + why),
                new Problem("charts/web/Chart.yaml", 1, 0, Problem.Kind.NOT_SCANNED, "Helm chart: 2 templates" + why)),
                d.skipped());
        // Templates excluded by the configuration are not counted; with all of them excluded, no note
        Discovery excluded = new FileDiscovery(FileDiscovery.DEFAULT_MAX_FILE_SIZE, List.of("charts/web/templates/**"))
                .discover(List.of(root));
        assertEquals(List.of("charts/db/Chart.yml"), excluded.skipped().stream().map(Problem::file).toList());
    }

    @Test
    void kubernetesManifestsWrittenAsJsonAreReadOtherJsonIsNot() throws IOException {
        // Tab-indented, as JSON often is: YAML forbids tabs for indentation, but not inside flow collections
        write("k8s/web.json", "{\n\t\"kind\": \"ReplicationController\",\n\t\"apiVersion\": \"v1\",\n"
                + "\t\"metadata\": {\"name\": \"web\"},\n\t\"spec\": {\n\t\t\"replicas\": 2,\n"
                + "\t\t\"template\": {\"spec\": {\n"
                + "\t\t\t\"containers\": [{\"name\": \"web\", \"image\": \"ghcr.io/acme/web:1.4\"}]\n\t\t}}\n\t}\n}\n");
        write("package.json", "{\"name\": \"web\", \"version\": \"1.0.0\"}\n");
        write("schema.json", "[{\"kind\": \"x\", \"apiVersion\": \"y\"}]\n");

        Map<String, FileType> files = discovered();
        assertEquals(Map.of("k8s/web.json", FileType.YAML), files);

        SourceFile file = new SourceFile(root.resolve("k8s/web.json"), "k8s/web.json", FileType.YAML);
        ParseResult result = new Parsers().parse(file);
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("ReplicationController/web"), result.resources().stream().map(Resource::address).toList());
        Resource rc = result.resources().get(0);
        assertEquals(8, rc.locate("/spec/template/spec/containers/0").line());
        assertTrue(rc.locate("/spec/template/spec/containers/0/image").column() > 1);
    }

    @Test
    void jsonWithAByteOrderMarkOrInUtf16IsStillRecognised() throws IOException {
        String manifest = "{\"apiVersion\": \"v1\", \"kind\": \"Service\", \"metadata\": {\"name\": \"web\"}}\n";
        String plan = dev.tollgate.parse.terraform.PlanFixture.PLAN;
        Files.writeString(root.resolve("bom.json"), "\uFEFF" + manifest, java.nio.charset.StandardCharsets.UTF_8);
        Files.writeString(root.resolve("utf16.json"), "\uFEFF" + manifest, java.nio.charset.StandardCharsets.UTF_16LE);
        Files.writeString(root.resolve("plan.json"), "\uFEFF" + plan, java.nio.charset.StandardCharsets.UTF_16LE);
        Files.writeString(root.resolve("other.json"), "\uFEFF{\"name\": \"web\"}",
                java.nio.charset.StandardCharsets.UTF_16BE);

        assertEquals(Map.of("bom.json", FileType.YAML, "utf16.json", FileType.YAML,
                "plan.json", FileType.TERRAFORM_PLAN), discovered());
        ParseResult parsed = new Parsers().parse(
                new SourceFile(root.resolve("utf16.json"), "utf16.json", FileType.YAML));
        assertEquals(List.of("Service/web"), parsed.resources().stream().map(Resource::address).toList());

        Files.writeString(root.resolve("utf8-plan.json"), plan, java.nio.charset.StandardCharsets.UTF_8);
        ParseResult utf8 = new Parsers().parse(new SourceFile(root.resolve("utf8-plan.json"), "plan.json",
                FileType.TERRAFORM_PLAN));
        ParseResult utf16 = new Parsers().parse(new SourceFile(root.resolve("plan.json"), "plan.json",
                FileType.TERRAFORM_PLAN));
        assertEquals(List.of(), utf16.problems());
        assertTrue(utf8.resources().size() >= 2, utf8.resources()::toString);
        assertEquals(utf8.resources(), utf16.resources());
    }

    @Test
    void aMarkerIsAskedOfTheBytesReadAndALongerFileIsAlwaysMarked() throws IOException {
        write("hpa.yaml", "kind: HorizontalPodAutoscaler\n");
        write("plain.yaml", "kind: Service\n");
        write("long.yaml", "# " + "x".repeat(9000) + "\nkind: Service\n");
        write("empty.yaml", "");
        write(".env", "# HorizontalPodAutoscaler\n"); // not of a marked type: never marked, whatever it holds
        Discovery marked = new FileDiscovery().withMarker(Set.of(FileType.YAML),
                bytes -> new String(bytes).contains("HorizontalPod")).discover(List.of(root));
        Map<String, Boolean> mayBe = marked.files().stream()
                .collect(Collectors.toMap(SourceFile::displayPath, marked::mayBeMarked));
        assertEquals(Map.of("hpa.yaml", true, "plain.yaml", false, "long.yaml", true, "empty.yaml", false,
                ".env", false), mayBe);

        Discovery unmarked = new FileDiscovery().discover(List.of(root));
        assertTrue(unmarked.files().stream().allMatch(unmarked::mayBeMarked), "without a marker, any file may be");
    }
}
