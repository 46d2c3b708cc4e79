package dev.tollgate.parse.kubernetes;

import dev.tollgate.discovery.FileDiscovery;
import dev.tollgate.model.LocationIndex;
import dev.tollgate.model.ParseResult;
import dev.tollgate.model.Problem;
import dev.tollgate.model.Resource;
import dev.tollgate.model.SourceFile;
import dev.tollgate.model.SourceLocation;
import dev.tollgate.parse.ScanTree;
import dev.tollgate.parse.SourceText;
import dev.tollgate.parse.dotenv.DotenvParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The env files a Kustomization's {@code secretGenerator} takes its values from ({@code envs:}, and the older
 * {@code env:}), read as env resources so that the env policies judge the generated Secret's values at their lines.
 * A file named like an env file ({@code secrets.env}, {@code .env}) is left to discovery, which reads it anyway, so it
 * is judged once; other names ({@code db.properties}) are read here, inside the scanned tree only ({@link ScanTree}).
 * {@code files:} are whole-file values (a token, a key) that no policy judges, and are not read. Stateless and
 * thread-safe.
 */
public final class KustomizeEnvFiles {

    private final DotenvParser dotenv;

    public KustomizeEnvFiles(DotenvParser dotenv) {
        this.dotenv = dotenv;
    }

    /** True when {@code resources} holds a Kustomization, whose env files {@link #read} would look for. */
    public static boolean hasKustomization(List<Resource> resources) {
        return resources.stream().anyMatch(r -> r.kind().equals("Kustomization"));
    }

    /**
     * The env resources and problems of the secretGenerator env files of the Kustomizations among {@code resources}.
     */
    public ParseResult read(SourceFile file, List<Resource> resources) {
        List<Resource> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        ScanTree tree = new ScanTree(file);
        Set<String> seen = new HashSet<>();
        for (Resource k : resources) {
            if (!k.kind().equals("Kustomization") || !(k.data().get("secretGenerator") instanceof List<?> generators)) {
                continue;
            }
            for (int i = 0; i < generators.size(); i++) {
                if (!(generators.get(i) instanceof Map<?, ?> generator)) {
                    continue;
                }
                String base = LocationIndex.child("/secretGenerator", i);
                if (generator.get("envs") instanceof List<?> envs) {
                    for (int j = 0; j < envs.size(); j++) {
                        if (envs.get(j) instanceof String written) {
                            read(file, tree, written, k.locate(LocationIndex.child(base + "/envs", j)), seen,
                                    out, problems);
                        }
                    }
                }
                if (generator.get("env") instanceof String written) {
                    read(file, tree, written, k.locate(base + "/env"), seen, out, problems);
                }
            }
        }
        return new ParseResult(out, problems);
    }

    private void read(SourceFile file, ScanTree tree, String written, SourceLocation at, Set<String> seen,
            List<Resource> out, List<Problem> problems) {
        String name = written.substring(written.replace('\\', '/').lastIndexOf('/') + 1);
        if (FileDiscovery.isEnvFileName(name)) {
            return;
        }
        ScanTree.Lookup found = tree.find(file.path(), file.displayPath(), written);
        String display = found.displayPath();
        if (!seen.add(display)) {
            return;
        }
        if (found instanceof ScanTree.Missing) {
            problems.add(Problem.at(at, Problem.Kind.UNREADABLE, "secretGenerator env file " + display
                    + " not found: the values it would set are not checked"));
        } else if (found instanceof ScanTree.OutsideRoot) {
            problems.add(Problem.at(at, Problem.Kind.SKIPPED, "secretGenerator env file " + display
                    + " is outside the scanned directory; not read"));
        } else if (found instanceof ScanTree.Unreadable u) {
            problems.add(Problem.at(at, Problem.Kind.UNREADABLE, "secretGenerator env file " + display + ": "
                    + u.reason()));
        } else if (found instanceof ScanTree.Found f) {
            SourceFile env = new SourceFile(f.path(), display, SourceFile.FileType.DOTENV);
            SourceText.Read text = SourceText.read(env);
            if (text.problem() != null) {
                problems.add(text.problem());
                return;
            }
            ParseResult parsed = dotenv.parse(env, text.text());
            out.addAll(parsed.resources());
            problems.addAll(parsed.problems());
        }
    }
}
